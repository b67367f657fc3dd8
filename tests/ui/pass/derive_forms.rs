//! Both derive forms on one table: every row named, and a catch-all for the rest.

use nexus_errors::{ErrorTable, Row};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "specs/derive_rows.toml")]
pub enum Named {
    #[nexus(row = "Expired")]
    SessionGone,
    Conflict,
    Unavailable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "specs/derive_rows.toml", crate = ::nexus_errors)]
pub enum Partial {
    Conflict,
    #[nexus(other)]
    Other(&'static Row),
}

fn main() {
    // Values from specs/derive_rows.toml.
    assert_eq!(Named::SessionGone.code(), Some(4011));
    assert_eq!(Named::SessionGone.name(), "Expired");
    assert_eq!(Named::from_code(4011), Some(Named::SessionGone));
    assert_eq!(Named::Unavailable.to_string(), "503 Service Unavailable: Down for maintenance.");
    assert_eq!(Named::ALL, &[Named::SessionGone, Named::Conflict, Named::Unavailable]);

    assert_eq!(Partial::COUNT, 3);
    assert!(matches!(Partial::from_code(4011), Some(Partial::Other(row)) if row.status() == 401));
    assert_eq!(Partial::with_status(409), &[Partial::Conflict]);
    assert_eq!("Unavailable".parse::<Partial>().map(|p| p.status()), Ok(503));
}
