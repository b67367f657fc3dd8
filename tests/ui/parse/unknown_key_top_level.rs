#[nexus_errors::error_table(path = "specs/unknown_key_top_level.toml")]
pub enum Broken {}

fn main() {}
