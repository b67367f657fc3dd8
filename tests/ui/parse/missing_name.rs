#[nexus_errors::error_table(path = "specs/missing_name.toml")]
pub enum Broken {}

fn main() {}
