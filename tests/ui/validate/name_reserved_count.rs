#[nexus_errors::error_table(path = "specs/name_reserved_count.toml")]
pub enum Broken {}

fn main() {}
