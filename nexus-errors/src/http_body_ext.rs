//! `http-body` integration (the `http-body` feature): a [`ResponseError`] from an
//! `http::Response` whose body is any [`http_body::Body`], reading a bounded prefix of it.

use http_body::Body;

use crate::bounded_body::{BODY_LIMIT, read_bounded};
use crate::{ErrorTable, ResponseError};

impl<T: ErrorTable> ResponseError<T> {
    /// Reads a failed `http::Response` whose body is any [`http_body::Body`] (hyper's
    /// `Incoming`, axum's `Body`, a tower service's response, …): its status, its
    /// `Retry-After` header and request id as in [`from_http`](Self::from_http), and at most
    /// 64 KiB of its body, frame by frame, as in [`from_response`](Self::from_response).
    /// Never fails, never panics.
    ///
    /// Reading stops after 64 KiB, at the end of the body, or at the first error the body
    /// reports; what arrived before is read like any truncated body. The buffer never grows
    /// past 64 KiB, whatever length the response announces. Trailers are skipped. The wait
    /// for each frame is the body's own: put a timeout around the call if the body may stall.
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// // `String` is an `http_body::Body`; so are hyper's and axum's bodies.
    /// let response = NexusError::SessionTokenExpired.row().to_http_response();
    /// let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    /// let error: ResponseError = runtime.block_on(ResponseError::from_http_body(response));
    /// assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// Available with the `http-body` feature.
    pub async fn from_http_body<B: Body>(response: http::Response<B>) -> Self {
        let (parts, body) = response.into_parts();
        let body = read_bounded(body, BODY_LIMIT).await;
        Self::from_parts(&parts, &body)
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use http_body::Frame;

    use super::*;
    use crate::NexusError;
    use crate::bounded_body::tests::{Frames, ready};

    #[test]
    fn a_failing_body_keeps_what_came_before_with_the_head() {
        let mut body = Frames::of(&[r#"{"error":{"code":4011,"#], true);
        body.frames
            .push_back(Frame::trailers(http::HeaderMap::new()));
        body.frames
            .push_back(Frame::data(Bytes::from_static(br#""message":"x"}}"#)));
        let response = http::Response::builder()
            .status(401)
            .header("x-request-id", "r-1")
            .body(body)
            .expect("a valid response");
        let error = ready(ResponseError::<NexusError>::from_http_body(response));
        assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
        assert_eq!(error.server_message(), Some("x"));
        assert_eq!(error.request_id(), Some("r-1"));
    }

    #[test]
    fn a_string_body_reads_like_from_http() {
        let response = NexusError::SessionTokenExpired.row().to_http_response();
        let expected = ResponseError::<NexusError>::from_http(&response);
        let read = ready(ResponseError::<NexusError>::from_http_body(response));
        assert_eq!(read, expected);
    }

    /// The documented bound, seen from outside: a message whose closing quote is the
    /// 65,536th byte of the body is read whole; one byte longer and the body is cut inside
    /// the string, which then is no message at all (a cut string is never kept).
    #[test]
    fn a_body_is_read_up_to_64_kib_and_no_further() {
        const KIB_64: usize = 64 * 1024;
        let opening = r#"{"message":""#;
        let read = |length: usize| {
            let body = format!(r#"{opening}{}"}}"#, "x".repeat(length));
            let response = http::Response::builder()
                .status(500)
                .body(body)
                .expect("a valid response");
            ready(ResponseError::<NexusError>::from_http_body(response))
                .server_message()
                .map(str::len)
        };
        let fits = KIB_64 - opening.len() - 1;
        assert_eq!(read(fits), Some(fits));
        assert_eq!(read(fits + 1), None);
    }
}
