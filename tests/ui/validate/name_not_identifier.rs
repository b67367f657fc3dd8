#[nexus_errors::error_table(path = "specs/name_not_identifier.toml")]
pub enum Broken {}

fn main() {}
