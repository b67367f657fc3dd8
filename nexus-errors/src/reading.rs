//! The part of `ResponseError::from_response` that does not depend on the table: reading the
//! body, comparing what it says with one row, and keeping it. Not generic, so it is compiled
//! once, here, and not again in every crate for every table.
//!
//! It was all in the generic `from_response`, which each downstream crate instantiates for
//! its own table: that instantiation took a third of the downstream crate's build
//! (BENCHMARKS.md). What stays generic is the loop over the rows with the response's status.

use std::borrow::Cow;

use crate::body::{self, Fields, RawCode, Sent};
use crate::{BodyShape, Code, Resolution, Row, ServerCode, server_code};

/// A body as read, before a row is chosen.
pub(crate) struct Reading<'a> {
    fields: Fields<'a>,
}

impl<'a> Reading<'a> {
    /// Reads the code and the message where `shape` says they are.
    pub(crate) fn of(body: &'a [u8], shape: &BodyShape) -> Self {
        Reading {
            fields: body::read(body, shape),
        }
    }

    /// The server's code, if it sent one.
    #[inline(always)]
    pub(crate) fn code(&self) -> Option<&RawCode<'a>> {
        self.fields.code.as_ref()
    }

    /// The server's message, trimmed, if it sent one.
    #[inline(always)]
    pub(crate) fn message(&self) -> Option<&[u8]> {
        self.fields.message.as_ref().map(Sent::trimmed)
    }

    /// The length of the server's message as sent, if it sent one.
    #[inline(always)]
    pub(crate) fn message_length(&self) -> Option<usize> {
        self.fields
            .message
            .as_ref()
            .map(|sent| sent.as_bytes().len())
    }

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
    pub(crate) fn keep(
        self,
        matched: Option<(&'static Row, Resolution)>,
        message_is_trimmed: bool,
    ) -> (Option<ServerCode>, Option<Cow<'static, str>>) {
        let row = matched.map(|(row, _)| row);
        let server_code = self.fields.code.map(|code| match code {
            RawCode::Number(n) => ServerCode::Number(n),
            RawCode::Text(text) => ServerCode::Text(match row.and_then(Row::code) {
                Some(Code::Text(documented)) if documented.as_bytes() == text.as_bytes() => {
                    Cow::Borrowed(documented)
                }
                _ => Cow::Owned(text.into_text().into_owned()),
            }),
        });
        let server_message = self.fields.message.map(|sent| {
            let is_description = match matched {
                // The rule compared the trimmed message with the description already.
                Some((_, Resolution::Message | Resolution::CodeAndMessage)) => message_is_trimmed,
                Some((row, _)) => body::same_bytes(row.description().as_bytes(), sent.as_bytes()),
                None => false,
            };
            match row {
                Some(row) if is_description => Cow::Borrowed(row.description()),
                _ => Cow::Owned(sent.into_text().into_owned()),
            }
        });
        (server_code, server_message)
    }
}
