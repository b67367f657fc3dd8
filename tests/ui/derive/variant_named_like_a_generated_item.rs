//! A hand-written variant cannot take a name the generated items use.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, nexus_errors::ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub enum Named {
    #[nexus(row = "Expired")]
    ALL,
    Conflict,
    Unavailable,
}

fn main() {}
