#[nexus_errors::error_table(path = "specs/body_pointer_not_json_pointer.toml")]
pub enum Broken {}

fn main() {}
