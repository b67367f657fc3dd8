#[nexus_errors::error_table(path = "specs/code_negative.toml")]
pub enum Broken {}

fn main() {}
