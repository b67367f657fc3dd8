use nexus_errors::ErrorTable;

#[derive(ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub union NotAnEnum {
    a: u32,
    b: f32,
}

fn main() {}
