#[nexus_errors::error_table(path = "specs/minimal.toml")]
#[derive(PartialOrd, Debug)]
pub enum Minimal {}

fn main() {}
