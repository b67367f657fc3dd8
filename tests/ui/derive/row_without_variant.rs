use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub enum Api {
    Expired,
    Unavailable,
}

fn main() {
    // Only the missing row is reported: the impls are still generated.
    let _ = Api::Expired.status();
}
