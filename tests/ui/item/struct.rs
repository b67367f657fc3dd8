#[nexus_errors::error_table(path = "specs/minimal.toml")]
pub struct Broken;

fn main() {}
