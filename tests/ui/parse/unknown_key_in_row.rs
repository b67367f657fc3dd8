#[nexus_errors::error_table(path = "specs/unknown_key_in_row.toml")]
pub enum Broken {}

fn main() {}
