#[nexus_errors::error_table(path = "specs/type_notes_not_array.toml")]
pub enum Broken {}

fn main() {}
