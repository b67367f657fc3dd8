//! The part of `ResponseError::from_response` that does not depend on the table: comparing
//! what a body says with one row, and keeping it. Plain functions, not generic, that the
//! generic `from_response` calls.
//!
//! `from_response` is instantiated by each downstream crate for its own table. Written with
//! closures and iterator adapters, that instantiation (each closure and adapter one more
//! function to compile) took a third of a downstream crate's build, and the build ratio of
//! BENCHMARKS.md went from 0.54 to 0.62; as plain loops over these, 0.56. They are inlined
//! (`#[inline(always)]`): called through a function boundary, the body's fields are moved
//! through memory, and the bench measured each call at about 10 ns.

use std::borrow::Cow;

use crate::body::{self, Fields, RawCode};
use crate::{Code, Resolution, Row, ServerCode, server_code};

/// Whether `row` documents the server's code.
#[inline(always)]
pub(crate) fn documents(code: &RawCode<'_>, row: &Row) -> bool {
    row.code()
        .is_some_and(|documented| server_code::is(code, documented))
}

/// Whether the trimmed message is `row`'s description.
#[inline(always)]
pub(crate) fn describes(message: Option<&[u8]>, row: &Row) -> bool {
    message.is_some_and(|message| body::same_bytes(row.description().as_bytes(), message))
}

/// The server's code and message, kept: borrowed from the matched row where they are
/// its text, copied otherwise. `message_is_trimmed`: the message has no white space
/// around it, so a rule that matched the trimmed message matched it as sent.
#[inline(always)]
pub(crate) fn keep(
    fields: Fields<'_>,
    matched: Option<(&'static Row, Resolution)>,
    message_is_trimmed: bool,
) -> (Option<ServerCode>, Option<Cow<'static, str>>) {
    // `match`es, not `Option::map` with closures: one closure here was left out of line, and
    // even this one, mapped, measured 8% slower on the bench's Nexus bodies.
    #[allow(clippy::manual_map)]
    let row = match matched {
        Some((row, _)) => Some(row),
        None => None,
    };
    let server_code = match fields.code {
        Some(RawCode::Number(n)) => Some(ServerCode::Number(n)),
        Some(RawCode::Text(text)) => Some(ServerCode::Text(match row.and_then(Row::code) {
            Some(Code::Text(documented)) if documented.as_bytes() == text.as_bytes() => {
                Cow::Borrowed(documented)
            }
            _ => Cow::Owned(text.into_text().into_owned()),
        })),
        None => None,
    };
    let server_message = match fields.message {
        Some(sent) => {
            let is_description = match matched {
                // The rule compared the trimmed message with the description already.
                Some((_, Resolution::Message | Resolution::CodeAndMessage)) => message_is_trimmed,
                Some((row, _)) => body::same_bytes(row.description().as_bytes(), sent.as_bytes()),
                None => false,
            };
            Some(match row {
                Some(row) if is_description => Cow::Borrowed(row.description()),
                _ => Cow::Owned(sent.into_text().into_owned()),
            })
        }
        None => None,
    };
    (server_code, server_message)
}
