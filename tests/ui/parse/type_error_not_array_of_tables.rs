#[nexus_errors::error_table(path = "specs/type_error_not_array_of_tables.toml")]
pub enum Broken {}

fn main() {}
