// The spec is written by `tests/ui.rs` (too large to commit); see `write_large_specs`.
#[nexus_errors::error_table(path = "specs/huge_line.toml")]
pub enum Large {}

fn main() {}
