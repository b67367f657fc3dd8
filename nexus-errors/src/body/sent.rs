//! A string the reader kept from a body: [`Sent`].

use std::borrow::Cow;

/// A string kept from a body, in the cheapest form that is known to be text.
///
/// Most error bodies are plain ASCII, and most messages are then compared with one row's
/// description and never needed as `&str`: the reader keeps such a string as its bytes
/// (ASCII is UTF-8, so no `from_utf8` runs), and [`ResponseError`](crate::ResponseError)
/// borrows the row's own text when they agree. Profiled, `from_utf8` and its call were a
/// sixth of `from_response` on the OAuth bodies. A string with escapes or other bytes is
/// decoded as it is read.
#[derive(Debug, Clone)]
pub(crate) enum Sent<'a> {
    /// ASCII without escapes: the bytes are the text.
    Ascii(&'a [u8]),
    /// Any other string, decoded.
    Text(Cow<'a, str>),
}

impl<'a> Sent<'a> {
    /// The text's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Sent::Ascii(bytes) => bytes,
            Sent::Text(text) => text.as_bytes(),
        }
    }

    /// The text without white space at either end (`str::trim`), as bytes.
    pub(crate) fn trimmed(&self) -> &[u8] {
        match self {
            // A JSON string holds no raw control byte, so a space is the only white space
            // ASCII can bring here; the others come escaped, and decoded.
            Sent::Ascii(bytes) => bytes.trim_ascii(),
            Sent::Text(text) => text.trim().as_bytes(),
        }
    }

    /// The text without white space at either end, borrowed as this is.
    pub(crate) fn into_trimmed(self) -> Self {
        match self {
            Sent::Ascii(bytes) => Sent::Ascii(bytes.trim_ascii()),
            Sent::Text(Cow::Borrowed(text)) => Sent::Text(Cow::Borrowed(text.trim())),
            // Only a string with escapes is a copy already, and those are rare.
            Sent::Text(Cow::Owned(text)) => Sent::Text(Cow::Owned(text.trim().to_owned())),
        }
    }

    /// The text, borrowed from the body unless it had escapes.
    pub(crate) fn into_text(self) -> Cow<'a, str> {
        match self {
            // ASCII is UTF-8, so the check cannot fail; it is what a `&str` costs without
            // `unsafe`, and faster than `from_utf8_lossy`, which would say the same.
            Sent::Ascii(bytes) => Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default()),
            Sent::Text(text) => text,
        }
    }
}

/// Equal when the texts are: how the text is kept does not matter.
impl PartialEq for Sent<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_ascii_bytes_is_trimming_the_text() {
        for text in ["  E_LIMIT ", "E_LIMIT", "", "   ", " a b "] {
            let ascii = Sent::Ascii(text.as_bytes());
            assert_eq!(ascii.trimmed(), text.trim().as_bytes(), "{text:?}");
            assert_eq!(
                ascii.clone().into_trimmed().into_text(),
                text.trim(),
                "{text:?}"
            );
            assert_eq!(ascii, Sent::Text(Cow::Borrowed(text)));
            assert_ne!(ascii, Sent::Text(Cow::Owned(format!("{text}."))));
        }
        let decoded = Sent::Text(Cow::Owned("\u{a0}café\t".to_owned()));
        assert_eq!(decoded.trimmed(), "café".as_bytes());
        assert_eq!(decoded.into_trimmed().into_text(), "café");
    }

    #[test]
    fn ascii_text_is_borrowed() {
        assert!(matches!(
            Sent::Ascii(b"plain").into_text(),
            Cow::Borrowed("plain")
        ));
    }
}
