//! Reads `code` and `message` out of an error body, whatever its shape, without failing.
//!
//! Accepted shapes: `{"error":{"code":…,"message":…}}`, flat `{"code":…,"message":…}` and
//! `{"error":"message"}`, with any extra fields. Values of unexpected types are skipped,
//! not rejected. What was read before a syntax error (a truncated body) is kept. Strings are
//! borrowed from the body where JSON escapes allow.
//!
//! # Which reader serves a body
//!
//! [`read`] tries the cheapest reader that can answer:
//!
//! 1. A body whose first byte after whitespace is not `{` has no fields: empty, HTML, a
//!    bare JSON value. It gets [`Fields::default`] without a parse (what the lenient reader
//!    gives for it, without serde_json building and boxing an error that says "not JSON").
//! 2. [`fast::read`] reads the shapes the API sends in one pass: objects whose values are
//!    strings without escapes, integers of up to 18 digits, `true`, `false`, `null`, and one
//!    nested object under `"error"`. For anything else (an escape, a float, an array, a
//!    deeper object, a body that is not UTF-8 or breaks off) it gives up with `None`.
//! 3. [`lenient::read`], serde_json with lenient visitors, then reads the body from the
//!    start. It reads anything, keeping what came before a break.
//!
//! Where the fast reader answers, its fields are exactly the lenient reader's: both write
//! through the same [`Field`]s (`CodeField`, `MessageField`, `ErrorField`), so duplicate
//! keys, `null`s and trimmed string codes behave alike. The tests check which reader serves
//! each documented shape, and a differential test and fuzz target check the agreement.
//!
//! The worst case is two scans: the fast reader (its UTF-8 check of the whole body, then
//! its parse up to the point where it gives up) and then serde_json over the whole body.
//!
//! Both readers stop at the end of the top-level object and ignore what follows it. The
//! lenient reader keeps what it read before any break, and bytes after a complete object
//! are one more break; so `{"code":4011}` followed by a newline, a second object or a
//! proxy's footer still gives code 4011, and the fast reader must give the same.
//!
//! The readers descend at most three levels (body, `"error"`, field); serde_json skips
//! anything deeper without recursion, so no nesting can overflow the stack.

use std::borrow::Cow;

use serde::de::{IgnoredAny, MapAccess};

mod fast;
mod lenient;

/// The fields found in a body; each is `None` when absent or unusable.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Fields<'a> {
    pub code: Option<RawCode<'a>>,
    pub message: Option<Cow<'a, str>>,
}

impl<'a> Fields<'a> {
    /// The body's fields: those of its `"error"` object where it has them, else its own.
    fn nested_over_flat(nested: Fields<'a>, flat: Fields<'a>) -> Self {
        Fields {
            code: nested.code.or(flat.code),
            message: nested.message.or(flat.message),
        }
    }
}

/// A code as found in the body, before it is kept.
#[derive(Debug, PartialEq)]
pub(crate) enum RawCode<'a> {
    Number(i64),
    Text(Cow<'a, str>),
}

/// Reads a body. Never fails: bytes that are not JSON give empty fields.
pub(crate) fn read(body: &[u8]) -> Fields<'_> {
    dispatch(body).0
}

/// Which reader served a body (see the module documentation). Only the tests look at it;
/// [`read`] drops it, and it compiles away there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    NotAnObject,
    Fast,
    Lenient,
}

/// The dispatch of the module documentation, steps 1 to 3.
fn dispatch(body: &[u8]) -> (Fields<'_>, Reader) {
    if body
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        != Some(&b'{')
    {
        return (Fields::default(), Reader::NotAnObject);
    }
    match fast::read(body) {
        Some(fields) => (fields, Reader::Fast),
        None => (lenient::read(body), Reader::Lenient),
    }
}

