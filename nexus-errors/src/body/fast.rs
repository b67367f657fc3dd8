//! The fast reader: one pass over the shapes the API sends, giving up with `None` on anything
//! else so that the lenient reader reads the body instead (`body`'s module documentation has
//! the dispatch). Where it answers, its fields are exactly the lenient reader's.
//!
//! It reads one object whose values are strings without escapes, integers of up to 18 digits,
//! `true`, `false` and `null`, with one nested object of the same under `"error"`. It exists
//! for speed: the API's bodies skip serde_json's generic visitor machinery (BENCHMARKS.md).

use std::borrow::Cow;

use super::{CodeField, ErrorField, Field, Fields, MessageField};

/// Reads a body, or gives up with `None` for anything but the shapes above.
pub(super) fn read(body: &[u8]) -> Option<Fields<'_>> {
    // JSON outside strings is ASCII, and the strings are returned as `&str`: a body that is
    // not UTF-8 goes the long way.
    let mut cursor = Cursor {
        text: std::str::from_utf8(body).ok()?,
        at: 0,
    };
    let mut flat = Fields::default();
    let mut nested = Fields::default();
    cursor.skip_whitespace();
    cursor.object(&mut flat, Some(&mut nested))?;
    // What follows the object is not read: the lenient reader ignores it too.
    Some(Fields::nested_over_flat(nested, flat))
}

/// A position in the body.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

/// A value as this reader sees it. `Object` is left to the caller, at its `{`; `true`,
/// `false` and `null` are `Other`, which no field takes.
enum Value<'a> {
    Str(&'a str),
    Int(i64),
    Object,
    Other,
}

impl<'a> Cursor<'a> {
    /// The byte at the cursor, which stays where it is.
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Steps over `byte`, which must be at the cursor.
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// The object at the cursor: its members into `fields`, and at the top level (where
    /// `nested` is given) those of its `"error"` object into `nested`.
    fn object(
        &mut self,
        fields: &mut Fields<'a>,
        mut nested: Option<&mut Fields<'a>>,
    ) -> Option<()> {
        self.eat(b'{')?;
        self.skip_whitespace();
        if self.eat(b'}').is_some() {
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.skip_whitespace();
            self.eat(b':')?;
            self.skip_whitespace();
            match (key, self.value()?, nested.as_deref_mut()) {
                ("error", Value::Object, Some(nested)) => self.object(nested, None)?,
                ("error", Value::Str(s), Some(nested)) => {
                    ErrorField(nested).string(Cow::Borrowed(s));
                }
                ("code", Value::Int(n), _) => CodeField(&mut fields.code).integer(n),
                ("code", Value::Str(s), _) => CodeField(&mut fields.code).string(Cow::Borrowed(s)),
                ("message", Value::Str(s), _) => {
                    MessageField(&mut fields.message).string(Cow::Borrowed(s));
                }
                // Any other object is a level deeper than this reader goes.
                (_, Value::Object, _) => return None,
                _ => {}
            }
            self.skip_whitespace();
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.skip_whitespace();
                }
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// The value at the cursor, stepped over; an object is left at its `{`.
    fn value(&mut self) -> Option<Value<'a>> {
        Some(match self.peek()? {
            b'"' => Value::Str(self.string()?),
            b'-' | b'0'..=b'9' => Value::Int(self.integer()?),
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            b'{' => Value::Object,
            _ => return None,
        })
    }

    /// `word` at the cursor, stepped over.
    fn literal(&mut self, word: &[u8]) -> Option<Value<'a>> {
        self.text.as_bytes()[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            Value::Other
        })
    }

    /// The string at the cursor, stepped over. `None` for an escape or a control byte, which
    /// the lenient reader unescapes or rejects, and for a string that does not end.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        self.at = first_special_byte(self.text.as_bytes(), start)?;
        self.eat(b'"')?;
        // Both ends are next to ASCII quotes, so on char boundaries.
        Some(&self.text[start..self.at - 1])
    }

    /// The integer at the cursor, stepped over. `None` where the lenient reader would read
    /// something else or nothing: a fraction or an exponent (a float), a leading zero (an
    /// error), no digit, or more than 18 digits (18 always fit `i64`; more may not).
    fn integer(&mut self) -> Option<i64> {
        let bytes = self.text.as_bytes();
        let negative = self.peek() == Some(b'-');
        let digits = self.at + usize::from(negative);
        let mut end = digits;
        let mut value: i64 = 0;
        while let Some(digit @ b'0'..=b'9') = bytes.get(end) {
            value = value.wrapping_mul(10).wrapping_add(i64::from(digit - b'0'));
            end += 1;
        }
        let count = end - digits;
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
}

/// Whether `byte` ends a string this reader can take whole: a quote, a backslash (an escape
/// follows) or a control byte (not allowed in a JSON string).
fn is_special(byte: u8) -> bool {
    byte == b'"' || byte == b'\\' || byte < 0x20
}

