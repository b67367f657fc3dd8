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
mod sent;
mod unescape;
mod walk;

pub(crate) use sent::Sent;
pub(crate) use walk::Plan;
use walk::Target;

/// The fields found in a body; each is `None` when absent or unusable.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Fields<'a> {
    pub code: Option<RawCode<'a>>,
    /// As sent, white space and all.
    pub message: Option<Sent<'a>>,
}

/// A code as found in the body, before it is kept.
#[derive(Debug, PartialEq)]
pub(crate) enum RawCode<'a> {
    Number(i64),
    /// Trimmed, and not empty.
    Text(Sent<'a>),
}

/// Reads a body. Never fails: bytes that are not a JSON object give empty fields.
pub(crate) fn read<'a>(body: &'a [u8], shape: &BodyShape) -> Fields<'a> {
    read_pointers(body, shape.plan())
}

/// [`read`] with pointers of any lifetime, for the fuzz target's own pointers.
fn read_pointers<'a>(body: &'a [u8], plan: &Plan<'_>) -> Fields<'a> {
    // Empty bodies, HTML pages and bare JSON values carry no fields; they are answered
    // before any parse.
    if body
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        != Some(&b'{')
    {
        return Fields::default();
    }
    let mut targets = [Target::None; 2 * walk::MAX_POINTERS];
    let found = walk::find(body, plan, &mut targets);
    let targets = &targets;
    // In each list's order: the lower bits first.
    let first = |pointers: walk::Pointers| {
        let mut rest = pointers;
        std::iter::from_fn(move || {
            let pointer = rest.trailing_zeros() as usize;
            rest &= rest.checked_sub(1)?;
            Some(targets[pointer % targets.len()])
        })
    };
    Fields {
        code: first(found & walk::CODE_POINTERS).find_map(code_of),
        message: first(found & !walk::CODE_POINTERS).find_map(message_of),
    }
}

/// The code a target gives: a string, trimmed and not empty, or a number.
fn code_of(target: Target<'_>) -> Option<RawCode<'_>> {
    match target {
        Target::Str(raw) => {
            let text = sent(raw)?.into_trimmed();
            (!text.as_bytes().is_empty()).then_some(RawCode::Text(text))
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
            return Some(RawCode::Text(Sent::Ascii(text.as_bytes())));
        }
    }
    let value: f64 = text.parse().ok()?;
    if value.fract() == 0.0 && (-9.2e18..=9.2e18).contains(&value) {
        #[allow(clippy::cast_possible_truncation)] // whole and in range, checked above
        return Some(RawCode::Number(value as i64));
    }
    value
        .is_finite()
        .then(|| RawCode::Text(Sent::Text(Cow::Owned(value.to_string()))))
}

/// The message a target gives: any string, as sent.
fn message_of(target: Target<'_>) -> Option<Sent<'_>> {
    match target {
        Target::Str(raw) => sent(raw),
        Target::Number(_) | Target::None => None,
    }
}

/// A string target as text: `None` when it is not valid UTF-8 or has a lone surrogate.
fn sent(raw: cursor::RawStr<'_>) -> Option<Sent<'_>> {
    if !raw.escaped && raw.bytes.is_ascii() {
        Some(Sent::Ascii(raw.bytes))
    } else {
        unescape::text(raw).map(Sent::Text)
    }
}

/// `a == b`, without a call to `memcmp`. The reader compares short keys with tokens, and
/// `from_response` a message with a description: a profile put a fifth of the reader's time,
/// then a tenth of `from_response`'s, in that call's entry and dispatch. Words of 8 bytes
/// (4 for the shortest) are compared at once, and the last one overlaps the one before
/// rather than leave a tail.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let length = a.len();
    if length != b.len() {
        return false;
    }
    match length {
        0..4 => a.iter().zip(b).all(|(x, y)| x == y),
        4..8 => {
            word::<4>(a, 0) == word::<4>(b, 0)
                && word::<4>(a, length - 4) == word::<4>(b, length - 4)
        }
        // Every key of the preset shapes: two words that overlap, with no loop.
        8..=16 => {
            word::<8>(a, 0) == word::<8>(b, 0)
                && word::<8>(a, length - 8) == word::<8>(b, length - 8)
        }
        _ => {
            let mut at = 0;
            while at + 8 < length {
                if word::<8>(a, at) != word::<8>(b, at) {
                    return false;
                }
                at += 8;
            }
            word::<8>(a, length - 8) == word::<8>(b, length - 8)
        }
    }
}

/// The `N` bytes of `bytes` from `at`, as one array to compare at once; zeros where they
/// run out, which the callers' lengths rule out.
#[inline(always)]
fn word<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    bytes
        .get(at..at + N)
        .and_then(|window| window.try_into().ok())
        .unwrap_or([0; N])
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
        split(super::read_pointers(body, &super::Plan::of(code, message)))
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
            super::RawCode::Text(text) => Err(text.into_text()),
        });
        (code, fields.message.map(super::Sent::into_text))
    }
}

#[cfg(test)]
mod tests;
