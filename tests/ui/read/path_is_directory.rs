#[nexus_errors::error_table(path = "specs")]
pub enum Broken {}

fn main() {}
