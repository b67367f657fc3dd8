#[nexus_errors::error_table(path = "specs/crlf_line_endings.toml")]
pub enum Broken {}

fn main() {}
