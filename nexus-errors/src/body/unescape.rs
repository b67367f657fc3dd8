//! A JSON string's escapes, decoded: one decoder for the keys compared with pointer tokens
//! and for the strings kept, so both agree on what a string says.

use std::borrow::Cow;

use super::cursor::RawStr;

/// The text of a string, borrowed from the body unless it has escapes. `None` when it is not
/// valid UTF-8 or has a lone surrogate (`\ud800`): serde_json rejects both, and a replacement
/// character would make the kept copy longer than the body.
pub(super) fn text(raw: RawStr<'_>) -> Option<Cow<'_, str>> {
    if !raw.escaped {
        return std::str::from_utf8(raw.bytes).ok().map(Cow::Borrowed);
    }
    let mut unescaped = Vec::with_capacity(raw.bytes.len());
    pieces(raw.bytes, |piece| {
        unescaped.extend_from_slice(piece?);
        Some(())
    })?;
    String::from_utf8(unescaped).ok().map(Cow::Owned)
}

/// Whether the string says `token`, compared piece by piece without a copy. Inlined for the
/// plain keys every body has; keys with escapes take [`escaped_equals`].
#[inline(always)]
pub(super) fn equals(raw: RawStr<'_>, token: &str) -> bool {
    if raw.escaped {
        escaped_equals(raw, token)
    } else {
        super::same_bytes(raw.bytes, token.as_bytes())
    }
}

fn escaped_equals(raw: RawStr<'_>, token: &str) -> bool {
    let mut rest = token.as_bytes();
    pieces(raw.bytes, |piece| {
        rest = rest.strip_prefix(piece?)?;
        Some(())
    })
    .is_some()
        && rest.is_empty()
}

/// Calls `each` with the unescaped bytes of `raw` in order: runs of plain bytes, and each
/// escape's character in UTF-8; `None` for a lone surrogate. Stops at the first `None`
/// `each` returns, and returns it.
fn pieces(raw: &[u8], mut each: impl FnMut(Option<&[u8]>) -> Option<()>) -> Option<()> {
    let mut rest = raw;
    while let Some(backslash) = rest.iter().position(|&byte| byte == b'\\') {
        each(Some(&rest[..backslash]))?;
        let (character, length) = escape(&rest[backslash + 1..]);
        let mut utf8 = [0; 4];
        each(character.map(|c| c.encode_utf8(&mut utf8).as_bytes()))?;
        rest = rest.get(backslash + 1 + length..).unwrap_or_default();
    }
    each(Some(rest))
}

/// The escape after a backslash: its character (`None` for a lone surrogate, or an escape
/// the cursor would have refused) and how many bytes it takes after the backslash.
fn escape(after: &[u8]) -> (Option<char>, usize) {
    let simple = match after.first() {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => return unicode(after),
        _ => return (None, 1),
    };
    (Some(simple), 1)
}

/// A `\u` escape (`after` starts at the `u`), or a UTF-16 surrogate pair of two.
fn unicode(after: &[u8]) -> (Option<char>, usize) {
    let Some(unit) = hex(after.get(1..5)) else {
        return (None, 1);
    };
    if (0xd800..0xdc00).contains(&unit) {
        if let (Some(br"\u"), Some(low @ 0xdc00..0xe000)) = (after.get(5..7), hex(after.get(7..11)))
        {
            let scalar = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
            return (char::from_u32(scalar), 11);
        }
    }
    (char::from_u32(unit), 5)
}

fn hex(digits: Option<&[u8]>) -> Option<u32> {
    u32::from_str_radix(std::str::from_utf8(digits?).ok()?, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(bytes: &[u8]) -> RawStr<'_> {
        RawStr {
            bytes,
            escaped: bytes.contains(&b'\\'),
        }
    }

    /// What serde_json reads for the JSON string whose content is `content`.
    fn serde(content: &str) -> Option<String> {
        serde_json::from_str(&format!("\"{content}\"")).ok()
    }

    #[test]
    fn escapes_decode_as_serde_json_decodes_them() {
        for content in [
            "plain",
            "",
            r#"a\"b"#,
            r"\\\/\b\f\n\r\t",
            r"caf\u00e9 \u2615",
            r"\uD83D\uDE00 and \ud83d\ude00",
            r"\u0000",
            r"x\u0041y",
            "héllo",
            r"\u00e9\u00e9",
        ] {
            let expected = serde(content);
            assert!(expected.is_some(), "{content}");
            assert_eq!(
                text(raw(content.as_bytes())).as_deref(),
                expected.as_deref(),
                "{content}"
            );
            let expected = expected.unwrap_or_default();
            assert!(equals(raw(content.as_bytes()), &expected), "{content}");
            assert!(
                !equals(raw(content.as_bytes()), &format!("{expected}x")),
                "{content}"
            );
            if let Some(shorter) = expected.get(..expected.len().saturating_sub(1)) {
                if !expected.is_empty() {
                    assert!(!equals(raw(content.as_bytes()), shorter), "{content}");
                }
            }
        }
    }

    #[test]
    fn strings_serde_json_rejects_are_not_text() {
        for content in [
            r"\ud800",
            r"\udc00",
            r"\ud800\u0041",
            r"\ud83d\ud83d",
            r"a\ud800",
        ] {
            assert_eq!(serde(content), None, "{content}");
            assert_eq!(text(raw(content.as_bytes())), None, "{content}");
        }
        assert_eq!(text(raw(b"\xff")), None);
        assert_eq!(text(raw(b"\\n\xff")), None);
        assert!(!equals(raw(br"\ud800"), "\u{fffd}"));
    }

    #[test]
    fn plain_strings_are_borrowed() {
        assert!(matches!(text(raw(b"plain")), Some(Cow::Borrowed("plain"))));
        assert!(matches!(text(raw(br"a\tb")), Some(Cow::Owned(ref s)) if s == "a\tb"));
    }
}
