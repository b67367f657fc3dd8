#[nexus_errors::error_table(path = "specs/missing_status.toml")]
pub enum Broken {}

fn main() {}
