//! Both forms of the macro on this crate's own table, checked as it runs. Two jobs run it:
//! `.ci/run` with the oldest Rust the library supports (Debian's 1.85), and
//! `tests/tests/outside_workspace.rs` with the current one, which also reads what it prints.

use nexus_errors::ResponseError;

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
    assert_eq!("Busy".parse::<Generated>(), Ok(Generated::Busy));
    assert_eq!(Derived::ALL, [Derived::Removed, Derived::Busy]);
    assert_eq!(Derived::Removed.code(), Some(4101));
    assert_eq!(Derived::Busy.status(), 503);
    for error in Generated::ALL {
        println!("generated {error:?}: {error}");
    }
    for error in Derived::ALL {
        println!("derived {error:?}: {error}");
    }
    let response = ResponseError::<Derived>::from_response(503u16, b"<html>busy</html>");
    println!(
        "response {:?} retry={}",
        response.row(),
        response.is_retryable()
    );
}
