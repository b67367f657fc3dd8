//! Both forms of the macro on this crate's own table, checked as it runs: the MSRV job runs
//! this binary, so a build that compiles but misbehaves on the old compiler fails it too.

#[nexus_errors::error_table(path = "errors.toml")]
pub enum Generated {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, nexus_errors::ErrorTable)]
#[nexus(path = "errors.toml")]
pub enum Derived {
    #[nexus(row = "Gone")]
    Removed,
    Busy,
}

fn main() {
    assert_eq!(Generated::COUNT, 2);
    assert_eq!(Generated::from_code(4101), Some(Generated::Gone));
    assert_eq!(Generated::Gone.to_string(), "410 Gone [4101]: It is gone.");
    assert_eq!("Busy".parse::<Generated>(), Ok(Generated::Busy));

    assert_eq!(Derived::ALL, [Derived::Removed, Derived::Busy]);
    assert_eq!(Derived::Removed.code(), Some(4101));
    assert_eq!(Derived::Busy.status(), 503);
    let response = Derived::from_response(503u16, b"<html>busy</html>");
    assert_eq!(response.row(), Some(Derived::Busy));
    assert!(response.is_retryable());

    println!("msrv probe: both forms build and behave on this table");
}
