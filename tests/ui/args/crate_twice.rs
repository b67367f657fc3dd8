#[nexus_errors::error_table(path = "specs/minimal.toml", crate = ::nexus_errors, crate = ::nexus_errors)]
pub enum Broken {}

fn main() {}
