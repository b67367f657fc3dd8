use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
pub enum Api {
    Expired,
    Conflict,
    Unavailable,
}

fn main() {}
