#[nexus_errors::error_table(path = "specs/type_code_float.toml")]
pub enum Broken {}

fn main() {}
