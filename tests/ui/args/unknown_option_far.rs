#[nexus_errors::error_table(path = "specs/minimal.toml", file = "specs/minimal.toml")]
pub enum Broken {}

fn main() {}
