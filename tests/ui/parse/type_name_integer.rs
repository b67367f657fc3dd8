#[nexus_errors::error_table(path = "specs/type_name_integer.toml")]
pub enum Broken {}

fn main() {}
