#[nexus_errors::error_table(path = "specs/codes_of_both_kinds.toml")]
pub enum Broken {}

fn main() {}
