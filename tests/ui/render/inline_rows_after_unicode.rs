#[nexus_errors::error_table(path = "specs/inline_rows_after_unicode.toml")]
pub enum Broken {}

fn main() {}
