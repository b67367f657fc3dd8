//! What a client should do about an error, decided by the HTTP status alone.
//!
//! The Nexus documentation says codes and messages may change and the status is what an
//! integration should act on, so every answer here depends on the status only.

use core::fmt;

/// What to do about a failed response.
///
/// ```
/// use nexus_errors::Action;
///
/// assert_eq!(Action::for_status(429), Action::Retry);
/// assert_eq!(Action::for_status(401), Action::Reauthenticate);
/// assert_eq!(Action::for_status(422), Action::FixRequest);
/// assert_eq!(Action::for_status(501), Action::ReportToProvider);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// A transient failure (408, 429, 500, 502, 503, 504): retry later, with backoff.
    Retry,
    /// The credentials or session are no longer valid (401): authenticate again, then retry.
    Reauthenticate,
    /// Any other 4xx: the request itself is wrong; change it before sending it again.
    FixRequest,
    /// Any other 5xx: the server failed in a way retrying will not fix; report it.
    ReportToProvider,
    /// Not a 4xx or 5xx status: there is no error to act on; look at the response.
    Inspect,
}

impl Action {
    /// The action for an HTTP status.
    #[must_use]
    pub const fn for_status(status: u16) -> Action {
        match status {
            401 => Action::Reauthenticate,
            _ if is_retryable(status) => Action::Retry,
            400..=499 => Action::FixRequest,
            500..=599 => Action::ReportToProvider,
            _ => Action::Inspect,
        }
    }

    /// A short instruction for a person, e.g. in a log line or a CLI.
    #[must_use]
    pub const fn advice(self) -> &'static str {
        match self {
            Action::Retry => "retry later, with backoff",
            Action::Reauthenticate => "authenticate again (get a new session token), then retry",
            Action::FixRequest => "fix the request before sending it again",
            Action::ReportToProvider => "the server failed; report it to the API provider",
            Action::Inspect => "not an error status; inspect the response",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.advice())
    }
}

/// Whether a request that failed with `status` may succeed if sent again unchanged:
/// 408, 429, 500, 502, 503 and 504.
#[must_use]
pub const fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Whether `status` asks the client to authenticate again (401).
#[must_use]
pub const fn needs_reauthentication(status: u16) -> bool {
    status == 401
}

/// Whether `status` is a client error (4xx).
#[must_use]
pub const fn is_client_error(status: u16) -> bool {
    matches!(status, 400..=499)
}

/// Whether `status` is a server error (5xx).
#[must_use]
pub const fn is_server_error(status: u16) -> bool {
    matches!(status, 500..=599)
}
