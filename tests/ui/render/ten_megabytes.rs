// The spec is written by `tests/ui.rs` (too large to commit); see `write_large_specs`.
#[nexus_errors::error_table(path = "specs/ten_megabytes.toml")]
pub enum Large {}

fn main() {}
