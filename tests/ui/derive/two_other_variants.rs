use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub enum Api {
    Expired,
    #[nexus(other)]
    Other(&'static nexus_errors::Row),
    #[nexus(other)]
    Rest(&'static nexus_errors::Row),
}

fn main() {}
