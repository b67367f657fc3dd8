#[nexus_errors::error_table(path = "specs/no_rows.toml")]
pub enum Broken {}

fn main() {}
