#[nexus_errors::error_table(path = "specs/code_too_wide.toml")]
pub enum Broken {}

fn main() {}