/// What one JSON value is read into. Each method handles one kind of value; the defaults
/// skip it, so a value of an unexpected type is ignored instead of failing the whole body.
/// Both readers write through these, so they treat every value alike.
trait Field<'a>: Sized {
    fn string(self, _value: Cow<'a, str>) {}
    fn integer(self, _value: i64) {}
    fn other_number(self, _value: String) {}
    fn map<M: MapAccess<'a>>(self, mut map: M) -> Result<(), M::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// `"error"`: an object with `code` and `message`, or the message itself.
struct ErrorField<'s, 'a>(&'s mut Fields<'a>);

impl<'a> Field<'a> for ErrorField<'_, 'a> {
    fn string(self, message: Cow<'a, str>) {
        self.0.message = Some(message);
    }
    fn map<M: MapAccess<'a>>(self, map: M) -> Result<(), M::Error> {
        lenient::read_object(map, self.0, None)
    }
}

struct CodeField<'s, 'a>(&'s mut Option<RawCode<'a>>);

impl<'a> Field<'a> for CodeField<'_, 'a> {
    fn integer(self, code: i64) {
        *self.0 = Some(RawCode::Number(code));
    }
    fn other_number(self, code: String) {
        *self.0 = Some(RawCode::Text(Cow::Owned(code)));
    }
    fn string(self, code: Cow<'a, str>) {
        *self.0 = match code {
            Cow::Borrowed(code) => Some(code.trim())
                .filter(|c| !c.is_empty())
                .map(|c| RawCode::Text(Cow::Borrowed(c))),
            Cow::Owned(code) => Some(code.trim())
                .filter(|c| !c.is_empty())
                .map(|c| RawCode::Text(Cow::Owned(c.to_owned()))),
        };
    }
}

struct MessageField<'s, 'a>(&'s mut Option<Cow<'a, str>>);

impl<'a> Field<'a> for MessageField<'_, 'a> {
    fn string(self, message: Cow<'a, str>) {
        *self.0 = Some(message);
    }
}

