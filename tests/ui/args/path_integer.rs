#[nexus_errors::error_table(path = 3)]
pub enum Broken {}

fn main() {}
