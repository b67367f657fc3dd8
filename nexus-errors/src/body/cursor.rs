//! JSON tokens at a position in the body: strings, numbers, literals, and whole values
//! skipped without recursion. Every method returns `None` at a syntax error or at the end of
//! the body, and the reader stops there, keeping what it found before.
//!
//! The grammar is RFC 8259's, as serde_json reads it: a leading zero cannot be followed by a
//! digit, a string cannot hold a control byte, an escape is one of `\" \\ \/ \b \f \n \r \t
//! \uXXXX`. Two things are left unchecked, because no answer depends on them: whether the
//! bytes of a string are UTF-8 (checked only for the strings the reader keeps), and whether a
//! `\u` escape is a lone surrogate (decoded only where kept or compared).

/// A position in the body.
pub(super) struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// A string's bytes between its quotes, still escaped where `escaped` is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RawStr<'a> {
    pub bytes: &'a [u8],
    pub escaped: bool,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, at: 0 }
    }

    /// The byte at the cursor, which stays where it is.
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    pub(super) fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Steps over `byte`, which must be at the cursor.
    pub(super) fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// The string at the cursor, stepped over. Inlined: returned through memory, its three
    /// words stall the load that reads them back (a store-forwarding stall, a quarter of the
    /// reader's time on the Nexus bodies before this).
    #[inline(always)]
    pub(super) fn string(&mut self) -> Option<RawStr<'a>> {
        self.eat(b'"')?;
        let start = self.at;
        let mut escaped = false;
        loop {
            self.at = first_special_byte(self.bytes, self.at)?;
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Some(RawStr {
                        bytes: &self.bytes[start..self.at - 1],
                        escaped,
                    });
                }
                b'\\' => {
                    escaped = true;
                    self.at += 1;
                    self.escape()?;
                }
                _ => return None,
            }
        }
    }

    /// The escape after a backslash, stepped over.
    fn escape(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
            b'u' => {
                let hex = self.bytes.get(self.at + 1..self.at + 5)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                self.at += 5;
            }
            _ => return None,
        }
        Some(())
    }

    /// The number at the cursor, stepped over: its text, which is ASCII.
    pub(super) fn number(&mut self) -> Option<&'a [u8]> {
        let start = self.at;
        let _ = self.eat(b'-');
        match self.peek()? {
            // serde_json stops at `07` with an error rather than read `0`; so does this.
            b'0' if self.bytes.get(self.at + 1).is_some_and(u8::is_ascii_digit) => return None,
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.').is_some() {
            self.at_least_one_digit()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.at_least_one_digit()?;
        }
        Some(&self.bytes[start..self.at])
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn at_least_one_digit(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    /// A value the reader does not look into, stepped over.
    ///
    /// One loop over the tokens, not a recursion: the open brackets are bits in [`Nesting`],
    /// so no nesting can overflow the stack, and each one costs one bit of memory.
    pub(super) fn skip_value(&mut self) -> Option<()> {
        let mut open = Nesting::default();
        loop {
            // A value.
            self.skip_whitespace();
            match self.peek()? {
                b'{' => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.eat(b'}').is_none() {
                        open.push(Bracket::Object);
                        self.key()?;
                        continue;
                    }
                }
                b'[' => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.eat(b']').is_none() {
                        open.push(Bracket::Array);
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b'-' | b'0'..=b'9' => {
                    self.number()?;
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                _ => return None,
            }
            // What follows a value: the brackets it closes, then a comma before the next.
            loop {
                let Some(innermost) = open.innermost() else {
                    return Some(());
                };
                self.skip_whitespace();
                match (self.peek()?, innermost) {
                    (b',', Bracket::Object) => {
                        self.at += 1;
                        self.skip_whitespace();
                        self.key()?;
                        break;
                    }
                    (b',', Bracket::Array) => {
                        self.at += 1;
                        break;
                    }
                    (b'}', Bracket::Object) | (b']', Bracket::Array) => {
                        self.at += 1;
                        open.pop();
                    }
                    _ => return None,
                }
            }
        }
    }

    /// A key and its colon, stepped over; the value follows.
    fn key(&mut self) -> Option<()> {
        self.string()?;
        self.skip_whitespace();
        self.eat(b':')
    }

    /// `word` at the cursor, stepped over.
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.bytes[self.at..].starts_with(word).then(|| {
            self.at += word.len();
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bracket {
    Object,
    Array,
}

/// The open brackets of a skipped value, innermost last: one bit each (set for an object),
/// the first 64 in a word on the stack, any deeper ones on the heap. Skipped values are
/// rarely nested at all, so the heap is rarely touched, and a hostile body costs at most one
/// bit per byte.
#[derive(Default)]
struct Nesting {
    depth: usize,
    shallow: u64,
    deep: Vec<u64>,
}

impl Nesting {
    fn push(&mut self, bracket: Bracket) {
        let word = match (self.depth / 64).checked_sub(1) {
            None => &mut self.shallow,
            Some(index) => {
                if index == self.deep.len() {
                    self.deep.push(0);
                }
                &mut self.deep[index]
            }
        };
        // The bit may be left over from a bracket closed at this depth before: set or clear.
        let bit = 1 << (self.depth % 64);
        if bracket == Bracket::Object {
            *word |= bit;
        } else {
            *word &= !bit;
        }
        self.depth += 1;
    }

    fn pop(&mut self) {
        self.depth -= 1;
    }

    fn innermost(&self) -> Option<Bracket> {
        let depth = self.depth.checked_sub(1)?;
        let word = match (depth / 64).checked_sub(1) {
            None => self.shallow,
            Some(word) => self.deep[word],
        };
        Some(if word >> (depth % 64) & 1 == 1 {
            Bracket::Object
        } else {
            Bracket::Array
        })
    }
}

/// Whether `byte` ends a run of plain string bytes: a quote, a backslash (an escape follows)
/// or a control byte (not allowed in a JSON string).
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
    // `chunks_exact` gives the loop one index and no bounds check: with the window sliced
    // anew at each word, it kept four counters and reloaded its constants, 27 instructions
    // a word against 18 now (callgrind: 3% fewer on the Nexus mix, 1-4% on the others).
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        let found = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let tail = chunks
        .remainder()
        .iter()
        .position(|&byte| is_special(byte))?;
    Some(at + tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Skips the value at the start of `text`; where it ends, or `None` at a syntax error.
    fn skipped(text: &str) -> Option<usize> {
        let mut cursor = Cursor::new(text.as_bytes());
        cursor.skip_value()?;
        Some(cursor.at)
    }

    #[test]
    fn a_skipped_value_ends_where_serde_json_says_it_does() {
        // serde_json's `StreamDeserializer::byte_offset` is where a value ends.
        for text in [
            "0",
            "-12.5e+3",
            "\"a\\\"b\\u00e9\"",
            "true",
            "false",
            "null",
            "{}",
            "[]",
            "{ }",
            "[ ]",
            r#"{"a":[1,{"b":null},"]"],"c":{}}"#,
            r#"[[[]],[{}],{"x":[true,false]}]"#,
            r#" {"k" : [ 1 , 2 ] } "#,
        ] {
            let mut values =
                serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
            assert!(values.next().is_some_and(|value| value.is_ok()), "{text}");
            assert_eq!(skipped(text), Some(values.byte_offset()), "{text}");
            // The same value with more after it ends at the same place.
            assert_eq!(
                skipped(&format!("{text},1")),
                Some(values.byte_offset()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_skipped_value_that_serde_json_rejects_stops_the_reader() {
        for text in [
            "",
            " ",
            "{",
            "[",
            "}",
            "]",
            "{]",
            "[}",
            "[1}",
            r#"{"a":1]"#,
            "[1,]",
            r#"{"a":1,}"#,
            r#"{"a"}"#,
            r#"{"a" 1}"#,
            "{1:2}",
            "[1 2]",
            "tru",
            "nul",
            "fals",
            "x",
            "-",
            "01",
            "1.",
            "1e",
            "1e+",
            ".5",
            "+1",
            "\"a",
            "\"a\\x\"",
            "\"\\u12g4\"",
            "\"\\u12\"",
            "\"a\tb\"",
            r#"{"a":[1,2"#,
            r#"[{"a":{"b":[]}"#,
        ] {
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "{text} is JSON"
            );
            assert_eq!(skipped(text), None, "{text}");
        }
    }

    #[test]
    fn nesting_past_a_word_keeps_each_bracket() {
        // Brackets alternate kinds past 64 and 128 levels deep, so a bit lost or written in
        // the wrong word closes the wrong bracket.
        for depth in [63, 64, 65, 127, 128, 129, 300] {
            let open: String = (0..depth)
                .map(|level| if level % 3 == 0 { "{\"k\":" } else { "[" })
                .collect();
            let close: String = (0..depth)
                .rev()
                .map(|level| if level % 3 == 0 { "}" } else { "]" })
                .collect();
            let text = format!("{open}0{close}");
            assert_eq!(skipped(&text), Some(text.len()), "{depth}");
            // The innermost closing bracket swapped for the other kind is an error.
            let mut wrong = format!("{open}0{close}");
            let at = open.len() + 1;
            let swapped = if wrong.as_bytes()[at] == b'}' {
                "]"
            } else {
                "}"
            };
            wrong.replace_range(at..=at, swapped);
            assert_eq!(skipped(&wrong), None, "{depth}");
        }
    }

    #[test]
    fn a_depth_closed_and_opened_again_takes_the_new_bracket() {
        // At each depth, in both words and past them: an object, an object, an array, an
        // object, each closed before the next opens at the same depth, inside brackets of
        // both kinds, so a bit left over from the one before, or a neighbour's bit changed,
        // closes the wrong bracket.
        for depth in [0, 1, 2, 62, 63, 64, 65, 127, 128, 200] {
            let open: String = (0..depth)
                .map(|level| if level % 2 == 0 { "{\"k\":" } else { "[" })
                .collect();
            let close: String = (0..depth)
                .rev()
                .map(|level| if level % 2 == 0 { "}" } else { "]" })
                .collect();
            let text = format!(r#"{open}[{{"a":0}},{{"b":[]}},[0],{{"c":{{}}}}]{close}"#);
            assert_eq!(skipped(&text), Some(text.len()), "{depth}");
            let wrong = format!(r#"{open}[{{"a":0}},[0}},{{"c":0}}]{close}"#);
            assert_eq!(skipped(&wrong), None, "{depth}");
        }
    }

    #[test]
    fn strings_keep_their_escapes_and_say_so() {
        let mut cursor = Cursor::new(br#""plain" "a\nb" "#);
        assert_eq!(
            cursor.string(),
            Some(RawStr {
                bytes: b"plain",
                escaped: false
            })
        );
        cursor.skip_whitespace();
        assert_eq!(
            cursor.string(),
            Some(RawStr {
                bytes: br"a\nb",
                escaped: true
            })
        );
    }

    #[test]
    fn numbers_are_the_json_grammar() {
        for (text, number) in [
            ("0", "0"),
            ("-0", "-0"),
            ("4011,", "4011"),
            ("-7}", "-7"),
            ("1.5e3 ", "1.5e3"),
            ("2E-2]", "2E-2"),
            ("1e+9", "1e+9"),
            ("0.25", "0.25"),
        ] {
            let mut cursor = Cursor::new(text.as_bytes());
            assert_eq!(cursor.number(), Some(number.as_bytes()), "{text}");
        }
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
        assert_eq!(first_special_byte(b"ab", 3), None);
    }
}
