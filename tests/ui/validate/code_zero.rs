#[nexus_errors::error_table(path = "specs/code_zero.toml")]
pub enum Broken {}

fn main() {}
