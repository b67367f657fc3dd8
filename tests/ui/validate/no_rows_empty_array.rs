#[nexus_errors::error_table(path = "specs/no_rows_empty_array.toml")]
pub enum Broken {}

fn main() {}
