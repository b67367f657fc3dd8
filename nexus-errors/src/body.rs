//! Reads `code` and `message` out of an error body, whatever its shape, without failing.
//!
//! Accepted shapes: `{"error":{"code":…,"message":…}}`, flat `{"code":…,"message":…}` and
//! `{"error":"message"}`, with any extra fields. Values of unexpected types are skipped,
//! not rejected. The visitors write into the result as they go, so what was read before a
//! syntax error (a truncated body) is kept. Strings are borrowed from the body where JSON
//! escapes allow. The visitors descend at most three levels (body, `"error"`, field); serde_json
//! skips anything deeper without recursion, so no nesting can overflow the stack.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

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

mod fast;

/// Reads a body. Never fails: bytes that are not JSON give empty fields.
pub(crate) fn read(body: &[u8]) -> Fields<'_> {
    // Only an object carries fields: skip serde_json (and the error it would box) otherwise.
    if body
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        != Some(&b'{')
    {
        return Fields::default();
    }
    if let Some(fields) = fast::read(body) {
        return fields;
    }
    read_slow(body)
}

/// The general reader: serde_json with lenient visitors.
fn read_slow(body: &[u8]) -> Fields<'_> {
    let mut flat = Fields::default();
    let mut nested = Fields::default();
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    // An error only means the body ended or broke off; what was read so far is kept.
    let _ = Lenient(Body {
        flat: &mut flat,
        nested: &mut nested,
    })
    .deserialize(&mut deserializer);
    Fields {
        code: nested.code.or(flat.code),
        message: nested.message.or(flat.message),
    }
}

/// What one JSON value is read into. Each method handles one kind of value; the defaults
/// skip it, so a value of an unexpected type is ignored instead of failing the whole body.
trait Field<'a> {
    fn string(self, _value: Cow<'a, str>)
    where
        Self: Sized,
    {
    }
    fn integer(self, _value: i64)
    where
        Self: Sized,
    {
    }
    fn other_number(self, _value: String)
    where
        Self: Sized,
    {
    }
    fn map<M: MapAccess<'a>>(self, mut map: M) -> Result<(), M::Error>
    where
        Self: Sized,
    {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// Drives a [`Field`] from any JSON value.
struct Lenient<F>(F);

impl<'a, F: Field<'a>> DeserializeSeed<'a> for Lenient<F> {
    type Value = ();
    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'a, F: Field<'a>> Visitor<'a> for Lenient<F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        self.0.integer(value);
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        match i64::try_from(value) {
            Ok(value) => self.0.integer(value),
            Err(_) => self.0.other_number(value.to_string()),
        }
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        // A whole float in i64's range (4011.0) is that integer; any other is kept as text.
        if value.fract() == 0.0 && (-9.2e18..=9.2e18).contains(&value) {
            #[allow(clippy::cast_possible_truncation)] // whole and in range, checked above
            self.0.integer(value as i64);
        } else {
            self.0.other_number(value.to_string());
        }
        Ok(())
    }
    fn visit_borrowed_str<E: de::Error>(self, value: &'a str) -> Result<(), E> {
        self.0.string(Cow::Borrowed(value));
        Ok(())
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.0.string(Cow::Owned(value.to_owned()));
        Ok(())
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<(), E> {
        self.0.string(Cow::Owned(value));
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<S: SeqAccess<'a>>(self, mut seq: S) -> Result<(), S::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_map<M: MapAccess<'a>>(self, map: M) -> Result<(), M::Error> {
        self.0.map(map)
    }
}

enum Key {
    Error,
    Code,
    Message,
    Other,
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "error" => Key::Error,
            "code" => Key::Code,
            "message" => Key::Message,
            _ => Key::Other,
        })
    }
}

/// Reads `code` and `message` from an object into `fields`; `"error"` goes to `nested`
/// when given (at the top level) and is skipped otherwise.
fn read_object<'a, M: MapAccess<'a>>(
    mut map: M,
    fields: &mut Fields<'a>,
    mut nested: Option<&mut Fields<'a>>,
) -> Result<(), M::Error> {
    while let Some(key) = map.next_key_seed(KeySeed)? {
        match (key, nested.as_deref_mut()) {
            (Key::Error, Some(nested)) => map.next_value_seed(Lenient(ErrorField(nested)))?,
            (Key::Code, _) => map.next_value_seed(Lenient(CodeField(&mut fields.code)))?,
            (Key::Message, _) => map.next_value_seed(Lenient(MessageField(&mut fields.message)))?,
            (Key::Error | Key::Other, _) => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(())
}

/// The top level: only an object carries fields.
struct Body<'s, 'a> {
    flat: &'s mut Fields<'a>,
    nested: &'s mut Fields<'a>,
}

impl<'a> Field<'a> for Body<'_, 'a> {
    fn map<M: MapAccess<'a>>(self, map: M) -> Result<(), M::Error> {
        read_object(map, self.flat, Some(self.nested))
    }
}

/// `"error"`: an object with `code` and `message`, or the message itself.
struct ErrorField<'s, 'a>(&'s mut Fields<'a>);

impl<'a> Field<'a> for ErrorField<'_, 'a> {
    fn string(self, message: Cow<'a, str>) {
        self.0.message = Some(message);
    }
    fn map<M: MapAccess<'a>>(self, map: M) -> Result<(), M::Error> {
        read_object(map, self.0, None)
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

    #[test]
    fn nested_flat_and_string_shapes() {
        assert_eq!(
            fields(r#"{"error":{"code":4011,"message":"m"}}"#),
            (Some(RawCode::Number(4011)), Some("m".into()))
        );
        assert_eq!(
            fields(r#"{"code":4011,"message":"m"}"#),
            (Some(RawCode::Number(4011)), Some("m".into()))
        );
        assert_eq!(fields(r#"{"error":"m"}"#), (None, Some("m".into())));
    }

    #[test]
    fn codes_of_every_type() {
        assert_eq!(fields(r#"{"code":" 4011 "}"#).0, text("4011"));
        assert_eq!(fields(r#"{"code":"  "}"#).0, None);
        assert_eq!(fields(r#"{"code":null}"#).0, None);
        assert_eq!(fields(r#"{"code":4011.0}"#).0, Some(RawCode::Number(4011)));
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
    }

    #[test]
    fn the_nested_object_wins_over_flat_fields() {
        assert_eq!(
            fields(r#"{"code":1,"message":"flat","error":{"code":2,"message":"nested"}}"#),
            (Some(RawCode::Number(2)), Some("nested".into()))
        );
        assert_eq!(
            fields(r#"{"code":1,"error":{"message":"nested"}}"#),
            (Some(RawCode::Number(1)), Some("nested".into()))
        );
    }

    #[test]
    fn unexpected_types_and_extra_fields_are_skipped() {
        assert_eq!(
            fields(r#"{"message":42,"extra":{"deep":[true,null]},"code":7}"#),
            (Some(RawCode::Number(7)), None)
        );
        assert_eq!(
            fields(r#"{"error":{"error":{"code":9}},"code":7}"#),
            (Some(RawCode::Number(7)), None)
        );
        assert_eq!(fields(r#"[{"code":7}]"#), (None, None));
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
            (Some(RawCode::Number(4011)), None)
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
        assert_eq!(fields(&deep).0, Some(RawCode::Number(5)));
    }
}
