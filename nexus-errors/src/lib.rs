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
//!
//! # Guarantees
//!
//! - Reading a response ([`from_response`], [`ResponseError::from_http`], and with the
//!   `reqwest` feature `from_reqwest`) never fails and never panics, whatever the status and
//!   the bytes: empty, HTML, truncated, not UTF-8, or nested a million levels deep (nothing
//!   recurses with the input: serde_json's recursion limit is 128 levels, and what the
//!   reader skips is skipped iteratively).
//! - The status is kept as received, the code and the message as sent, row or no row.
//! - Memory is bounded by the body (about twice its size at most while reading); the
//!   `reqwest` helpers read at most `MAX_BODY_BYTES` (64 KiB) of it.
//! - `Display` of a [`ResponseError`] is one line with control characters escaped, at most
//!   [`DISPLAY_CODE_LIMIT`] bytes of code and [`DISPLAY_MESSAGE_LIMIT`] of message (the exact
//!   bound is on its `Display` impl).
//!
//! # HTTP clients
//!
//! [`ResponseError::from_http`] (or `From<&http::Response<B>>`) reads an `http::Response`
//! whose body is in memory, and its `Retry-After` header in delta-seconds form
//! ([`ResponseError::retry_after`]). The `reqwest` feature (reqwest 0.13 without default
//! features; for HTTPS, enable a TLS feature on your own reqwest dependency) adds `ResponseError::from_reqwest`, `from_reqwest` and the
//! `ReqwestResponseExt::nexus_error_for_status` method, which read at most `MAX_BODY_BYTES`
//! of the body. For mock servers and tests, [`Row::error_body`] and
//! [`Row::to_http_response`] give the response the API sends for a row.
//!
//! # Serde
//!
//! A generated enum serializes as its row's name, a string, and deserializes from it; any
//! other string or type is an error. The name is the one in the spec, kept stable.
//!
//! ```
//! use nexus_errors::NexusError;
//!
//! let json = serde_json::to_string(&NexusError::SessionTokenExpired).unwrap();
//! assert_eq!(json, r#""SessionTokenExpired""#);
//! assert_eq!(serde_json::from_str::<NexusError>(&json).unwrap(), NexusError::SessionTokenExpired);
//! assert!(serde_json::from_str::<NexusError>(r#""NoSuchRow""#).is_err());
//! assert!(serde_json::from_str::<NexusError>("4011").is_err());
//! ```
#![warn(missing_docs)]

// The generated code names this crate by its absolute path, `::nexus_errors`, which must
// also resolve inside the crate itself.
extern crate self as nexus_errors;

mod action;
mod body;
mod code;
mod error_body;
mod escape;
mod http_response;
#[cfg(feature = "reqwest")]
mod reqwest_ext;
mod response;
mod row;
mod table;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

// Each body reader on its own, for the fuzz targets in `fuzz/`; cargo-fuzz sets `--cfg fuzzing`.
#[cfg(fuzzing)]
#[doc(hidden)]
pub use body::fuzz as __fuzz;

pub use action::{Action, is_client_error, is_retryable, is_server_error, needs_reauthentication};
pub use code::Code;
pub use nexus_errors_macros::{ErrorTable, error_table};
#[cfg(feature = "reqwest")]
pub use reqwest_ext::{MAX_BODY_BYTES, ReqwestResponseExt, from_reqwest};
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
