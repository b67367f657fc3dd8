#[nexus_errors::error_table(path = "specs/missing_status_text.toml")]
pub enum Broken {}

fn main() {}
