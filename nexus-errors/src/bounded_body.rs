//! The one bounded reader of a streamed body, for `from_reqwest` and `from_http_body`.
//!
//! reqwest 0.13 turns its `Response` into an `http::Response<reqwest::Body>`, and
//! `reqwest::Body` is an `http_body::Body`, so both constructors read frames here, by one
//! rule for growing the buffer.

use std::future::poll_fn;
use std::pin::pin;

use bytes::Buf;
use http_body::Body;

/// How much of a streamed body is read: 64 KiB. Error bodies are well under 1 KiB; a huge or
/// endless body costs at most this much memory, and the rest is never read.
pub(crate) const BODY_LIMIT: usize = 64 * 1024;

/// Reads data frames until the body ends, fails, or `limit` bytes are in hand; never keeps
/// more than `limit` bytes, and the buffer's capacity never exceeds `limit`.
///
/// Trailers are skipped. A body that fails keeps what arrived before the failure.
pub(crate) async fn read_bounded<B: Body>(body: B, limit: usize) -> Vec<u8> {
    let mut body = pin!(body);
    // An announced length (`Content-Length`) sizes the buffer once; it is only a hint, so it
    // is capped by the limit like everything else.
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
            // Grow by doubling, as `Vec` does, but never past `limit`: `Vec`'s own growth
            // could reach twice the limit.
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
pub(crate) mod tests {
    use std::collections::VecDeque;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    use bytes::Bytes;
    use http_body::{Frame, SizeHint};

    use super::*;

    /// A body that yields these frames, then ends, or fails after them; or, when `endless`,
    /// 4 KiB frames forever. It may announce a length, true or not.
    pub(crate) struct Frames {
        pub frames: VecDeque<Frame<Bytes>>,
        pub then_fail: bool,
        pub endless: bool,
        pub announced: Option<u64>,
    }

    impl Frames {
        pub(crate) fn of(parts: &[&'static str], then_fail: bool) -> Self {
            Frames {
                frames: parts
                    .iter()
                    .map(|p| Frame::data(Bytes::from_static(p.as_bytes())))
                    .collect(),
                then_fail,
                endless: false,
                announced: None,
            }
        }

        pub(crate) fn endless(announced: Option<u64>) -> Self {
            Frames {
                frames: VecDeque::new(),
                then_fail: false,
                endless: true,
                announced,
            }
        }
    }

    /// The size of each frame of an endless body.
    pub(crate) const FRAME: usize = 4096;

    impl Body for Frames {
        type Data = Bytes;
        type Error = &'static str;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            if self.endless {
                return Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(&[b'x'; FRAME])))));
            }
            match self.frames.pop_front() {
                Some(frame) => Poll::Ready(Some(Ok(frame))),
                None if self.then_fail => Poll::Ready(Some(Err("connection reset"))),
                None => Poll::Ready(None),
            }
        }

        fn size_hint(&self) -> SizeHint {
            self.announced
                .map_or_else(SizeHint::default, SizeHint::with_exact)
        }
    }

    /// Runs a future whose body is in memory: it is ready without a runtime.
    pub(crate) fn ready<F: Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }

    #[test]
    fn frames_are_joined_and_read_up_to_the_limit() {
        let parts = ["abc", "defg", "hij"];
        assert_eq!(
            ready(read_bounded(Frames::of(&parts, false), 100)),
            b"abcdefghij"
        );
        assert_eq!(ready(read_bounded(Frames::of(&parts, false), 5)), b"abcde");
        assert_eq!(ready(read_bounded(Frames::of(&parts, false), 0)), b"");
    }

    #[test]
    fn a_failing_body_keeps_what_came_before_and_trailers_are_skipped() {
        let mut body = Frames::of(&["ab"], true);
        body.frames
            .push_back(Frame::trailers(http::HeaderMap::new()));
        body.frames
            .push_back(Frame::data(Bytes::from_static(b"cd")));
        assert_eq!(ready(read_bounded(body, 100)), b"abcd");
    }

    /// The buffer's capacity is what bounds memory, not its length: for an endless body,
    /// announced or not, and whatever length it announces, it never exceeds the limit.
    #[test]
    fn the_capacity_never_exceeds_the_limit() {
        for limit in [1, 100, FRAME - 1, FRAME, FRAME + 1, 10_000, BODY_LIMIT] {
            for announced in [None, Some(0), Some(10), Some(u64::MAX)] {
                let read = ready(read_bounded(Frames::endless(announced), limit));
                assert_eq!(read.len(), limit, "limit {limit}, announced {announced:?}");
                assert!(
                    read.capacity() <= limit,
                    "limit {limit}, announced {announced:?}: capacity {}",
                    read.capacity()
                );
            }
        }
    }
}
