#[nexus_errors::error_table(path = "specs/duplicate_name.toml")]
pub enum Broken {}

fn main() {}
