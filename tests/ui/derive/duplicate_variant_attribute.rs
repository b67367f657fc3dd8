use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub enum Api {
    #[nexus(row = "Expired")]
    #[nexus(row = "Expired")]
    SessionGone,
    Conflict,
    Unavailable,
}

fn main() {}
