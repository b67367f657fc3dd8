#[nexus_errors::error_table(path = "specs/code_prefix_too_short.toml")]
pub enum Broken {}

fn main() {}
