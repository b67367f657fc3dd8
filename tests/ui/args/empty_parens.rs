#[nexus_errors::error_table()]
pub enum Broken {}

fn main() {}
