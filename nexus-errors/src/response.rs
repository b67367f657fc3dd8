//! The response side: any failed HTTP response into a typed error, never failing.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use crate::body::{self, RawCode, Sent};
use crate::escape::write_bounded;
use crate::reading;
use crate::{Action, ErrorTable, NexusError, ServerCode, action};

// The bounds of `Display`'s three parts of server text, documented on its impl. Private:
// they are facts of the output, not numbers a caller computes with.
const DISPLAY_MESSAGE_LIMIT: usize = 256;
const DISPLAY_CODE_LIMIT: usize = 32;
// As long as a request id may be, so only an id that escaping lengthens is ever cut.
const DISPLAY_REQUEST_ID_LIMIT: usize = crate::http_response::MAX_REQUEST_ID_BYTES;

/// A failed HTTP response, read into a row of the error table where one fits.
///
/// `T` is the table; it defaults to [`NexusError`]. Every way to read a response is a
/// constructor here, one per kind of input:
///
/// - [`from_response`](Self::from_response): a status and the body's bytes;
/// - [`from_http`](Self::from_http) and [`from_parts`](Self::from_parts): an
///   `http::Response` whose body is in memory, reading `Retry-After` and the request id too;
/// - with the `reqwest` feature, `from_reqwest`, and with the `http-body` feature,
///   `from_http_body`: a streamed body, of which at most 64 KiB is read.
///
/// Act on the status ([`action`](Self::action), [`is_retryable`](Self::is_retryable), …):
/// the API's documentation says codes and messages may change.
///
/// # Guarantees
///
/// This is the one full statement of them; the crate docs and the README link here.
///
/// - Reading never fails and never panics, whatever the status, the headers and the bytes:
///   empty, HTML, truncated, not UTF-8, or nested a million levels deep.
/// - The status is kept as received; the server's code and message are kept as sent (the
///   message whole, however long), whether or not a row was found.
/// - No body can overflow the stack. The reader recurses only along the table's
///   [`BodyShape`](crate::BodyShape) pointers, at most 32 levels; it skips everything else
///   in a loop, with one bit per open bracket (the first 64 on the stack, the rest on the
///   heap). A body that breaks off or goes wrong keeps what was read before.
/// - Memory is bounded by the body: while reading, an eighth of its size at most for the
///   brackets of a skipped value (a quarter, counting the doubling of that buffer), and an
///   unescaped copy of a string the reader keeps; after, a copy of the message and of the
///   code. A streamed body (`from_reqwest`, `from_http_body`) is read up to 64 KiB, into a
///   buffer that never grows past that.
/// - `Display` is one line with no control character, and its length is bounded: at most
///   32 bytes of the server's code, 256 of its message and 256 of the request id, escaped;
///   the exact bound is in the documentation of its impl below.
///
/// ```
/// use nexus_errors::{Action, NexusError, Resolution, ResponseError};
///
/// let body = br#"{"error":{"code":4011,"message":"The session token used in this request has expired."}}"#;
/// let error: ResponseError = ResponseError::from_response(401u16, body);
/// assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
/// assert_eq!(error.resolution(), Some(Resolution::Code));
/// assert_eq!(error.action(), Action::Reauthenticate);
/// assert_eq!(
///     error.to_string(),
///     "401 Unauthorized [4011]: The session token used in this request has expired."
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResponseError<T = NexusError> {
    status: u16,
    // The row and the rule that found it, together: there is no rule without a row.
    matched: Option<(T, Resolution)>,
    server_code: Option<ServerCode>,
    server_message: Option<Cow<'static, str>>,
    retry_after: Option<Duration>,
    request_id: Option<Box<str>>,
}

/// Which rule matched a response to its row; see [`ResponseError::from_response`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resolution {
    /// The server's code is the documented code of exactly one row with the response's
    /// status.
    Code,
    /// The server's code is the documented code of several rows with the response's status,
    /// and the server's message, trimmed, is the description of one of them.
    CodeAndMessage,
    /// The server's message, trimmed, is the description of a row with the response's status.
    Message,
    /// The table has exactly one row with the response's status.
    Status,
}

