#[nexus_errors::error_table(path = "specs/not_utf8.toml")]
pub enum Broken {}

fn main() {}
