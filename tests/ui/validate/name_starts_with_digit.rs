#[nexus_errors::error_table(path = "specs/name_starts_with_digit.toml")]
pub enum Broken {}

fn main() {}