impl<T: ErrorTable> ResponseError<T> {
    /// Reads a failed response: its status (`u16` or `http::StatusCode`) and its body bytes.
    ///
    /// The code and the message are read where the table's spec says its bodies keep them
    /// (`[api] body`, [`BodyShape`](crate::BodyShape)); the Nexus shapes by default:
    /// `{"error":{"code":…,"message":…}}`, `{"code":…,"message":…}`, `{"error":"message"}`.
    /// Extra fields are ignored, and anything else (empty, HTML, truncated, not UTF-8) is
    /// read for what it holds. A code may be a number or a string (trimmed), null or absent.
    ///
    /// The row is chosen among the rows with the response's status ([`Resolution`]):
    /// 1. the server's code narrows them to the rows that document it (a number and a string
    ///    compare as text: `"4011"` is 4011). One such row is the answer. Several are told
    ///    apart by the trimmed message, which must be the description of one of them; if it
    ///    is none of them, there is no row. When no row documents the code, the code is set
    ///    aside and the rules below apply;
    /// 2. the trimmed message is the description of a row with this status;
    /// 3. the table has exactly one row with this status.
    ///
    /// Otherwise there is no row. Nothing is allocated when the body's message is the row's
    /// description and the code (if any) is a number or the row's own string code: those are
    /// borrowed from the row.
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let error = ResponseError::<NexusError>::from_response(503u16, b"<html>Service Unavailable</html>");
    /// assert!(error.is_retryable());
    /// assert_eq!((error.row(), error.resolution()), (None, None));
    /// assert_eq!(error.to_string(), "503 Service Unavailable");
    /// ```
    #[must_use]
    pub fn from_response(status: impl Into<u16>, body: &[u8]) -> Self {
        let status = status.into();
        let fields = body::read(body, T::api().body_shape());
        let message = fields.message.as_ref().map(Sent::trimmed);
        let matched = resolve(T::with_status(status), fields.code.as_ref(), message);
        let message_is_trimmed =
            message.map(<[u8]>::len) == fields.message.as_ref().map(|sent| sent.as_bytes().len());
        let (server_code, server_message) = reading::keep(
            fields,
            matched.map(|(row, rule)| (row.row(), rule)),
            message_is_trimmed,
        );
        ResponseError {
            status,
            matched,
            server_code,
            server_message,
            retry_after: None,
            request_id: None,
        }
    }

    /// Sets the delay a `Retry-After` header asked for; see [`retry_after`](Self::retry_after).
    pub(crate) fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// Sets the request id a header carried; see [`request_id`](Self::request_id).
    pub(crate) fn with_request_id(mut self, request_id: Option<Box<str>>) -> Self {
        self.request_id = request_id;
        self
    }

    /// The table row the response was matched to, if any.
    #[must_use]
    pub fn row(&self) -> Option<T> {
        self.matched.map(|(row, _)| row)
    }

    /// Which rule found the row; `None` exactly when there is no row.
    #[must_use]
    pub fn resolution(&self) -> Option<Resolution> {
        self.matched.map(|(_, resolution)| resolution)
    }

