#[nexus_errors::error_table(path = "specs/status_text_unprocessable_content.toml")]
pub enum Broken {}

fn main() {}
