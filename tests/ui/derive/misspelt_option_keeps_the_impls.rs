use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(pth = "specs/derive_rows.toml")]
pub enum Api {
    Expired,
    Conflict,
}

fn main() {
    // The impls are still emitted, over stand-in rows: the misspelt option is the only error.
    let _ = Api::Expired.status();
    let _ = Api::from_name("Conflict");
    let _ = Api::ALL.len();
}
