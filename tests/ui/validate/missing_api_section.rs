#[nexus_errors::error_table(path = "specs/missing_api_section.toml")]
pub enum Broken {}

fn main() {}
