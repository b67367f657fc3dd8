#[nexus_errors::error_table(path = "specs/name_empty.toml")]
pub enum Broken {}

fn main() {}
