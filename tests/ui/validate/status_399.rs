#[nexus_errors::error_table(path = "specs/status_399.toml")]
pub enum Broken {}

fn main() {}