/// Each reader on its own, for the fuzz targets: compiled only with `--cfg fuzzing` (which
/// cargo-fuzz sets), and reachable as `nexus_errors::__fuzz`.
#[cfg(fuzzing)]
pub mod fuzz {
    /// The fields a reader found: compare them with `==`, show them with `{:?}`.
    #[derive(Debug, PartialEq)]
    pub struct Found<'a>(super::Fields<'a>);

    /// What `from_response` reads: the reader the dispatch picks.
    #[must_use]
    pub fn read(body: &[u8]) -> Found<'_> {
        Found(super::read(body))
    }

    /// The fast reader alone; `None` where it gives up.
    #[must_use]
    pub fn fast(body: &[u8]) -> Option<Found<'_>> {
        super::fast::read(body).map(Found)
    }

    /// The lenient (serde_json) reader alone, which reads any bytes.
    #[must_use]
    pub fn lenient(body: &[u8]) -> Found<'_> {
        Found(super::lenient::read(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(body: &str) -> (Option<RawCode<'_>>, Option<Cow<'_, str>>) {
        let fields = read(body.as_bytes());
        (fields.code, fields.message)
    }

    fn text(s: &str) -> Option<RawCode<'_>> {
        Some(RawCode::Text(Cow::Borrowed(s)))
    }

    fn number(n: i64) -> Option<RawCode<'static>> {
        Some(RawCode::Number(n))
    }

    #[test]
    fn nested_flat_and_string_shapes() {
        assert_eq!(
            fields(r#"{"error":{"code":4011,"message":"m"}}"#),
            (number(4011), Some("m".into()))
        );
        assert_eq!(
            fields(r#"{"code":4011,"message":"m"}"#),
            (number(4011), Some("m".into()))
        );
        assert_eq!(fields(r#"{"error":"m"}"#), (None, Some("m".into())));
    }

    #[test]
    fn codes_of_every_type() {
        assert_eq!(fields(r#"{"code":" 4011 "}"#).0, text("4011"));
        assert_eq!(fields(r#"{"code":"  "}"#).0, None);
        assert_eq!(fields(r#"{"code":null}"#).0, None);
        assert_eq!(fields(r#"{"code":4011.0}"#).0, number(4011));
        assert_eq!(
            fields(r#"{"code":4011.5}"#).0,
            Some(RawCode::Text("4011.5".to_owned().into()))
        );
        assert_eq!(
            fields(r#"{"code":18446744073709551615}"#).0,
            Some(RawCode::Text("18446744073709551615".to_owned().into()))
        );
        assert_eq!(
            fields(r#"{"code":[1,{"a":2}],"message":"m"}"#),
            (None, Some("m".into()))
        );
        // An escaped code is unescaped, then trimmed like any other.
        assert_eq!(fields(r#"{"code":" 4\u00301 "}"#).0, text("401"));
        assert_eq!(fields(r#"{"code":"\u0020"}"#).0, None);
    }

    #[test]
    fn the_nested_object_wins_over_flat_fields() {
        assert_eq!(
            fields(r#"{"code":1,"message":"flat","error":{"code":2,"message":"nested"}}"#),
            (number(2), Some("nested".into()))
        );
        assert_eq!(
            fields(r#"{"code":1,"error":{"message":"nested"}}"#),
            (number(1), Some("nested".into()))
        );
    }

    #[test]
    fn unexpected_types_and_extra_fields_are_skipped() {
        assert_eq!(
            fields(r#"{"message":42,"extra":{"deep":[true,null]},"code":7}"#),
            (number(7), None)
        );
        assert_eq!(
            fields(r#"{"error":{"error":{"code":9}},"code":7}"#),
            (number(7), None)
        );
        assert_eq!(fields(r#"[{"code":7}]"#), (None, None));
        // An object where a code or a message belongs is skipped whole; what follows is read.
        assert_eq!(
            fields(r#"{"error":{"code":{"a":[1]},"message":"m"}}"#),
            (None, Some("m".into()))
        );
        assert_eq!(
            fields(r#"{"message":{"a":{}},"code":7}"#),
            (number(7), None)
        );
    }

    #[test]
    fn strings_are_borrowed_unless_escaped() {
        let (_, message) = fields(r#"{"message":"plain"}"#);
        assert!(matches!(message, Some(Cow::Borrowed("plain"))));
        let (_, message) = fields(r#"{"message":"tab\there"}"#);
        assert!(matches!(message, Some(Cow::Owned(ref m)) if m == "tab\there"));
    }

    #[test]
    fn what_came_before_a_break_is_kept() {
        assert_eq!(
            fields(r#"{"error":{"code":4011,"message":"The sess"#),
            (number(4011), None)
        );
        assert_eq!(fields(""), (None, None));
        assert_eq!(fields("<html>502 Bad Gateway</html>"), (None, None));
    }

    #[test]
    fn deep_nesting_is_skipped_without_overflowing() {
        let deep = format!(
            "{{\"code\":5,\"x\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(fields(&deep).0, number(5));
    }

    /// Reads `body` and checks which reader served it and what it found; the code and the
    /// message expected are written from the body's text.
    fn assert_served(
        body: &[u8],
        reader: Reader,
        code: Option<RawCode<'_>>,
        message: Option<&str>,
    ) {
        let shown = String::from_utf8_lossy(body);
        let (fields, served) = dispatch(body);
        assert_eq!(served, reader, "{shown}");
        assert_eq!(fields.code, code, "{shown}");
        assert_eq!(fields.message.as_deref(), message, "{shown}");
    }

    #[test]
    fn the_fast_reader_serves_every_shape_the_api_sends() {
        let fast = Reader::Fast;
        let m = Some("m");
        let expired = "The session token used in this request has expired.";
        assert_served(
            br#"{"error":{"code":4011,"message":"The session token used in this request has expired."}}"#,
            fast,
            number(4011),
            Some(expired),
        );
        assert_served(
            br#"{"error":{"message":"Invalid API token."}}"#,
            fast,
            None,
            Some("Invalid API token."),
        );
        assert_served(br#"{"error":{"code":4011}}"#, fast, number(4011), None);
        assert_served(br#"{"code":4220,"message":"m"}"#, fast, number(4220), m);
        assert_served(br#"{"error":"m"}"#, fast, None, m);
        assert_served(br#"{"error":"m","code":"4011"}"#, fast, text("4011"), m);
        assert_served(br#"{}"#, fast, None, None);
        assert_served(br#"{"error":{}}"#, fast, None, None);
        assert_served(br#"{"error":{"code":null,"message":"m"}}"#, fast, None, m);
        assert_served(br#"{"error":{"code":" 42 "}}"#, fast, text("42"), None);
        assert_served(br#"{"error":{"code":"  ","message":"m"}}"#, fast, None, m);
        assert_served(br#"{"code":-7,"message":"m"}"#, fast, number(-7), m);
        assert_served(br#"{"code":0}"#, fast, number(0), None);
        assert_served(br#"{"code":"x","code":5}"#, fast, number(5), None);
        assert_served(br#"{"code":5,"code":"  "}"#, fast, None, None);
        assert_served(br#"{"message":5,"code":true}"#, fast, None, None);
        assert_served(
            r#"{"message":"Café ☕"}"#.as_bytes(),
            fast,
            None,
            Some("Café ☕"),
        );
    }

    #[test]
    fn the_fast_reader_serves_extra_fields_whitespace_and_trailing_bytes() {
        let fast = Reader::Fast;
        let m = Some("m");
        assert_served(
            br#"{"status":400,"error":{"id":"abc","code":4001,"retry":false,"message":"m","hint":null,"n":-3},"ok":true}"#,
            fast,
            number(4001),
            m,
        );
        assert_served(
            b" \t\n\r{ \"error\" :\t{\n\"code\"\r: 4011 , \"message\"\n:\t\"m\" \r}\n}\r\n",
            fast,
            number(4011),
            m,
        );
        assert_served(b"{ }", fast, None, None);
        assert_served(
            br#"{"code":1,"message":"flat","error":{"code":2}}"#,
            fast,
            number(2),
            Some("flat"),
        );
        assert_served(
            br#"{"error":{"code":1,"error":"inner"}}"#,
            fast,
            number(1),
            None,
        );
        // What follows the object is ignored, by both readers.
        assert_served(br#"{"code":1}<html>"#, fast, number(1), None);
        assert_served(br#"{"code":1}{"code":2}"#, fast, number(1), None);
        // 18 digits always fit an i64.
        assert_served(
            br#"{"code":999999999999999999}"#,
            fast,
            number(999_999_999_999_999_999),
            None,
        );
        assert_served(
            br#"{"code":-999999999999999999}"#,
            fast,
            number(-999_999_999_999_999_999),
            None,
        );
    }

    #[test]
    fn other_bodies_go_to_the_lenient_reader() {
        let lenient = Reader::Lenient;
        assert_served(
            br#"{"error":{"code":4011,"message":"a\"b"}}"#,
            lenient,
            number(4011),
            Some("a\"b"),
        );
        assert_served(br#"{"code":4011.0}"#, lenient, number(4011), None);
        assert_served(br#"{"code":4e3}"#, lenient, number(4000), None);
        assert_served(
            br#"{"code":1234567890123456789}"#,
            lenient,
            number(1_234_567_890_123_456_789),
            None,
        );
        assert_served(br#"{"details":[1,2],"code":7}"#, lenient, number(7), None);
        assert_served(br#"{"meta":{},"code":7}"#, lenient, number(7), None);
        assert_served(
            br#"{"error":{"details":{"a":1},"code":7}}"#,
            lenient,
            number(7),
            None,
        );
        // Not UTF-8, but only after the object: serde_json never gets there.
        assert_served(b"{\"code\":7}\xff", lenient, number(7), None);
        // Broken bodies keep what came before the break.
        assert_served(
            br#"{"error":{"code":4011,"message":"The sess"#,
            lenient,
            number(4011),
            None,
        );
        assert_served(br#"{"code":7,}"#, lenient, number(7), None);
        assert_served(br#"{"code":07}"#, lenient, None, None);
        assert_served(
            b"{\"code\":7,\"message\":\"a\tb\"}",
            lenient,
            number(7),
            None,
        );
        assert_served(br#"{"code":7,"message":tru}"#, lenient, number(7), None);
    }

    #[test]
    fn bodies_that_are_not_objects_are_not_parsed() {
        for body in [
            &b""[..],
            b" \t\r\n",
            b"<html>502 Bad Gateway</html>",
            br#"[{"code":7}]"#,
            br#""error""#,
            b"null",
            b"4011",
            b"\xff{",
        ] {
            assert_served(body, Reader::NotAnObject, None, None);
            // The lenient reader would find nothing in them either.
            assert_eq!(lenient::read(body), Fields::default());
        }
    }
}