/// The index of the first [special](is_special) byte at or after `from`, if any.
///
/// Eight bytes at a time, as one `u64` (SWAR, "SIMD within a register", as serde_json does):
/// `below(word, n)` sets the high bit of each byte of `word` that is less than `n` (for
/// `n <= 0x80`), by subtracting `n` from every byte at once. That can also flag a byte that is
/// not below `n`: the subtraction borrows out of a byte that is, and the borrow can make the
/// next byte up look below `n` too. But a borrow only moves towards the more significant
/// bytes, that is (the word being read little-endian) towards later bytes. Every byte before
/// the first one below `n` is at least `n`, so it neither borrows nor gets flagged, and the
/// lowest flag is always exact. Quotes and backslashes are the bytes below 1 of the word
/// XOR-ed with them, control bytes those below 0x20 of the word itself; the answer is the
/// lowest flag of the three, which is exact in each, so false flags above it cannot change it.
fn first_special_byte(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let mut at = from;
    while let Some(chunk) = bytes[at..].first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        let found = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let tail = bytes[at..].iter().position(|&byte| is_special(byte))?;
    Some(at + tail)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::super::{Fields, RawCode, lenient};
    use super::{first_special_byte, read};

    /// The fast reader alone on `body`: the code and the message it found, or `None` where it
    /// gave up.
    fn fast(body: &str) -> Option<(Option<RawCode<'_>>, Option<&str>)> {
        let Fields { code, message } = read(body.as_bytes())?;
        // Strings come straight from the body: nothing is allocated on this path.
        assert!(matches!(message, None | Some(Cow::Borrowed(_))), "{body}");
        assert!(
            !matches!(code, Some(RawCode::Text(Cow::Owned(_)))),
            "{body}"
        );
        Some((
            code,
            message.map(|m| match m {
                Cow::Borrowed(m) => m,
                Cow::Owned(_) => unreachable!("checked above"),
            }),
        ))
    }

    fn number(n: i64) -> Option<RawCode<'static>> {
        Some(RawCode::Number(n))
    }

    #[test]
    fn reads_the_api_shapes_alone() {
        let expired = "The session token used in this request has expired.";
        assert_eq!(
            fast(
                r#"{"error":{"code":4011,"message":"The session token used in this request has expired."}}"#
            ),
            Some((number(4011), Some(expired)))
        );
        assert_eq!(
            fast(r#"{"error":{"message":"m"}}"#),
            Some((None, Some("m")))
        );
        assert_eq!(
            fast(r#"{"code":4220,"message":"m"}"#),
            Some((number(4220), Some("m")))
        );
        assert_eq!(fast(r#"{"error":"m"}"#), Some((None, Some("m"))));
        assert_eq!(
            fast(r#"{"error":{"code":" 4011 "}}"#),
            Some((Some(RawCode::Text(Cow::Borrowed("4011"))), None))
        );
        assert_eq!(
            fast(" {\t\"error\"\n:\r{ \"code\" : -12 ,\"message\":\"m\"} , \"x\" : null }"),
            Some((number(-12), Some("m")))
        );
        assert_eq!(
            fast(r#"{"a":true,"b":false,"c":null,"d":"","e":0,"message":"m"}"#),
            Some((None, Some("m")))
        );
        assert_eq!(fast(r#"{"code":1}trailing"#), Some((number(1), None)));
        assert_eq!(
            fast(r#"{"code":123456789012345678}"#),
            Some((number(123_456_789_012_345_678), None))
        );
    }

    #[test]
    fn gives_up_on_what_it_does_not_read() {
        for body in [
            "",
            " ",
            "[]",
            "{",
            "{ ",
            r#"{"code""#,
            r#"{"code":1"#,
            r#"{"code":1,"#,
            r#"{"code":1,}"#,
            r#"{"code" 1}"#,
            r#"{"code":1 "message":"m"}"#,
            r#"{code:1}"#,
            r#"{"message":"a\"b"}"#,
            r#"{"message":"a\u0062"}"#,
            "{\"message\":\"a\nb\"}",
            r#"{"message":"never ends}"#,
            r#"{"code":1.5}"#,
            r#"{"code":1e3}"#,
            r#"{"code":1E3}"#,
            r#"{"code":01}"#,
            r#"{"code":-}"#,
            r#"{"code":1234567890123456789}"#,
            r#"{"code":[1]}"#,
            r#"{"extra":{}}"#,
            r#"{"error":{"error":{}}}"#,
            r#"{"code":tru}"#,
            r#"{"code":nul}"#,
            r#"{"code":fals}"#,
            r#"{"code":+1}"#,
        ] {
            assert_eq!(fast(body), None, "{body}");
        }
        assert_eq!(read(b"{\"message\":\"\xff\"}"), None);
    }

    #[test]
    fn first_special_byte_finds_the_first_quote_backslash_or_control_byte() {
        // Bytes that are not special, including those next to the special ones, which a
        // borrow in the eight-byte check could flag: 0x20 and 0x21 after a control byte, `#`
        // after a quote, `]` after a backslash, and bytes with the high bit set.
        let plain = [
            b'a', b' ', b'!', b'#', b']', b'[', 0x7f, 0x80, 0xa0, 0xdd, 0xff,
        ];
        let special = [b'"', b'\\', 0x00, 0x01, 0x0a, 0x1f];
        let naive = |bytes: &[u8], from: usize| {
            (from..bytes.len()).find(|&i| matches!(bytes[i], b'"' | b'\\' | 0x00..=0x1f))
        };
        for length in 0..=20 {
            for fill in plain {
                for at in 0..=length {
                    for byte in special {
                        for after in plain {
                            let mut bytes = vec![fill; length];
                            if at < length {
                                bytes[at] = byte;
                                bytes[at + 1..].fill(after);
                            }
                            for from in 0..=length.min(3) {
                                assert_eq!(
                                    first_special_byte(&bytes, from),
                                    naive(&bytes, from),
                                    "{bytes:02x?} from {from}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn agrees_with_the_lenient_reader_on_mutated_bodies() {
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
                let shown = String::from_utf8_lossy(&body);
                let lenient = lenient::read(&body);
                if let Some(fast) = read(&body) {
                    assert_eq!(fast, lenient, "{shown}");
                }
                assert_eq!(super::super::read(&body), lenient, "{shown}");
            }
        }
    }
}