    /// The HTTP status, as received.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The code the server sent in the body, as sent; the row's documented code is
    /// `row().code()`.
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError, ServerCode};
    ///
    /// let error = ResponseError::<NexusError>::from_response(401u16, br#"{"code":"4011"}"#);
    /// assert_eq!(error.server_code(), Some(&ServerCode::Text("4011".into())));
    /// assert_eq!(error.row().and_then(|row| row.code()), Some(4011));
    /// ```
    #[must_use]
    pub fn server_code(&self) -> Option<&ServerCode> {
        self.server_code.as_ref()
    }

    /// The message the server sent in the body, as sent (not trimmed, not escaped); the
    /// row's documented text is `row().description()`.
    #[must_use]
    pub fn server_message(&self) -> Option<&str> {
        self.server_message.as_deref()
    }

    /// How long the server asked the client to wait before retrying, from the first
    /// `Retry-After` header, in either of its forms:
    ///
    /// - delta-seconds (`Retry-After: 120`): that many seconds;
    /// - an HTTP-date (`Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`, or the two obsolete forms
    ///   RFC 9110 still accepts): the time from the response's `Date` header to it, so the
    ///   client's clock does not matter; from the client's clock when `Date` is missing or is
    ///   not a date. A date already past is `Some(Duration::ZERO)`: retry now.
    ///
    /// Either is capped at [`MAX_RETRY_AFTER`](crate::MAX_RETRY_AFTER) (one day): a longer
    /// wait reads as exactly one day. `None` when the response had no such header, when it
    /// was read without headers ([`from_response`](Self::from_response)), or when the value
    /// is neither form (the caller's own backoff then applies). Reading it never panics.
    ///
    /// ```
    /// use std::time::Duration;
    /// use nexus_errors::ResponseError;
    ///
    /// let response = http::Response::builder()
    ///     .status(503)
    ///     .header("date", "Wed, 21 Oct 2026 07:28:00 GMT")
    ///     .header("retry-after", "Wed, 21 Oct 2026 07:30:00 GMT")
    ///     .body("")
    ///     .unwrap();
    /// let error: ResponseError = ResponseError::from_http(&response);
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    /// ```
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// The id the server gave the request, for logs and support tickets.
    ///
    /// Read by [`from_http`](Self::from_http), [`from_parts`](Self::from_parts) and the
    /// streaming constructors from the first of [`REQUEST_ID_HEADERS`](crate::REQUEST_ID_HEADERS)
    /// (`X-Request-Id`, `Request-Id`, `X-Amzn-RequestId`, in that order) whose first value
    /// is non-empty UTF-8 of at most 256 bytes; a value that is not is skipped, never cut,
    /// since a cut id would name no request. It is kept as received (not trimmed, not
    /// escaped): escape it before printing it yourself, as `Display` does.
    ///
    /// ```
    /// use nexus_errors::ResponseError;
    ///
    /// let response = http::Response::builder()
    ///     .status(502)
    ///     .header("x-request-id", "8d2f-41c0")
    ///     .body("<html>Bad Gateway</html>")
    ///     .unwrap();
    /// let error: ResponseError = ResponseError::from_http(&response);
    /// assert_eq!(error.request_id(), Some("8d2f-41c0"));
    /// assert_eq!(error.to_string(), r#"502 Bad Gateway; request id "8d2f-41c0""#);
    ///
    /// let long = "r".repeat(257);
    /// let response = http::Response::builder().status(500).header("x-request-id", long).body("").unwrap();
    /// assert_eq!(ResponseError::<nexus_errors::NexusError>::from_http(&response).request_id(), None);
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// What to do about it, by status: retry, re-authenticate, fix the request, ….
    #[must_use]
    pub fn action(&self) -> Action {
        Action::for_status(self.status)
    }

    /// Whether sending the same request again may succeed (408, 429, 500, 502, 503, 504).
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let read = |status: u16| ResponseError::<NexusError>::from_response(status, b"");
    /// assert!(read(503).is_retryable());
    /// assert!(!read(400).is_retryable());
    /// ```
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        action::is_retryable(self.status)
    }

    /// Whether the server throttled the request (429): retryable, after the wait it asks for
    /// ([`retry_after`](Self::retry_after)). Transient failures (408, 5xx) are not throttling.
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let read = |status: u16| ResponseError::<NexusError>::from_response(status, b"");
    /// assert!(read(429).is_throttled());
    /// assert!(!read(503).is_throttled());
    /// ```
    #[must_use]
    pub fn is_throttled(&self) -> bool {
        action::is_throttled(self.status)
    }

    /// Whether the client must authenticate again (401).
    #[must_use]
    pub fn needs_reauthentication(&self) -> bool {
        action::needs_reauthentication(self.status)
    }

    /// Whether the status is a client error (4xx).
    #[must_use]
    pub fn is_client_error(&self) -> bool {
        action::is_client_error(self.status)
    }

    /// Whether the status is a server error (5xx).
    #[must_use]
    pub fn is_server_error(&self) -> bool {
        action::is_server_error(self.status)
    }
}

/// The row and the rule that found it, among `candidates`, the rows with the response's
/// status, and the server's code and trimmed message; see
/// [`ResponseError::from_response`]. Plain loops over calls into [`reading`]: this is the
/// part each table instantiates, so it is kept small.
fn resolve<T: ErrorTable>(
    candidates: &[T],
    code: Option<&RawCode<'_>>,
    message: Option<&[u8]>,
) -> Option<(T, Resolution)> {
    if let Some(code) = code {
        let mut coded = None;
        for &row in candidates {
            if reading::documents(code, row.row()) {
                if coded.is_some() {
                    // The rows share the code and the status; the spec guarantees their
                    // descriptions differ, and a message that is none of them picks no row
                    // rather than a guess.
                    for &row in candidates {
                        if reading::documents(code, row.row())
                            && reading::describes(message, row.row())
                        {
                            return Some((row, Resolution::CodeAndMessage));
                        }
                    }
                    return None;
                }
                coded = Some(row);
            }
        }
        if let Some(row) = coded {
            return Some((row, Resolution::Code));
        }
    }
    for &row in candidates {
        if reading::describes(message, row.row()) {
            return Some((row, Resolution::Message));
        }
    }
    match candidates {
        [only] => Some((*only, Resolution::Status)),
        _ => None,
    }
}

