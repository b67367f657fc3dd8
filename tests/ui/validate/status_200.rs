#[nexus_errors::error_table(path = "specs/status_200.toml")]
pub enum Broken {}

fn main() {}
