#[nexus_errors::error_table(path = "specs/tab_indented.toml")]
pub enum Broken {}

fn main() {}
