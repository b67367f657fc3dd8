#[nexus_errors::error_table(path = "specs/uncoded_same_status_and_description.toml")]
pub enum Broken {}

fn main() {}
