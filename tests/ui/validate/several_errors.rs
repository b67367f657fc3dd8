#[nexus_errors::error_table(path = "specs/several_errors.toml")]
pub enum Broken {}

fn main() {}