/// One line: the row's text when there is a row, else the status and its reason phrase;
/// then the server's code and message where they add to it, and the request id, escaped
/// and bounded, so a hostile response can neither forge log lines nor flood a log.
///
/// Server text never puts a control character (`char::is_control`) in the output: control
/// characters, quotes, ANSI escapes and bidirectional overrides are escaped as by
/// `char::escape_debug`, and a cut is marked with `…`. The server's code is cut after 32
/// bytes of escaped text, its message after 256 and the request id after 256 (as long as a
/// request id may be, so only an id that escaping lengthens is cut). The length in bytes is
/// at most
///
/// ```text
/// head + 32 + 256 + 256 + 43
/// ```
///
/// where `head` is the length of the row's text ([`Row::display`](crate::Row::display)) or of
/// `"{status} {reason phrase}"` (`Unknown Status` for a status without one), and 43 bytes
/// are the fixed text: `"; code "` (7), `"; message \""` (11), `"; request id \""` (14),
/// two closing `"` (2) and a `…` (3) after each of the three bounded parts. A numeric code is
/// at most 20 characters, within its 32.
impl<T: ErrorTable> fmt::Display for ResponseError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = self.row().map(ErrorTable::row);
        match row {
            Some(row) => f.write_str(row.display())?,
            None => {
                let reason = http::StatusCode::from_u16(self.status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("Unknown Status");
                write!(f, "{} {reason}", self.status)?;
            }
        }
        if let Some(code) = &self.server_code {
            if row.is_none_or(|row| row.code().is_none_or(|documented| !code.is(documented))) {
                f.write_str("; code ")?;
                match code {
                    ServerCode::Number(n) => write!(f, "{n}")?,
                    ServerCode::Text(text) => write_bounded(f, text, DISPLAY_CODE_LIMIT)?,
                }
            }
        }
        if let Some(message) = &self.server_message {
            if row.is_none_or(|row| row.description() != message.trim()) {
                f.write_str("; message \"")?;
                write_bounded(f, message, DISPLAY_MESSAGE_LIMIT)?;
                f.write_str("\"")?;
            }
        }
        if let Some(request_id) = &self.request_id {
            f.write_str("; request id \"")?;
            write_bounded(f, request_id, DISPLAY_REQUEST_ID_LIMIT)?;
            f.write_str("\"")?;
        }
        Ok(())
    }
}

