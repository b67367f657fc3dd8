#[nexus_errors::error_table(path = "specs/code_prefix_mismatch.toml")]
pub enum Broken {}

fn main() {}
