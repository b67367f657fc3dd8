#[nexus_errors::error_table(path = "specs/status_299.toml")]
pub enum Broken {}

fn main() {}
