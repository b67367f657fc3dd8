#[nexus_errors::error_table(path = "specs/status_text_wrong_case.toml")]
pub enum Broken {}

fn main() {}
