//! Small helpers for quoting spec text in messages without letting it flood them.

use std::borrow::Cow;

/// How many characters of spec text a message quotes at most.
pub const QUOTE_LIMIT: usize = 60;

/// The largest char boundary of `text` at or before `offset`.
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `text` cut to at most `limit` characters, the last of them `…` when it was cut.
pub(crate) fn shorten(text: &str, limit: usize) -> Cow<'_, str> {
    match text.char_indices().nth(limit) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let mut cut: String = text.chars().take(limit.saturating_sub(1)).collect();
            cut.push('…');
            Cow::Owned(cut)
        }
    }
}

/// Spec text as a message quotes it: in double quotes, escaped, at most [`QUOTE_LIMIT`]
/// characters of it.
pub(crate) fn quoted(text: &str) -> String {
    format!("{:?}", shorten(text, QUOTE_LIMIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_and_long_text_is_cut() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "ab…");
        assert_eq!(shorten("ééé", 2), "é…");
        assert_eq!(quoted("a\"b"), r#""a\"b""#);
        let long = quoted(&"x".repeat(10_000));
        assert_eq!(long.chars().count(), QUOTE_LIMIT + 2);
        assert!(long.ends_with("…\""));
    }

    #[test]
    fn floor_char_boundary_never_splits_a_character() {
        let text = "aé";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(floor_char_boundary(text, 3), 3);
        assert_eq!(floor_char_boundary(text, 99), 3);
    }
}
