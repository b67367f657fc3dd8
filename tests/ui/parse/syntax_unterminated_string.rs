#[nexus_errors::error_table(path = "specs/syntax_unterminated_string.toml")]
pub enum Broken {}

fn main() {}
