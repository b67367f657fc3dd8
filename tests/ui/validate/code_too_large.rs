#[nexus_errors::error_table(path = "specs/code_too_large.toml")]
pub enum Broken {}

fn main() {}
