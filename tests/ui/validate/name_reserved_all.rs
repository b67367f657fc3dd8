#[nexus_errors::error_table(path = "specs/name_reserved_all.toml")]
pub enum Broken {}

fn main() {}
