//! The general reader: serde_json driving the [`Field`]s through lenient visitors. It reads
//! any bytes; a syntax error only means the body ended or broke off, and what was read
//! before it is kept.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{CodeField, ErrorField, Field, Fields, MessageField};

/// Reads a body from the start. Never fails: bytes that are not JSON give empty fields.
pub(super) fn read(body: &[u8]) -> Fields<'_> {
    let mut flat = Fields::default();
    let mut nested = Fields::default();
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    // An error only means the body ended or broke off; what was read so far is kept. Nor is
    // `Deserializer::end` called: bytes after the object are ignored (see `body`'s docs).
    let _ = Lenient(Body {
        flat: &mut flat,
        nested: &mut nested,
    })
    .deserialize(&mut deserializer);
    Fields::nested_over_flat(nested, flat)
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
    // An unescaped copy; serde_json never hands over an owned `String` (`visit_string`).
    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.0.string(Cow::Owned(value.to_owned()));
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
pub(super) fn read_object<'a, M: MapAccess<'a>>(
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
