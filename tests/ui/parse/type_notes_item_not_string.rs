#[nexus_errors::error_table(path = "specs/type_notes_item_not_string.toml")]
pub enum Broken {}

fn main() {}
