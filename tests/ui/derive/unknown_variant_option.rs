use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub enum Api {
    #[nexus(rwo = "Expired")]
    SessionGone,
    Conflict,
    Unavailable,
}

fn main() {}
