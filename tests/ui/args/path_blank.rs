#[nexus_errors::error_table(path = "   ")]
pub enum Broken {}

fn main() {}
