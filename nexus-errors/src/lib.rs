//! Typed errors for the MX Nexus API, generated at compile time from the documented error table.
//!
//! The table lives as data in `spec/errors.toml`; [`error_table`] reads it while the crate
//! compiles and generates [`NexusError`], one variant per documented row, with its
//! `Display`, `std::error::Error` and `const` accessors. [`ResponseError`] turns any failed
//! HTTP response into a typed error without ever failing.
//!
//! ```
//! use nexus_errors::{Action, NexusError, ResponseError};
//!
//! let error = NexusError::SessionTokenExpired;
//! assert_eq!(error.code(), Some(4011));
//! assert_eq!(error.status(), 401);
//! assert_eq!(error.to_string(), "401 Unauthorized [4011]: The session token used in this request has expired.");
//!
//! let body = br#"{"error":{"code":4011,"message":"expired"}}"#;
//! let response: ResponseError<NexusError> = ResponseError::from_response(401u16, body);
//! assert_eq!(response.row(), Some(NexusError::SessionTokenExpired));
//! assert_eq!(response.action(), Action::Reauthenticate);
//! ```
//!
//! The documentation says error codes and messages are informational and may change; the
//! HTTP status is what an integration should act on. So every decision here
//! ([`Action`], [`ResponseError::is_retryable`], …) depends on the status alone, and the
//! row is there for logs and for people.
//!
//! Reading a response never fails and never panics, whatever the status, the headers and the
//! bytes; [`ResponseError`'s guarantees](ResponseError#guarantees) say exactly what holds,
//! including how far `Display` is bounded.
//!
//! # HTTP clients
//!
//! [`ResponseError::from_http`] (or `From<&http::Response<B>>`) reads an `http::Response`
//! whose body is in memory, with the headers a client acts on:
//! [`retry_after`](ResponseError::retry_after) (`Retry-After` as delta-seconds or an
//! HTTP-date, read against the response's `Date`, capped at [`MAX_RETRY_AFTER`]) and
//! [`request_id`](ResponseError::request_id) (from [`REQUEST_ID_HEADERS`]).
//! [`ResponseError::is_throttled`] and [`Action::WaitAndRetry`] tell a 429 apart from the
//! transient failures (408, 500, 502, 503, 504), which call for the client's own backoff.
//!
//! Features, all off by default:
//!
//! - `reqwest` (reqwest 0.13 without default features; for HTTPS, enable a TLS feature on
//!   your own reqwest dependency): `ResponseError::from_reqwest` and the
//!   `ReqwestResponseExt::table_error_for_status` method, which read at most 64 KiB of the
//!   body.
//! - `reqwest-middleware`: `StatusRetryStrategy`, a reqwest-retry `RetryableStrategy` that
//!   retries what [`ResponseError::is_retryable`] names, for any table. reqwest-retry cannot
//!   honour `Retry-After`; see below for a retry loop that does.
//! - `miette`: `miette::Diagnostic` for [`ResponseError`] and the generated enums: the code
//!   is the row's name namespaced by the API (`nexus_api::SessionTokenExpired`, or
//!   `nexus_api::http_503` without a row), the help is the [`Action`]'s advice, the url the
//!   spec's `[api] source` ([`Api`]).
//! - `http-body`: `ResponseError::from_http_body`, which reads at most 64 KiB of any
//!   `http_body::Body` (hyper, tower and axum clients).
//!
//! A status alone, without a response, is classified by [`Action::for_status`].
//!
//! For mock servers and tests, [`Row::error_body`] and [`Row::to_http_response`] give the
//! response the API sends for a row.
//!
//! # Retrying
//!
//! [backon](https://docs.rs/backon) retries with the server's wait where it gave one:
//! `.when(ResponseError::is_retryable)` picks what to retry, and `.adjust` replaces each
//! backoff delay with [`ResponseError::retry_after`]. backon's `None` means no retries are
//! left, so the recipe keeps it: `.adjust(|e, d| e.retry_after().or(d))` would retry forever
//! while the server keeps sending `Retry-After`. Cap the server's wait (`.min(…)`) if one
//! day, [`MAX_RETRY_AFTER`], is too long for you.
//!
//! ```
//! use std::cell::Cell;
//! use std::time::Duration;
//!
//! use backon::{ExponentialBuilder, Retryable};
//! use nexus_errors::{NexusError, ResponseError};
//!
//! /// One attempt, against a stand-in server that throttles the first request.
//! async fn attempt(sent: &Cell<u32>) -> Result<&'static str, ResponseError> {
//!     sent.set(sent.get() + 1);
//!     if sent.get() == 1 {
//!         let mut throttled = NexusError::TooManyRequests.row().to_http_response();
//!         throttled.headers_mut().insert("retry-after", http::HeaderValue::from_static("0"));
//!         return Err(ResponseError::from_http(&throttled));
//!     }
//!     Ok("members")
//! }
//!
//! let sent = Cell::new(0);
//! let mut waits = Vec::new();
//! let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build()?;
//! let result = runtime.block_on(
//!     (|| attempt(&sent))
//!         .retry(ExponentialBuilder::default().with_max_times(3))
//!         .when(ResponseError::is_retryable)
//!         .adjust(|e, d| d.map(|d| e.retry_after().unwrap_or(d)))
//!         .notify(|_, wait| waits.push(wait)),
//! );
//! assert_eq!(result, Ok("members"));
//! assert_eq!(sent.get(), 2);
//! // The server's wait, not the backoff's first delay (one second).
//! assert_eq!(waits, [Duration::ZERO]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
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
mod api;
mod body;
mod body_shape;
#[cfg(any(feature = "reqwest", feature = "http-body"))]
mod bounded_body;
mod code;
#[cfg(feature = "miette")]
mod diagnostic;
mod error_body;
mod escape;
#[cfg(feature = "http-body")]
mod http_body_ext;
mod http_response;
mod reading;
#[cfg(feature = "reqwest")]
mod reqwest_ext;
mod response;
#[cfg(feature = "reqwest-middleware")]
mod retry_strategy;
mod row;
mod server_code;
mod table;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

// The body reader with any pointers, for the fuzz targets in `fuzz/` and the run-time bench.
#[doc(hidden)]
pub use body::hook as __body;

pub use action::Action;
pub use api::Api;
pub use body_shape::BodyShape;
pub use code::Code;
pub use http_response::{MAX_RETRY_AFTER, REQUEST_ID_HEADERS};
pub use nexus_errors_macros::{ErrorTable, error_table};
#[cfg(feature = "reqwest")]
pub use reqwest_ext::ReqwestResponseExt;
pub use response::{Resolution, ResponseError};
#[cfg(feature = "reqwest-middleware")]
pub use retry_strategy::StatusRetryStrategy;
pub use row::Row;
pub use server_code::ServerCode;
pub use table::{ErrorTable, UnknownName};

/// Errors of the MX Nexus API.
#[error_table(path = "spec/errors.toml")]
pub enum NexusError {}
