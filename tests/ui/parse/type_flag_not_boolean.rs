#[nexus_errors::error_table(path = "specs/type_flag_not_boolean.toml")]
pub enum Broken {}

fn main() {}
