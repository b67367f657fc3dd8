#[nexus_errors::error_table(path = "specs/name_raw_identifier.toml")]
pub enum Broken {}

fn main() {}
