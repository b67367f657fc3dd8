//! `http` integration: a [`ResponseError`] from an `http::Response`, with the headers that
//! matter to a client: `Retry-After` (against `Date`) and the request id.

use std::time::{Duration, SystemTime};

use http::header::{DATE, HeaderName, RETRY_AFTER};
use http::{HeaderMap, HeaderValue};

use crate::{ErrorTable, ResponseError};

/// The longest wait [`ResponseError::retry_after`] reports: one day. A `Retry-After` that
/// asks for longer is read as this long.
///
/// ```
/// use std::time::Duration;
/// use nexus_errors::{MAX_RETRY_AFTER, ResponseError};
///
/// let response = http::Response::builder().status(429).header("retry-after", "999999999").body("").unwrap();
/// let error: ResponseError = ResponseError::from_http(&response);
/// assert_eq!(error.retry_after(), Some(MAX_RETRY_AFTER));
/// assert_eq!(MAX_RETRY_AFTER, Duration::from_secs(24 * 60 * 60));
/// ```
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

// The longest request id kept, in bytes (documented on `ResponseError::request_id`). A
// longer value is not kept at all, since a cut one would name no request.
pub(crate) const MAX_REQUEST_ID_BYTES: usize = 256;

/// The headers a request id is read from, in order of precedence: `X-Request-Id` (the
/// common convention, Heroku, nginx, Rails, …), `Request-Id` (Stripe and others), and
/// `X-Amzn-RequestId` (AWS API Gateway and Lambda).
///
/// ```
/// assert_eq!(nexus_errors::REQUEST_ID_HEADERS[0], "x-request-id");
/// ```
pub const REQUEST_ID_HEADERS: [&str; 3] = ["x-request-id", "request-id", "x-amzn-requestid"];

// The same names, as header names; `REQUEST_ID_HEADERS` is their documented form.
const REQUEST_ID_NAMES: [HeaderName; 3] = [
    HeaderName::from_static(REQUEST_ID_HEADERS[0]),
    HeaderName::from_static(REQUEST_ID_HEADERS[1]),
    HeaderName::from_static(REQUEST_ID_HEADERS[2]),
];

impl<T: ErrorTable> ResponseError<T> {
    /// Reads a failed `http::Response` whose body is in memory (`Vec<u8>`, `String`,
    /// `Bytes`, `&[u8]`, …): its status, its body as in
    /// [`from_response`](Self::from_response), its `Retry-After` header (see
    /// [`retry_after`](Self::retry_after)) and its request id (see
    /// [`request_id`](Self::request_id)). Never fails, never panics.
    ///
    /// ```
    /// use std::time::Duration;
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .header("retry-after", "30")
    ///     .header("x-request-id", "req-7f3a")
    ///     .body(r#"{"error":{"code":null,"message":""}}"#)
    ///     .unwrap();
    /// let error: ResponseError = ResponseError::from_http(&response);
    /// assert_eq!(error.row(), Some(NexusError::TooManyRequests));
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    /// assert_eq!(error.request_id(), Some("req-7f3a"));
    /// ```
    #[must_use]
    pub fn from_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        Self::from_head(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// Reads a failed response from its head (as split by `http::Response::into_parts`) and
    /// its body bytes; the same as [`from_http`](Self::from_http).
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let response = NexusError::SessionTokenExpired.row().to_http_response();
    /// let (parts, body) = response.into_parts();
    /// let error: ResponseError = ResponseError::from_parts(&parts, body.as_bytes());
    /// assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
    /// ```
    #[must_use]
    pub fn from_parts(parts: &http::response::Parts, body: &[u8]) -> Self {
        Self::from_head(parts.status, &parts.headers, body)
    }

    pub(crate) fn from_head(status: http::StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        Self::from_response(status, body).with_headers(headers)
    }

    /// Sets what the headers say: the `Retry-After` delay and the request id.
    pub(crate) fn with_headers(self, headers: &HeaderMap) -> Self {
        self.with_retry_after(retry_after(headers))
            .with_request_id(request_id(headers))
    }
}

/// `ResponseError::from_http`, as a conversion.
impl<T: ErrorTable, B: AsRef<[u8]>> From<&http::Response<B>> for ResponseError<T> {
    fn from(response: &http::Response<B>) -> Self {
        Self::from_http(response)
    }
}

/// The delay the first `Retry-After` header asks for, read against the clock now when the
/// response has no usable `Date`; see [`ResponseError::retry_after`].
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?;
    retry_after_at(
        value.as_bytes(),
        headers.get(DATE).map(HeaderValue::as_bytes),
        SystemTime::now(),
    )
}

