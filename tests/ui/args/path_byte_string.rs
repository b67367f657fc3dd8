#[nexus_errors::error_table(path = b"specs/minimal.toml")]
pub enum Broken {}

fn main() {}
