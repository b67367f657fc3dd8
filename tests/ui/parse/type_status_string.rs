#[nexus_errors::error_table(path = "specs/type_status_string.toml")]
pub enum Broken {}

fn main() {}
