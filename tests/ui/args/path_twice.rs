#[nexus_errors::error_table(path = "specs/minimal.toml", path = "specs/minimal.toml")]
pub enum Broken {}

fn main() {}