impl<T: ErrorTable> std::error::Error for ResponseError<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    // The rows expected below are read off `spec/errors.toml`, the documented table: 401 has
    // two rows (`SessionTokenExpired`, code 4011, and `InvalidApiToken`, no code); 403, 405,
    // 406 and 500 have one row each.

    fn read(status: u16, body: &str) -> ResponseError {
        ResponseError::from_response(status, body.as_bytes())
    }

    // Two rows share `card_declined` under 402; `ExpiredCard` has its own code.
    #[crate::error_table(path = "tests/fixtures/repeated_code.toml")]
    enum Payments {}

    fn pay(body: &str) -> ResponseError<Payments> {
        ResponseError::from_response(402u16, body.as_bytes())
    }

    /// Whether the server's message is the row's own `&'static str`, not a copy.
    fn message_borrowed_from(error: &ResponseError<Payments>, row: Payments) -> bool {
        error.server_message().map(str::as_ptr) == Some(row.description().as_ptr())
    }

    #[test]
    fn a_repeated_code_is_told_apart_only_among_the_rows_that_document_it() {
        let error = pay(r#"{"code":"card_declined","message":"Your card was reported lost."}"#);
        assert_eq!(
            (error.row(), error.resolution()),
            (
                Some(Payments::CardDeclinedLost),
                Some(Resolution::CodeAndMessage)
            )
        );
        assert!(message_borrowed_from(&error, Payments::CardDeclinedLost));
        // The message is another row's, of another code: no row, not that one.
        let error = pay(r#"{"code":"card_declined","message":"Your card has expired."}"#);
        assert_eq!((error.row(), error.resolution()), (None, None));
    }

    #[test]
    fn a_string_code_is_borrowed_from_its_row_and_any_other_is_kept_as_sent() {
        let error = pay(r#"{"code":"expired_card","message":"Card expired"}"#);
        assert_eq!(error.resolution(), Some(Resolution::Code));
        assert!(matches!(
            error.server_code(),
            Some(ServerCode::Text(Cow::Borrowed("expired_card")))
        ));
        // Found by its message, the row keeps the code the server sent.
        let error = pay(r#"{"code":"card_expired","message":"Your card has expired."}"#);
        assert_eq!(
            (error.row(), error.resolution()),
            (Some(Payments::ExpiredCard), Some(Resolution::Message))
        );
        assert_eq!(
            error.server_code(),
            Some(&ServerCode::Text(Cow::Owned("card_expired".to_owned())))
        );
        assert!(message_borrowed_from(&error, Payments::ExpiredCard));
        // With spaces around it, the message is kept as sent.
        let error = pay(r#"{"code":"x","message":" Your card has expired. "}"#);
        assert_eq!(error.row(), Some(Payments::ExpiredCard));
        assert_eq!(error.server_message(), Some(" Your card has expired. "));
    }

    #[test]
    fn a_row_found_by_its_code_keeps_the_servers_own_message() {
        let error = read(401, r#"{"error":{"code":4011,"message":"Token gone"}}"#);
        assert_eq!(
            (error.row(), error.resolution()),
            (
                Some(NexusError::SessionTokenExpired),
                Some(Resolution::Code)
            )
        );
        assert_eq!(error.server_message(), Some("Token gone"));
    }

    #[test]
    fn a_message_matched_after_trimming_is_kept_as_sent() {
        let sent = "  Invalid API token.\n";
        let error = read(
            401,
            r#"{"error":{"code":null,"message":"  Invalid API token.\n"}}"#,
        );
        assert_eq!(
            (error.row(), error.resolution()),
            (Some(NexusError::InvalidApiToken), Some(Resolution::Message))
        );
        assert_eq!(error.server_message(), Some(sent));
    }

    #[test]
    fn a_status_with_one_row_resolves_to_it_whatever_the_body() {
        let unknown = r#"{"error":{"code":9999,"message":"something new"}}"#;
        for (status, row) in [
            (403, NexusError::OperationForbidden),
            (405, NexusError::MethodNotAllowed),
            (406, NexusError::NotAcceptable),
            (500, NexusError::InternalServerError),
        ] {
            for body in ["", "<html>Oops</html>", unknown] {
                let error = read(status, body);
                assert_eq!(
                    (error.row(), error.resolution()),
                    (Some(row), Some(Resolution::Status)),
                    "{status} {body}"
                );
            }
            let error = read(status, unknown);
            assert_eq!(
                (error.server_code(), error.server_message()),
                (Some(&ServerCode::Number(9999)), Some("something new"))
            );
        }
        // Two rows and neither code nor message names one: no row.
        let error = read(401, unknown);
        assert_eq!((error.row(), error.resolution()), (None, None));
    }

    /// The README's table for the action and the two retry answers; RFC 9110, section 15,
    /// for the classes (4xx client error, 5xx server error, nothing outside 100..=599).
    #[test]
    fn every_answer_about_what_to_do_follows_the_status() {
        // (status, action, retryable, throttled, reauthenticate, client error, server error)
        let cases = [
            (200, Action::Inspect, false, false, false, false, false),
            (400, Action::FixRequest, false, false, false, true, false),
            (401, Action::Reauthenticate, false, false, true, true, false),
            (403, Action::FixRequest, false, false, false, true, false),
            (408, Action::Retry, true, false, false, true, false),
            (429, Action::WaitAndRetry, true, true, false, true, false),
            (500, Action::Retry, true, false, false, false, true),
            (
                501,
                Action::ReportToProvider,
                false,
                false,
                false,
                false,
                true,
            ),
            (503, Action::Retry, true, false, false, false, true),
            (600, Action::Inspect, false, false, false, false, false),
        ];
        for (status, action, retryable, throttled, reauthenticate, client, server) in cases {
            let error = read(status, "");
            assert_eq!(
                (
                    error.action(),
                    error.is_retryable(),
                    error.is_throttled(),
                    error.needs_reauthentication(),
                    error.is_client_error(),
                    error.is_server_error(),
                ),
                (action, retryable, throttled, reauthenticate, client, server),
                "{status}"
            );
        }
    }
}
