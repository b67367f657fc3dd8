#[nexus_errors::error_table(path = "specs/syntax_unclosed_header.toml")]
pub enum Broken {}

fn main() {}
