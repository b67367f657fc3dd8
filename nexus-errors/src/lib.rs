//! Typed errors for the MX Nexus API, generated at compile time from the documented error table.
//!
//! The table lives as data in `spec/errors.toml`; [`error_table`] reads it while the crate
//! compiles and generates [`NexusError`], one variant per documented row, with its
//! `Display`, `std::error::Error` and `const` accessors. [`ResponseError`] turns any failed
//! HTTP response into a typed error without ever failing.
//!
//! ```
//! use nexus_errors::{Action, NexusError};
//!
//! let error = NexusError::SessionTokenExpired;
//! assert_eq!(error.code(), Some(4011));
//! assert_eq!(error.status(), 401);
//! assert_eq!(error.to_string(), "401 Unauthorized [4011]: The session token used in this request has expired.");
//!
//! let response = nexus_errors::from_response(401u16, br#"{"error":{"code":4011,"message":"expired"}}"#);
//! assert_eq!(response.row(), Some(NexusError::SessionTokenExpired));
//! assert_eq!(response.action(), Action::Reauthenticate);
//! ```
//!
//! The documentation says error codes and messages are informational and may change; the
//! HTTP status is what an integration should act on. So every decision here
//! ([`Action`], [`ResponseError::is_retryable`], …) depends on the status alone, and the
//! row is there for logs and for people.
#![warn(missing_docs)]

// The generated code names this crate by its absolute path, `::nexus_errors`, which must
// also resolve inside the crate itself.
extern crate self as nexus_errors;

mod action;
mod body;
mod code;
mod escape;
mod response;
mod row;
mod table;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use action::{Action, is_client_error, is_retryable, is_server_error, needs_reauthentication};
pub use code::Code;
pub use nexus_errors_macros::{ErrorTable, error_table};
pub use response::{DISPLAY_CODE_LIMIT, DISPLAY_MESSAGE_LIMIT, Resolution, ResponseError};
pub use row::Row;
pub use table::{ErrorTable, UnknownName};

/// Errors of the MX Nexus API.
#[error_table(path = "spec/errors.toml")]
pub enum NexusError {}

/// Reads a failed Nexus API response into a typed error; never fails, never panics.
///
/// Shorthand for [`ResponseError::<NexusError>::from_response`](ResponseError::from_response).
///
/// ```
/// let error = nexus_errors::from_response(503u16, b"<html>Service Unavailable</html>");
/// assert!(error.is_retryable());
/// assert_eq!(error.row(), None);
/// assert_eq!(error.to_string(), "503 Service Unavailable");
/// ```
#[must_use]
pub fn from_response(status: impl Into<u16>, body: &[u8]) -> ResponseError<NexusError> {
    ResponseError::from_response(status, body)
}
