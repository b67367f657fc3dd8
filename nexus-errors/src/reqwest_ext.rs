//! `reqwest` integration (the `reqwest` feature): a failed `reqwest::Response` into a
//! [`ResponseError`], reading a bounded prefix of its body.

use std::future::Future;

use crate::http_response::{request_id, retry_after};
use crate::{ErrorTable, NexusError, ResponseError};

/// How many bytes of a response body the `reqwest` helpers read at most: 64 KiB.
///
/// Nexus error bodies are well under 1 KiB. The body is read chunk by chunk and reading
/// stops at this bound, so a huge or endless body costs at most this much memory (plus the
/// one chunk the connection has already delivered); the rest is never read and the
/// connection is dropped rather than reused. A body cut at the bound is read like any
/// truncated body: the fields that were complete before the cut are kept.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

impl<T: ErrorTable> ResponseError<T> {
    /// Reads a `reqwest::Response`: its status, its `Retry-After` header (see
    /// [`retry_after`](Self::retry_after)), its request id (see
    /// [`request_id`](Self::request_id)) and at most [`MAX_BODY_BYTES`] of its body, as
    /// in [`from_response`](Self::from_response). Never fails, never panics.
    ///
    /// The status is not checked: call it on a response you know failed, or use
    /// [`ReqwestResponseExt`]. If the body breaks off (the connection closes, the client's
    /// timeout fires), what arrived before is read. The wait for the body is bounded only by
    /// the timeouts of the `reqwest::Client` (`timeout`, `read_timeout`): set them.
    ///
    /// Available with the `reqwest` feature.
    pub async fn from_reqwest(response: reqwest::Response) -> Self {
        let status = response.status();
        // Read before the body consumes the response.
        let delay = retry_after(response.headers());
        let id = request_id(response.headers());
        let body = read_bounded(response, MAX_BODY_BYTES).await;
        Self::from_response(status, &body)
            .with_retry_after(delay)
            .with_request_id(id)
    }
}

/// Reads a `reqwest::Response` into a [`ResponseError`] of the Nexus table; shorthand for
/// [`ResponseError::<NexusError>::from_reqwest`](ResponseError::from_reqwest).
///
/// Available with the `reqwest` feature.
pub async fn from_reqwest(response: reqwest::Response) -> ResponseError<NexusError> {
    ResponseError::from_reqwest(response).await
}

/// Turns failed `reqwest::Response`s into [`ResponseError`]s, like reqwest's own
/// `error_for_status`: a 4xx or 5xx status is an error, read by
/// [`ResponseError::from_reqwest`]; any other response is passed through, its body unread.
///
/// ```no_run
/// use nexus_errors::{ReqwestResponseExt, ResponseError};
///
/// async fn members(client: &reqwest::Client) -> Result<String, Box<dyn std::error::Error>> {
///     let response = client.get("http://127.0.0.1:8080/users/USR-1/members").send().await?;
///     let response = response.nexus_error_for_status().await?;
///     Ok(response.text().await?)
/// }
/// ```
///
/// Available with the `reqwest` feature. The trait is sealed.
pub trait ReqwestResponseExt: sealed::Sealed + Sized {
    /// The response if it succeeded, else the error it carries, in the Nexus table.
    fn nexus_error_for_status(
        self,
    ) -> impl Future<Output = Result<reqwest::Response, ResponseError<NexusError>>> + Send;

    /// The response if it succeeded, else the error it carries, in the table `T`.
    fn table_error_for_status<T: ErrorTable>(
        self,
    ) -> impl Future<Output = Result<reqwest::Response, ResponseError<T>>> + Send;
}

impl ReqwestResponseExt for reqwest::Response {
    fn nexus_error_for_status(
        self,
    ) -> impl Future<Output = Result<reqwest::Response, ResponseError<NexusError>>> + Send {
        self.table_error_for_status()
    }

    async fn table_error_for_status<T: ErrorTable>(
        self,
    ) -> Result<reqwest::Response, ResponseError<T>> {
        let status = self.status();
        if status.is_client_error() || status.is_server_error() {
            Err(ResponseError::from_reqwest(self).await)
        } else {
            Ok(self)
        }
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for reqwest::Response {}
}

/// Reads the body chunk by chunk until it ends, breaks off, or `limit` bytes are in hand;
/// never keeps more than `limit` bytes.
async fn read_bounded(mut response: reqwest::Response, limit: usize) -> Vec<u8> {
    let announced = response
        .content_length()
        .and_then(|length| usize::try_from(length).ok());
    let mut body = Vec::with_capacity(announced.unwrap_or(0).min(limit));
    while body.len() < limit {
        let Ok(Some(chunk)) = response.chunk().await else {
            break;
        };
        let room = limit.saturating_sub(body.len());
        if let Some(part) = chunk.get(..chunk.len().min(room)) {
            body.extend_from_slice(part);
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};
    use std::time::Duration;

    use super::*;

    /// Runs a future whose body is in memory: it is ready at once, no runtime needed.
    fn ready<F: Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        for _ in 0..100 {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
        panic!("an in-memory response is read without waiting");
    }

    fn response(status: u16, retry_after: Option<&str>, body: Vec<u8>) -> reqwest::Response {
        let mut response = http::Response::builder().status(status);
        if let Some(value) = retry_after {
            response = response.header(http::header::RETRY_AFTER, value);
        }
        reqwest::Response::from(response.body(body).expect("a valid response"))
    }

    #[test]
    fn a_body_is_read_up_to_the_bound_and_no_further() {
        for (length, read) in [
            (0, 0),
            (10, 10),
            (MAX_BODY_BYTES, MAX_BODY_BYTES),
            (MAX_BODY_BYTES + 1, MAX_BODY_BYTES),
            (8 << 20, MAX_BODY_BYTES),
        ] {
            let body = ready(read_bounded(
                response(500, None, vec![b'x'; length]),
                MAX_BODY_BYTES,
            ));
            assert_eq!(body.len(), read, "a {length} byte body");
            assert!(body.capacity() <= MAX_BODY_BYTES, "a {length} byte body");
        }
    }

    #[test]
    fn from_reqwest_reads_status_body_and_retry_after() {
        let body = NexusError::SessionTokenExpired
            .row()
            .error_body()
            .into_bytes();
        let error = ready(from_reqwest(response(401, Some("3"), body)));
        assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
        assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
    }

    #[test]
    fn only_4xx_and_5xx_are_errors() {
        for status in [200, 201, 204, 301, 304] {
            let passed = ready(response(status, None, b"{}".to_vec()).nexus_error_for_status());
            assert_eq!(passed.map(|r| r.status().as_u16()).ok(), Some(status));
        }
        for status in [400, 404, 429, 499, 500, 503, 599] {
            let failed = ready(response(status, None, Vec::new()).nexus_error_for_status());
            assert_eq!(failed.err().map(|e| e.status()), Some(status));
        }
    }
}
