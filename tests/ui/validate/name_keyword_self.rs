#[nexus_errors::error_table(path = "specs/name_keyword_self.toml")]
pub enum Broken {}

fn main() {}