/// The delay a `Retry-After` value asks for, given the response's `Date` value (if any) and
/// the time now; the clock is a parameter so this stays pure.
///
/// - Delta-seconds (ASCII digits, surrounding whitespace allowed): that many seconds.
/// - An HTTP-date (any of the three forms RFC 9110 accepts): the time from `Date` (or from
///   `now` when `Date` is missing or is not a date) to it; none if it is already past.
/// - Both are capped at [`MAX_RETRY_AFTER`]; anything else is `None`.
pub(crate) fn retry_after_at(
    value: &[u8],
    date: Option<&[u8]>,
    now: SystemTime,
) -> Option<Duration> {
    let value = value.trim_ascii();
    if value.is_empty() {
        return None;
    }
    if value.iter().all(u8::is_ascii_digit) {
        let limit = MAX_RETRY_AFTER.as_secs();
        // Stops at the cap, so a long run of digits cannot overflow.
        let seconds = value
            .iter()
            .try_fold(0u64, |seconds, digit| {
                let seconds = seconds * 10 + u64::from(digit - b'0');
                (seconds <= limit).then_some(seconds)
            })
            .unwrap_or(limit);
        return Some(Duration::from_secs(seconds));
    }
    let until = http_date(value)?;
    let from = date.and_then(http_date).unwrap_or(now);
    let wait = until.duration_since(from).unwrap_or(Duration::ZERO);
    Some(wait.min(MAX_RETRY_AFTER))
}

fn http_date(value: &[u8]) -> Option<SystemTime> {
    let text = std::str::from_utf8(value.trim_ascii()).ok()?;
    httpdate::parse_http_date(text).ok()
}

