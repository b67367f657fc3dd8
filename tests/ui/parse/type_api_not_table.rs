#[nexus_errors::error_table(path = "specs/type_api_not_table.toml")]
pub enum Broken {}

fn main() {}
