use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(crate = ::nexus_errors)]
pub enum Api {
    Expired,
    Conflict,
    Unavailable,
}

fn main() {}
