//! Items the generated code refers to. Not part of the public API.

pub use http;
use http::StatusCode;

/// `StatusCode` for a status the macro has already checked to be in 400..=599.
///
/// The check runs in a `const` block, so an out-of-range `N` fails the build and can never
/// panic at run time.
pub const fn status_code<const N: u16>() -> StatusCode {
    const {
        match StatusCode::from_u16(N) {
            Ok(status) => status,
            Err(_) => panic!("an HTTP status code must be in 100..=999"),
        }
    }
}
