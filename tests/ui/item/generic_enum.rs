#[nexus_errors::error_table(path = "specs/minimal.toml")]
pub enum Broken<T> {}

fn main() {}
