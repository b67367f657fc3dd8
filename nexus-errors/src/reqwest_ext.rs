//! `reqwest` integration (the `reqwest` feature): a failed `reqwest::Response` into a
//! [`ResponseError`], reading a bounded prefix of its body.

use std::future::Future;

use crate::bounded_body::{BODY_LIMIT, read_bounded};
use crate::{ErrorTable, ResponseError};

impl<T: ErrorTable> ResponseError<T> {
    /// Reads a `reqwest::Response`: its status, its `Retry-After` header (see
    /// [`retry_after`](Self::retry_after)), its request id (see
    /// [`request_id`](Self::request_id)) and at most 64 KiB of its body, as in
    /// [`from_response`](Self::from_response). Never fails, never panics.
    ///
    /// The status is not checked: call it on a response you know failed, or use
    /// [`ReqwestResponseExt`]. The body is read chunk by chunk and reading stops at 64 KiB, so
    /// a huge or endless body costs at most that much memory; the rest is never read and the
    /// connection is dropped rather than reused. If the body breaks off (the connection
    /// closes, the client's timeout fires), what arrived before is read. The wait for the
    /// body is bounded only by the timeouts of the `reqwest::Client` (`timeout`,
    /// `read_timeout`): set them.
    ///
    /// Available with the `reqwest` feature.
    pub async fn from_reqwest(response: reqwest::Response) -> Self {
        // reqwest's own conversion: the head as `http` parts, the body as an
        // `http_body::Body`, read by the same bounded reader as `from_http_body`.
        let (parts, body) = http::Response::from(response).into_parts();
        let body = read_bounded(body, BODY_LIMIT).await;
        Self::from_parts(&parts, &body)
    }
}

/// Turns failed `reqwest::Response`s into [`ResponseError`]s, like reqwest's own
/// `error_for_status`: a 4xx or 5xx status is an error, read by
/// [`ResponseError::from_reqwest`]; any other response is passed through, its body unread.
///
/// ```no_run
/// use nexus_errors::{NexusError, ReqwestResponseExt};
///
/// async fn members(client: &reqwest::Client) -> Result<String, Box<dyn std::error::Error>> {
///     let response = client.get("http://127.0.0.1:8080/users/USR-1/members").send().await?;
///     let response = response.table_error_for_status::<NexusError>().await?;
///     Ok(response.text().await?)
/// }
/// ```
///
/// Available with the `reqwest` feature. The trait is sealed.
pub trait ReqwestResponseExt: sealed::Sealed + Sized {
    /// The response if it succeeded, else the error it carries, read into the table `T`.
    fn table_error_for_status<T: ErrorTable>(
        self,
    ) -> impl Future<Output = Result<reqwest::Response, ResponseError<T>>> + Send;
}

impl ReqwestResponseExt for reqwest::Response {
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::NexusError;
    use crate::bounded_body::tests::{Frames, ready};

    fn response(status: u16, retry_after: Option<&str>, body: Vec<u8>) -> reqwest::Response {
        let mut response = http::Response::builder().status(status);
        if let Some(value) = retry_after {
            response = response.header(http::header::RETRY_AFTER, value);
        }
        reqwest::Response::from(response.body(body).expect("a valid response"))
    }

    /// The body `from_reqwest` reads: reqwest's conversion, then the bounded reader.
    fn read_body(response: reqwest::Response) -> Vec<u8> {
        let body = http::Response::from(response).into_body();
        ready(read_bounded(body, BODY_LIMIT))
    }

    #[test]
    fn a_body_is_read_up_to_64_kib_and_no_further() {
        const KIB_64: usize = 64 * 1024;
        for (length, read) in [
            (0, 0),
            (10, 10),
            (KIB_64, KIB_64),
            (KIB_64 + 1, KIB_64),
            (8 << 20, KIB_64),
        ] {
            let body = read_body(response(500, None, vec![b'x'; length]));
            assert_eq!(body.len(), read, "a {length} byte body");
            assert!(body.capacity() <= KIB_64, "a {length} byte body");
        }
    }

    /// A chunked body, with no `Content-Length`, never grows the buffer past the bound: the
    /// case where reqwest's own `Vec` growth could reach twice it.
    #[test]
    fn an_endless_chunked_body_keeps_the_capacity_within_the_bound() {
        let endless = reqwest::Body::wrap(Frames::endless(None));
        let response = reqwest::Response::from(http::Response::new(endless));
        let body = read_body(response);
        assert_eq!(body.len(), BODY_LIMIT);
        assert!(
            body.capacity() <= BODY_LIMIT,
            "capacity {}",
            body.capacity()
        );
    }

    #[test]
    fn from_reqwest_reads_status_body_and_retry_after() {
        let body = NexusError::SessionTokenExpired
            .row()
            .error_body()
            .into_bytes();
        let error: ResponseError =
            ready(ResponseError::from_reqwest(response(401, Some("3"), body)));
        assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
        assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
    }

    #[test]
    fn only_4xx_and_5xx_are_errors() {
        let check =
            |response: reqwest::Response| ready(response.table_error_for_status::<NexusError>());
        for status in [200, 201, 204, 301, 304] {
            let passed = check(response(status, None, b"{}".to_vec()));
            assert_eq!(passed.map(|r| r.status().as_u16()).ok(), Some(status));
        }
        for status in [400, 404, 429, 499, 500, 503, 599] {
            let failed = check(response(status, None, Vec::new()));
            assert_eq!(failed.err().map(|e| e.status()), Some(status));
        }
    }
}
