#[nexus_errors::error_table(path = "specs/duplicate_code.toml")]
pub enum Broken {}

fn main() {}
