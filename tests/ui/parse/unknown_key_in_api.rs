#[nexus_errors::error_table(path = "specs/unknown_key_in_api.toml")]
pub enum Broken {}

fn main() {}
