//! `http` integration: a [`ResponseError`] from an `http::Response`, with `Retry-After`.

use std::time::Duration;

use http::HeaderMap;
use http::header::RETRY_AFTER;

use crate::{ErrorTable, ResponseError};

impl<T: ErrorTable> ResponseError<T> {
    /// Reads a failed `http::Response` whose body is in memory (`Vec<u8>`, `String`,
    /// `Bytes`, `&[u8]`, …): its status, its body as in
    /// [`from_response`](Self::from_response), and its `Retry-After` header (see
    /// [`retry_after`](Self::retry_after)). Never fails, never panics.
    ///
    /// ```
    /// use std::time::Duration;
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .header("retry-after", "30")
    ///     .body(r#"{"error":{"code":null,"message":""}}"#)
    ///     .unwrap();
    /// let error: ResponseError = ResponseError::from_http(&response);
    /// assert_eq!(error.row(), Some(NexusError::TooManyRequests));
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
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
    #[must_use]
    pub fn from_parts(parts: &http::response::Parts, body: &[u8]) -> Self {
        Self::from_head(parts.status, &parts.headers, body)
    }

    pub(crate) fn from_head(status: http::StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        Self::from_response(status, body).with_retry_after(retry_after(headers))
    }
}

/// `ResponseError::from_http`, as a conversion.
impl<T: ErrorTable, B: AsRef<[u8]>> From<&http::Response<B>> for ResponseError<T> {
    fn from(response: &http::Response<B>) -> Self {
        Self::from_http(response)
    }
}

/// The first `Retry-After` header, if it is delta-seconds: ASCII digits, optionally
/// surrounded by spaces or tabs. A count past `u64::MAX` saturates.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let digits = headers.get(RETRY_AFTER)?.as_bytes().trim_ascii();
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let seconds = digits
        .iter()
        .try_fold(0u64, |seconds, digit| {
            seconds
                .checked_mul(10)?
                .checked_add(u64::from(digit.wrapping_sub(b'0')))
        })
        .unwrap_or(u64::MAX);
    Some(Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NexusError;

    fn header(value: &[u8]) -> Option<Duration> {
        let mut headers = HeaderMap::new();
        headers.insert(
            RETRY_AFTER,
            http::HeaderValue::from_bytes(value).expect("a valid header value"),
        );
        retry_after(&headers)
    }

    #[test]
    fn delta_seconds_are_read() {
        assert_eq!(header(b"0"), Some(Duration::ZERO));
        assert_eq!(header(b"120"), Some(Duration::from_secs(120)));
        assert_eq!(header(b" 7\t"), Some(Duration::from_secs(7)));
        assert_eq!(header(b"00042"), Some(Duration::from_secs(42)));
        assert_eq!(
            header(b"18446744073709551615"),
            Some(Duration::from_secs(u64::MAX))
        );
        assert_eq!(
            header(b"99999999999999999999999999"),
            Some(Duration::from_secs(u64::MAX))
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
            b"Wed, 21 Oct 2026 07:28:00 GMT",
            b"\xff",
        ] {
            assert_eq!(header(value), None, "{value:?}");
        }
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn the_first_of_several_headers_counts() {
        let mut headers = HeaderMap::new();
        headers.append(RETRY_AFTER, http::HeaderValue::from_static("5"));
        headers.append(RETRY_AFTER, http::HeaderValue::from_static("9"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(5)));
    }

    #[test]
    fn from_http_from_parts_and_from_agree() {
        let response = http::Response::builder()
            .status(503)
            .header(RETRY_AFTER, "60")
            .body(b"<html>Service Unavailable</html>".to_vec())
            .expect("a valid response");
        let error = ResponseError::<NexusError>::from_http(&response);
        assert_eq!(
            (error.status(), error.row(), error.retry_after()),
            (503, None, Some(Duration::from_secs(60)))
        );
        assert_eq!(ResponseError::from(&response), error);
        let (parts, body) = response.into_parts();
        assert_eq!(ResponseError::from_parts(&parts, &body), error);
        // Without headers, as from `from_response`, there is no delay.
        assert_eq!(
            ResponseError::<NexusError>::from_response(503u16, &body).retry_after(),
            None
        );
    }
}
