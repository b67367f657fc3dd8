#[nexus_errors::error_table(path = "specs/minimal.toml")]
pub enum Broken
where
    u8: Copy, {}

fn main() {}
