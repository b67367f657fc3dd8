//! What a client should do about an error, decided by the HTTP status alone.
//!
//! The Nexus documentation says codes and messages may change and the status is what an
//! integration should act on, so every answer here depends on the status only.

use core::fmt;

/// What to do about a failed response.
///
/// Throttling (429) is told apart from transient failures (408, 500, 502, 503, 504): both
/// are retryable, but a throttled client should wait as long as the server asked
/// ([`ResponseError::retry_after`](crate::ResponseError::retry_after)), where a transient
/// failure calls for the client's own backoff.
///
/// ```
/// use nexus_errors::Action;
///
/// assert_eq!(Action::for_status(429), Action::WaitAndRetry);
/// assert_eq!(Action::for_status(503), Action::Retry);
/// assert_eq!(Action::for_status(401), Action::Reauthenticate);
/// assert_eq!(Action::for_status(422), Action::FixRequest);
/// assert_eq!(Action::for_status(501), Action::ReportToProvider);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// A transient failure (408, 500, 502, 503, 504): retry with backoff.
    Retry,
    /// Throttled (429): wait as long as `Retry-After` asks (or back off if it does not say),
    /// then retry.
    WaitAndRetry,
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
    ///
    /// ```
    /// use nexus_errors::Action;
    ///
    /// assert_eq!(Action::for_status(408), Action::Retry);
    /// assert_eq!(Action::for_status(429), Action::WaitAndRetry);
    /// assert_eq!(Action::for_status(200), Action::Inspect);
    /// ```
    #[must_use]
    pub const fn for_status(status: u16) -> Action {
        match status {
            _ if needs_reauthentication(status) => Action::Reauthenticate,
            _ if is_throttled(status) => Action::WaitAndRetry,
            _ if is_retryable(status) => Action::Retry,
            _ if is_client_error(status) => Action::FixRequest,
            _ if is_server_error(status) => Action::ReportToProvider,
            _ => Action::Inspect,
        }
    }

    /// A short instruction for a person, e.g. in a log line or a CLI.
    ///
    /// ```
    /// use nexus_errors::Action;
    ///
    /// assert_eq!(Action::WaitAndRetry.advice(), "wait for Retry-After, then retry");
    /// assert_eq!(Action::Retry.to_string(), "retry with backoff");
    /// ```
    #[must_use]
    pub const fn advice(self) -> &'static str {
        match self {
            Action::Retry => "retry with backoff",
            Action::WaitAndRetry => "wait for Retry-After, then retry",
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

// The status classes behind `Action::for_status` and `ResponseError`'s predicates: the one
// place each rule is written.

/// 408, 429, 500, 502, 503 and 504: sending the same request again may succeed.
pub(crate) const fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// 429: retryable, after the wait the server asks for.
pub(crate) const fn is_throttled(status: u16) -> bool {
    status == 429
}

/// 401: authenticate again.
pub(crate) const fn needs_reauthentication(status: u16) -> bool {
    status == 401
}

/// 4xx (RFC 9110, section 15.5).
pub(crate) const fn is_client_error(status: u16) -> bool {
    matches!(status, 400..=499)
}

/// 5xx (RFC 9110, section 15.6).
pub(crate) const fn is_server_error(status: u16) -> bool {
    matches!(status, 500..=599)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table ("How a response is matched to a row"), one line per row: statuses
    /// that stand for the row, the action, its advice, retryable, throttled. Written from the
    /// documentation, so a change to the text a person reads must be made in both places.
    const DOCUMENTED: [(&[u16], Action, &str, bool, bool); 6] = [
        (
            &[401],
            Action::Reauthenticate,
            "authenticate again (get a new session token), then retry",
            false,
            false,
        ),
        (
            &[429],
            Action::WaitAndRetry,
            "wait for Retry-After, then retry",
            true,
            true,
        ),
        (
            &[408, 500, 502, 503, 504],
            Action::Retry,
            "retry with backoff",
            true,
            false,
        ),
        (
            &[400, 403, 404, 409, 418, 422, 499],
            Action::FixRequest,
            "fix the request before sending it again",
            false,
            false,
        ),
        (
            &[501, 505, 511, 599],
            Action::ReportToProvider,
            "the server failed; report it to the API provider",
            false,
            false,
        ),
        (
            &[0, 100, 200, 204, 302, 399, 600, 999, u16::MAX],
            Action::Inspect,
            "not an error status; inspect the response",
            false,
            false,
        ),
    ];

    #[test]
    fn every_action_advises_what_the_readme_says() {
        for (statuses, action, advice, retryable, throttled) in DOCUMENTED {
            assert_eq!(action.advice(), advice, "{action:?}");
            for &status in statuses {
                assert_eq!(Action::for_status(status), action, "{status}");
                assert_eq!(is_retryable(status), retryable, "{status}");
                assert_eq!(is_throttled(status), throttled, "{status}");
            }
        }
    }

    #[test]
    fn display_is_the_advice() {
        for (_, action, advice, _, _) in DOCUMENTED {
            assert_eq!(action.to_string(), advice, "{action:?}");
        }
    }

    /// RFC 9110, section 15: 4xx is the client error class and 5xx the server error class;
    /// a number outside 100..=599 is in no class. Of the 4xx, 401 (section 15.5.2) asks for
    /// credentials; 403 (section 15.5.4) says new credentials would make no difference.
    #[test]
    fn classes_and_reauthentication_follow_rfc_9110() {
        // (status, client error, server error, needs reauthentication)
        let cases = [
            (0, false, false, false),
            (99, false, false, false),
            (100, false, false, false),
            (200, false, false, false),
            (399, false, false, false),
            (400, true, false, false),
            (401, true, false, true),
            (403, true, false, false),
            (499, true, false, false),
            (500, false, true, false),
            (503, false, true, false),
            (599, false, true, false),
            (600, false, false, false),
            (u16::MAX, false, false, false),
        ];
        for (status, client, server, reauthenticate) in cases {
            assert_eq!(is_client_error(status), client, "{status}");
            assert_eq!(is_server_error(status), server, "{status}");
            assert_eq!(needs_reauthentication(status), reauthenticate, "{status}");
        }
    }
}
