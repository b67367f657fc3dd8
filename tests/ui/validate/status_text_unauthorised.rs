#[nexus_errors::error_table(path = "specs/status_text_unauthorised.toml")]
pub enum Broken {}

fn main() {}
