#[nexus_errors::error_table(path = "specs/no_such_spec.toml")]
pub enum Broken {}

fn main() {}
