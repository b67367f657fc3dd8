//! A reader for the common shapes only: objects whose values are strings without escapes,
//! integers that fit `i64`, `true`, `false`, `null`, and one nested object under `"error"`.
//! Gives `None` for anything else (escapes, floats, arrays, deeper objects, a broken or
//! truncated body), and the general reader then reads the body from the start; where it
//! gives fields, they are exactly those the general reader would give.
//!
//! It exists for speed: the API's bodies take this path and skip serde_json's generic
//! visitor machinery (see BENCHMARKS.md).

use std::borrow::Cow;

use super::{CodeField, ErrorField, Field, Fields, MessageField};

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

enum Value<'a> {
    Str(&'a str),
    Int(i64),
    Null,
    Other,
    Object,
}

impl<'a> Cursor<'a> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.as_bytes().get(self.at) {
            self.at += 1;
        }
    }
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.text.as_bytes().get(self.at).copied()
    }
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut end = start;
        // Eight bytes at a time: the first quote, backslash or control byte.
        const ONES: u64 = u64::from_ne_bytes([1; 8]);
        const HIGH: u64 = ONES << 7;
        let stop = loop {
            let Some(chunk) = bytes.get(end..end + 8) else {
                break bytes[end..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                    .map(|i| end + i)?;
            };
            let word = u64::from_le_bytes(chunk.try_into().ok()?);
            let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
            let found = zero(word ^ (ONES * u64::from(b'"')))
                | zero(word ^ (ONES * u64::from(b'\\')))
                | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
            if found != 0 {
                break end + (found.trailing_zeros() / 8) as usize;
            }
            end += 8;
        };
        if bytes[stop] != b'"' {
            return None;
        }
        self.at = stop + 1;
        // `start` and `stop` are next to ASCII quotes, so on char boundaries.
        Some(&self.text[start..stop])
    }
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.text.as_bytes()[self.at..]
            .starts_with(word)
            .then(|| self.at += word.len())
    }
    fn integer(&mut self) -> Option<i64> {
        let bytes = self.text.as_bytes();
        let negative = bytes.get(self.at) == Some(&b'-');
        let digits = self.at + usize::from(negative);
        let mut end = digits;
        let mut value: i64 = 0;
        while let Some(digit @ b'0'..=b'9') = bytes.get(end) {
            value = value.wrapping_mul(10).wrapping_add(i64::from(digit - b'0'));
            end += 1;
        }
        let count = end - digits;
        // 18 digits always fit; a leading zero, a fraction or an exponent go the long way.
        if count == 0
            || count > 18
            || (count > 1 && bytes[digits] == b'0')
            || matches!(bytes.get(end), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        self.at = end;
        Some(if negative { -value } else { value })
    }
    /// A value; objects are left to the caller, at their `{`.
    fn value(&mut self) -> Option<Value<'a>> {
        Some(match self.peek()? {
            b'"' => Value::Str(self.string()?),
            b'-' | b'0'..=b'9' => Value::Int(self.integer()?),
            b'n' => {
                self.literal(b"null")?;
                Value::Null
            }
            b't' => {
                self.literal(b"true")?;
                Value::Other
            }
            b'f' => {
                self.literal(b"false")?;
                Value::Other
            }
            b'{' => Value::Object,
            _ => return None,
        })
    }
    /// An object's members into `fields`; `"error"` into `nested` at the top level.
    fn object(
        &mut self,
        fields: &mut Fields<'a>,
        mut nested: Option<&mut Fields<'a>>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            let value = self.value()?;
            match (key, value, nested.as_deref_mut()) {
                ("error", Value::Object, Some(nested)) => self.object(nested, None)?,
                ("error", Value::Str(s), Some(nested)) => {
                    ErrorField(nested).string(Cow::Borrowed(s))
                }
                ("code", Value::Int(n), _) => CodeField(&mut fields.code).integer(n),
                ("code", Value::Str(s), _) => CodeField(&mut fields.code).string(Cow::Borrowed(s)),
                ("message", Value::Str(s), _) => {
                    MessageField(&mut fields.message).string(Cow::Borrowed(s))
                }
                (_, Value::Object, _) => return None,
                _ => {}
            }
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

pub(super) fn read(body: &[u8]) -> Option<Fields<'_>> {
    // JSON outside strings is ASCII: a body that is not UTF-8 goes the long way.
    let mut cursor = Cursor {
        text: std::str::from_utf8(body).ok()?,
        at: 0,
    };
    let mut flat = Fields::default();
    let mut nested = Fields::default();
    cursor.object(&mut flat, Some(&mut nested))?;
    Some(Fields {
        code: nested.code.or(flat.code),
        message: nested.message.or(flat.message),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_reader_agrees_with_the_general_one() {
        let seeds: &[&str] = &[
            r#"{"error":{"code":4011,"message":"The session token used in this request has expired."}}"#,
            r#"{"error":{"message":"Invalid API token."}}"#,
            r#" { "code" : -7 , "message" : "m" , "extra" : true, "n": null } "#,
            r#"{"code":1,"message":"flat","error":{"code":2,"message":"nested"}}"#,
            r#"{"error":"m","code":"  42 ","message":null}"#,
            r#"{"error":{"error":"x","code":null,"message":5}}"#,
            r#"{"code":4011.0,"message":"a\nb"}"#,
            r#"{"code":007}"#,
            r#"{"code":99999999999999999999}"#,
            r#"{"x":[1,2],"code":3}"#,
            r#"{}"#,
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"{}[]\":,\\ 0123456789-.eEnulltruefalse\x01\xc3\xa9\xff";
        for seed in seeds {
            let seed = seed.as_bytes();
            for _ in 0..20_000 {
                let mut body = seed.to_vec();
                for _ in 0..(next() % 4) {
                    let at = (next() as usize) % (body.len() + 1);
                    match next() % 3 {
                        0 if at < body.len() => {
                            body.remove(at);
                        }
                        1 if at < body.len() => {
                            body[at] = alphabet[(next() as usize) % alphabet.len()]
                        }
                        _ => body.insert(at, alphabet[(next() as usize) % alphabet.len()]),
                    }
                }
                if let Some(fast) = super::read(&body) {
                    assert_eq!(
                        fast,
                        super::super::read_slow(&body),
                        "{}",
                        String::from_utf8_lossy(&body)
                    );
                }
                let trimmed_start = body
                    .iter()
                    .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                    .copied();
                if trimmed_start != Some(b'{') {
                    assert_eq!(
                        super::super::read(&body),
                        super::super::read_slow(&body),
                        "{}",
                        String::from_utf8_lossy(&body)
                    );
                }
            }
        }
    }
}
