#[nexus_errors::error_table(path = "specs/missing_description.toml")]
pub enum Broken {}

fn main() {}
