#[nexus_errors::error_table(path = "specs/status_600.toml")]
pub enum Broken {}

fn main() {}
