#[nexus_errors::error_table(path = "specs/body_unknown_preset.toml")]
pub enum Broken {}

fn main() {}
