#[nexus_errors::error_table(path = "specs/multiline_notes.toml")]
pub enum Broken {}

fn main() {}
