//! Reads the code and the message out of an error body, at the places a [`BodyShape`] points
//! to, without failing.
//!
//! One reader serves every shape: a pull parser of this crate's own, in three parts.
//! [`cursor`] reads JSON tokens and skips whole values without recursion, [`walk`] follows
//! the shape's pointers through the body in one pass, and [`unescape`] decodes the strings it
//! keeps. Values of unexpected types are passed over for the next pointer. What was read
//! before a syntax error (a truncated body) is kept. Bytes after the top-level object are not
//! read. Strings are borrowed from the body where they have no escapes.
//!
//! Why not a crate: serde_json's `Value` builds the whole body, and its visitors (the reader
//! this one replaces fell back to them) cost twice the time of a direct pass on the API's
//! bodies (BENCHMARKS.md), which is why a second, fast reader once stood in front of them and
//! had to be kept in agreement. A pull parser such as jiter would do, but brings its own
//! number and hashing crates, and a second version of some, into every user's graph for
//! about 400 lines here. What this reader must agree with is serde_json's reading of valid
//! JSON, and the `body_pointer` fuzz target and the tests below check exactly that, against
//! `serde_json::Value::pointer`.

use std::borrow::Cow;

use crate::BodyShape;

mod cursor;
mod unescape;
mod walk;

use walk::Target;

/// The fields found in a body; each is `None` when absent or unusable.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Fields<'a> {
    pub code: Option<RawCode<'a>>,
    pub message: Option<Cow<'a, str>>,
}

/// A code as found in the body, before it is kept.
#[derive(Debug, PartialEq)]
pub(crate) enum RawCode<'a> {
    Number(i64),
    Text(Cow<'a, str>),
}

/// Reads a body. Never fails: bytes that are not a JSON object give empty fields.
pub(crate) fn read<'a>(body: &'a [u8], shape: &BodyShape) -> Fields<'a> {
    read_pointers(body, shape.code_tokens(), shape.message_tokens())
}

/// [`read`] with pointers of any lifetime, for the fuzz target's own pointers.
fn read_pointers<'a>(body: &'a [u8], code: &[&[&str]], message: &[&[&str]]) -> Fields<'a> {
    // Empty bodies, HTML pages and bare JSON values carry no fields; they are answered
    // before any parse.
    if body
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        != Some(&b'{')
    {
        return Fields::default();
    }
    let mut targets = walk::Targets::new();
    walk::find(body, code, message, &mut targets);
    Fields {
        code: targets.code.iter().copied().find_map(code_of),
        message: targets.message.iter().copied().find_map(message_of),
    }
}

/// The code a target gives: a string, trimmed and not empty, or a number.
fn code_of(target: Target<'_>) -> Option<RawCode<'_>> {
    match target {
        Target::Str(raw) => {
            let text = match unescape::text(raw)? {
                Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
                // Only a code with escapes is a copy already, and those are rare.
                Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
            };
            (!text.is_empty()).then_some(RawCode::Text(text))
        }
        Target::Number(text) => number(std::str::from_utf8(text).ok()?),
        Target::None => None,
    }
}

/// A number's code: an integer that fits `i64` as that integer, and so a whole float in its
/// range (`4011.0`); any other number written out, as serde_json reads it (a `u64` as its
/// digits, else the nearest `f64`). A number past `f64`'s range (`1e400`), which serde_json
/// refuses, gives no code.
fn number(text: &str) -> Option<RawCode<'_>> {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(integer) = text.parse::<i64>() {
            return Some(RawCode::Number(integer));
        }
        if text.parse::<u64>().is_ok() {
            return Some(RawCode::Text(Cow::Borrowed(text)));
        }
    }
    let value: f64 = text.parse().ok()?;
    if value.fract() == 0.0 && (-9.2e18..=9.2e18).contains(&value) {
        #[allow(clippy::cast_possible_truncation)] // whole and in range, checked above
        return Some(RawCode::Number(value as i64));
    }
    value
        .is_finite()
        .then(|| RawCode::Text(Cow::Owned(value.to_string())))
}

/// The message a target gives: any string, as sent.
fn message_of(target: Target<'_>) -> Option<Cow<'_, str>> {
    match target {
        Target::Str(raw) => unescape::text(raw),
        Target::Number(_) | Target::None => None,
    }
}

/// The reader with pointers of any lifetime, for the `body_pointer` fuzz target and the run
/// time bench (`nexus_errors::__body`); not part of the API.
#[doc(hidden)]
pub mod hook {
    use std::borrow::Cow;

    /// A code as read: `Ok` a number, `Err` text.
    pub type Code<'a> = Result<i64, Cow<'a, str>>;

    /// The code and the message found in `body` by the pointers given as reference tokens.
    #[must_use]
    pub fn read<'a>(
        body: &'a [u8],
        code: &[&[&str]],
        message: &[&[&str]],
    ) -> (Option<Code<'a>>, Option<Cow<'a, str>>) {
        split(super::read_pointers(body, code, message))
    }

    /// The code and the message found in `body` where `shape` points.
    #[must_use]
    pub fn read_shape<'a>(
        body: &'a [u8],
        shape: &crate::BodyShape,
    ) -> (Option<Code<'a>>, Option<Cow<'a, str>>) {
        split(super::read(body, shape))
    }

    fn split(fields: super::Fields<'_>) -> (Option<Code<'_>>, Option<Cow<'_, str>>) {
        let code = fields.code.map(|code| match code {
            super::RawCode::Number(number) => Ok(number),
            super::RawCode::Text(text) => Err(text),
        });
        (code, fields.message)
    }
}

#[cfg(test)]
mod tests;
