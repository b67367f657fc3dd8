use nexus_errors::ErrorTable;

#[derive(ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub struct NotAnEnum;

fn main() {}
