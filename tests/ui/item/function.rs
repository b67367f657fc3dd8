#[nexus_errors::error_table(path = "specs/minimal.toml")]
pub fn broken() {}

fn main() {}
