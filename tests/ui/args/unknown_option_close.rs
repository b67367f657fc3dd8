#[nexus_errors::error_table(pth = "specs/minimal.toml")]
pub enum Broken {}

fn main() {}
