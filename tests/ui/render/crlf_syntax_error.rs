#[nexus_errors::error_table(path = "specs/crlf_syntax_error.toml")]
pub enum Broken {}

fn main() {}
