#[nexus_errors::error_table(path = "specs/repeated_code_not_told_apart.toml")]
pub enum Broken {}

fn main() {}
