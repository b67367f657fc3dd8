#[nexus_errors::error_table(path = "specs/name_not_ascii.toml")]
pub enum Broken {}

fn main() {}
