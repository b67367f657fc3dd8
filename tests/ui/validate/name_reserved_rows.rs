#[nexus_errors::error_table(path = "specs/name_reserved_rows.toml")]
pub enum Broken {}

fn main() {}
