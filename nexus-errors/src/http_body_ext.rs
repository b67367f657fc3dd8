//! `http-body` integration (the `http-body` feature): a [`ResponseError`] from an
//! `http::Response` whose body is any [`http_body::Body`], reading a bounded prefix of it.

use std::future::poll_fn;
use std::pin::pin;

use bytes::Buf;
use http_body::Body;

use crate::{ErrorTable, ResponseError};

impl<T: ErrorTable> ResponseError<T> {
    /// Reads a failed `http::Response` whose body is any [`http_body::Body`] (hyper's
    /// `Incoming`, axum's `Body`, a tower service's response, …): its status, its
    /// `Retry-After` header and request id as in [`from_http`](Self::from_http), and at most
    /// `limit` bytes of its body, frame by frame. Never fails, never panics.
    ///
    /// Reading stops at `limit` bytes, at the end of the body, or at the first error the body
    /// reports; what arrived before is read like any truncated body. Trailers are skipped.
    /// The wait for each frame is the body's own: put a timeout around the call if the body
    /// may stall.
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// // `String` is an `http_body::Body`; so are hyper's and axum's bodies.
    /// let response = NexusError::SessionTokenExpired.row().to_http_response();
    /// let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    /// let error: ResponseError = runtime.block_on(ResponseError::from_http_body(response, 64 * 1024));
    /// assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// Available with the `http-body` feature.
    pub async fn from_http_body<B: Body>(response: http::Response<B>, limit: usize) -> Self {
        let (parts, body) = response.into_parts();
        let body = read_bounded(body, limit).await;
        Self::from_parts(&parts, &body)
    }
}

/// Reads data frames until the body ends, fails, or `limit` bytes are in hand; never keeps
/// more than `limit` bytes.
async fn read_bounded<B: Body>(body: B, limit: usize) -> Vec<u8> {
    let mut body = pin!(body);
    let announced = body
        .size_hint()
        .exact()
        .and_then(|length| usize::try_from(length).ok());
    let mut read = Vec::with_capacity(announced.unwrap_or(0).min(limit));
    while read.len() < limit {
        let Some(Ok(frame)) = poll_fn(|cx| body.as_mut().poll_frame(cx)).await else {
            break;
        };
        let Ok(mut data) = frame.into_data() else {
            continue;
        };
        while data.has_remaining() && read.len() < limit {
            let chunk = data.chunk();
            let take = chunk.len().min(limit - read.len());
            // Grow by doubling, as `Vec` does, but never past `limit`.
            let wanted = (read.len() + take).max(read.capacity() * 2).min(limit);
            read.reserve_exact(wanted - read.len());
            if let Some(part) = chunk.get(..take) {
                read.extend_from_slice(part);
            }
            data.advance(take);
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    use bytes::Bytes;
    use http_body::Frame;

    use super::*;
    use crate::NexusError;

    /// A body that yields these frames, then ends, or fails after them.
    struct Frames {
        frames: VecDeque<Frame<Bytes>>,
        then_fail: bool,
        endless: bool,
    }

    impl Body for Frames {
        type Data = Bytes;
        type Error = &'static str;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            if self.endless {
                return Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(&[b'x'; 4096])))));
            }
            match self.frames.pop_front() {
                Some(frame) => Poll::Ready(Some(Ok(frame))),
                None if self.then_fail => Poll::Ready(Some(Err("connection reset"))),
                None => Poll::Ready(None),
            }
        }
    }

    fn ready<F: Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }

    fn frames(parts: &[&'static str], then_fail: bool) -> Frames {
        Frames {
            frames: parts
                .iter()
                .map(|p| Frame::data(Bytes::from_static(p.as_bytes())))
                .collect(),
            then_fail,
            endless: false,
        }
    }

    #[test]
    fn frames_are_joined_and_read_up_to_the_limit() {
        let body = frames(&["abc", "defg", "hij"], false);
        assert_eq!(ready(read_bounded(body, 100)), b"abcdefghij");
        let body = frames(&["abc", "defg", "hij"], false);
        assert_eq!(ready(read_bounded(body, 5)), b"abcde");
        let body = frames(&["abc"], false);
        assert_eq!(ready(read_bounded(body, 0)), b"");
    }

    #[test]
    fn an_endless_body_is_read_up_to_the_limit_and_no_further() {
        let body = Frames {
            frames: VecDeque::new(),
            then_fail: false,
            endless: true,
        };
        let read = ready(read_bounded(body, 10_000));
        assert_eq!(read.len(), 10_000);
        assert_eq!(read.capacity(), 10_000);
    }

    #[test]
    fn a_failing_body_keeps_what_came_before_and_trailers_are_skipped() {
        let mut body = frames(&[r#"{"error":{"code":4011,"#], true);
        body.frames
            .push_back(Frame::trailers(http::HeaderMap::new()));
        body.frames
            .push_back(Frame::data(Bytes::from_static(br#""message":"x"}}"#)));
        let response = http::Response::builder()
            .status(401)
            .header("x-request-id", "r-1")
            .body(body)
            .expect("a valid response");
        let error = ready(ResponseError::<NexusError>::from_http_body(response, 1024));
        assert_eq!(error.row(), Some(NexusError::SessionTokenExpired));
        assert_eq!(error.message(), Some("x"));
        assert_eq!(error.request_id(), Some("r-1"));
    }

    #[test]
    fn a_string_body_reads_like_from_http() {
        let response = NexusError::SessionTokenExpired.row().to_http_response();
        let expected = ResponseError::<NexusError>::from_http(&response);
        let read = ready(ResponseError::<NexusError>::from_http_body(
            response,
            1 << 16,
        ));
        assert_eq!(read, expected);
    }
}
