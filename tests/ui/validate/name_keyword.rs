#[nexus_errors::error_table(path = "specs/name_keyword.toml")]
pub enum Broken {}

fn main() {}