/// The first acceptable request id, by [`REQUEST_ID_HEADERS`]' precedence: the header's
/// first value, if it is non-empty UTF-8 of at most [`MAX_REQUEST_ID_BYTES`].
pub(crate) fn request_id(headers: &HeaderMap) -> Option<Box<str>> {
    REQUEST_ID_NAMES.iter().find_map(|name| {
        let value = headers.get(name)?.as_bytes();
        if value.is_empty() || value.len() > MAX_REQUEST_ID_BYTES {
            return None;
        }
        std::str::from_utf8(value).ok().map(Box::from)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NexusError;

    /// `Wed, 21 Oct 2015 07:28:00 GMT` (RFC 9110's example), in seconds since the epoch, as
    /// `date -u -d @1445412480` writes it back.
    const OCT_21_2015: u64 = 1_445_412_480;

    fn at(seconds: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
    }

    /// Read at a fixed time, an hour before RFC 9110's example date.
    fn read(value: &[u8], date: Option<&[u8]>) -> Option<Duration> {
        retry_after_at(value, date, at(OCT_21_2015 - 3600))
    }

    fn header(value: &[u8]) -> Option<Duration> {
        read(value, None)
    }

    #[test]
    fn delta_seconds_are_read() {
        assert_eq!(header(b"0"), Some(Duration::ZERO));
        assert_eq!(header(b"120"), Some(Duration::from_secs(120)));
        assert_eq!(header(b" 7\t"), Some(Duration::from_secs(7)));
        assert_eq!(header(b"00042"), Some(Duration::from_secs(42)));
        assert_eq!(header(b"86400"), Some(Duration::from_secs(86_400)));
    }

    #[test]
    fn delta_seconds_past_a_day_are_a_day() {
        for value in [
            &b"86401"[..],
            b"18446744073709551615",
            b"99999999999999999999999999",
            &[b'9'; 4096],
        ] {
            assert_eq!(header(value), Some(MAX_RETRY_AFTER), "{value:?}");
        }
        assert_eq!(MAX_RETRY_AFTER.as_secs(), 24 * 60 * 60);
    }

    #[test]
    fn a_date_is_read_against_the_clock_without_a_date_header() {
        // An hour before the date, by the clock.
        assert_eq!(
            header(b"Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::from_secs(3600))
        );
        // The two obsolete forms RFC 9110 still asks recipients to accept.
        assert_eq!(
            header(b"Wednesday, 21-Oct-15 07:28:00 GMT"),
            Some(Duration::from_secs(3600))
        );
        assert_eq!(
            header(b"Wed Oct 21 07:28:00 2015"),
            Some(Duration::from_secs(3600))
        );
    }

    #[test]
    fn a_date_is_read_against_the_date_header_when_there_is_one() {
        // The server's clock says 90 s before the date; ours says an hour: the server's counts.
        assert_eq!(
            read(
                b"Wed, 21 Oct 2015 07:28:00 GMT",
                Some(b"Wed, 21 Oct 2015 07:26:30 GMT")
            ),
            Some(Duration::from_secs(90))
        );
        // A `Date` that is not a date is ignored: the clock is used.
        assert_eq!(
            read(b"Wed, 21 Oct 2015 07:28:00 GMT", Some(b"yesterday")),
            Some(Duration::from_secs(3600))
        );
        // Delta-seconds do not depend on `Date`.
        assert_eq!(
            read(b"5", Some(b"Sun, 06 Nov 1994 08:49:37 GMT")),
            Some(Duration::from_secs(5))
        );
    }

    #[test]
    fn a_date_in_the_past_is_no_wait() {
        assert_eq!(
            read(
                b"Sun, 06 Nov 1994 08:49:37 GMT",
                Some(b"Wed, 21 Oct 2015 07:28:00 GMT")
            ),
            Some(Duration::ZERO)
        );
        assert_eq!(
            header(b"Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        // The very moment of `Date` is no wait either.
        assert_eq!(
            read(
                b"Wed, 21 Oct 2015 07:28:00 GMT",
                Some(b"Wed, 21 Oct 2015 07:28:00 GMT")
            ),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn a_date_more_than_a_day_ahead_is_a_day() {
        assert_eq!(
            read(
                b"Wed, 21 Oct 2015 07:28:00 GMT",
                Some(b"Sun, 06 Nov 1994 08:49:37 GMT")
            ),
            Some(MAX_RETRY_AFTER)
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        for value in [
            &b""[..],
            b"  ",
            b"-1",
            b"+5",
            b"1.5",
            b"1e3",
            b"12 34",
            b"soon",
            b"\xff",
            // A wrong weekday, a date without its zone, a month that does not exist.
            b"Thu, 21 Oct 2015 07:28:00 GMT",
            b"Wed, 21 Oct 2015 07:28:00",
            b"Wed, 21 Foo 2015 07:28:00 GMT",
        ] {
            assert_eq!(header(value), None, "{value:?}");
        }
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn the_first_of_several_headers_counts() {
        let mut headers = HeaderMap::new();
        headers.append(RETRY_AFTER, HeaderValue::from_static("5"));
        headers.append(RETRY_AFTER, HeaderValue::from_static("9"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(5)));
    }

    #[test]
    fn a_date_in_a_header_map_is_read_against_its_date_header() {
        let mut headers = HeaderMap::new();
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        headers.insert(
            DATE,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:27:00 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(60)));
    }

    fn ids(pairs: &[(&str, &[u8])]) -> Option<Box<str>> {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(
                HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
                HeaderValue::from_bytes(value).expect("a header value"),
            );
        }
        request_id(&headers)
    }

    #[test]
    fn request_ids_are_read_by_precedence() {
        assert_eq!(ids(&[("X-Request-Id", b"a1")]).as_deref(), Some("a1"));
        assert_eq!(ids(&[("Request-Id", b"req_9")]).as_deref(), Some("req_9"));
        assert_eq!(ids(&[("X-Amzn-RequestId", b"c-3")]).as_deref(), Some("c-3"));
        assert_eq!(
            ids(&[
                ("x-amzn-requestid", b"third"),
                ("request-id", b"second"),
                ("x-request-id", b"first"),
            ])
            .as_deref(),
            Some("first")
        );
        assert_eq!(
            ids(&[("x-request-id", b"one"), ("x-request-id", b"two")]).as_deref(),
            Some("one")
        );
        assert_eq!(ids(&[("x-correlation-id", b"other")]), None);
        assert_eq!(ids(&[]), None);
    }

    #[test]
    fn request_ids_are_kept_as_received_within_the_bound() {
        let longest = "r".repeat(MAX_REQUEST_ID_BYTES);
        assert_eq!(
            ids(&[("x-request-id", longest.as_bytes())]).as_deref(),
            Some(longest.as_str())
        );
        // Spaces, tabs and non-ASCII text are kept; Display escapes them.
        assert_eq!(
            ids(&[("x-request-id", " a\tb \u{202e}é".as_bytes())]).as_deref(),
            Some(" a\tb \u{202e}é")
        );
    }

    #[test]
    fn unacceptable_request_ids_give_way_to_the_next_header() {
        let long = "r".repeat(MAX_REQUEST_ID_BYTES + 1);
        for bad in [&b""[..], long.as_bytes(), b"\xff\xfe", &[b'x'; 10_000]] {
            assert_eq!(ids(&[("x-request-id", bad)]), None, "{bad:?}");
            assert_eq!(
                ids(&[("x-request-id", bad), ("request-id", b"fallback")]).as_deref(),
                Some("fallback")
            );
        }
    }

    #[test]
    fn from_http_from_parts_and_from_agree() {
        let response = http::Response::builder()
            .status(503)
            .header(RETRY_AFTER, "60")
            .header("x-request-id", "abc-123")
            .body(b"<html>Service Unavailable</html>".to_vec())
            .expect("a valid response");
        let error = ResponseError::<NexusError>::from_http(&response);
        assert_eq!(
            (
                error.status(),
                error.row(),
                error.retry_after(),
                error.request_id()
            ),
            (503, None, Some(Duration::from_secs(60)), Some("abc-123"))
        );
        assert_eq!(ResponseError::from(&response), error);
        let (parts, body) = response.into_parts();
        assert_eq!(ResponseError::from_parts(&parts, &body), error);
        // Without headers, as from `from_response`, there is no delay and no request id.
        let bare = ResponseError::<NexusError>::from_response(503u16, &body);
        assert_eq!((bare.retry_after(), bare.request_id()), (None, None));
    }
}
