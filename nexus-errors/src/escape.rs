//! Writes server-supplied text into a log-safe form: control and invisible formatting
//! characters escaped, and the length bounded.

use core::fmt::{self, Write as _};

/// Writes `text` with every character that could forge or hide log content escaped
/// (newlines, ANSI escapes, bidirectional overrides, …), stopping at `limit` bytes of output
/// and then writing `…`. The output never exceeds `limit + 3` bytes (`…` is 3 bytes in UTF-8).
pub(crate) fn write_bounded(f: &mut fmt::Formatter<'_>, text: &str, limit: usize) -> fmt::Result {
    let mut written = 0;
    for c in text.chars() {
        let escaped = Escaped::new(c);
        if written + escaped.len() > limit {
            return f.write_char('…');
        }
        written += escaped.len();
        escaped.write(f)?;
    }
    Ok(())
}

/// One character as it is written: itself, or its `escape_debug` form.
enum Escaped {
    Plain(char),
    Escape(core::char::EscapeDebug),
}

impl Escaped {
    fn new(c: char) -> Self {
        // Quotes are escaped (the message is shown in quotes); an apostrophe reads fine as is.
        if c == '\'' {
            Escaped::Plain(c)
        } else {
            Escaped::Escape(c.escape_debug())
        }
    }

    fn len(&self) -> usize {
        match self {
            Escaped::Plain(c) => c.len_utf8(),
            Escaped::Escape(e) => e.clone().map(char::len_utf8).sum(),
        }
    }

    fn write(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Escaped::Plain(c) => f.write_char(c),
            Escaped::Escape(e) => e.into_iter().try_for_each(|c| f.write_char(c)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Bounded<'a>(&'a str, usize);

    impl fmt::Display for Bounded<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_bounded(f, self.0, self.1)
        }
    }

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(
            Bounded("a\nb\u{1b}[31m\"c\"\u{202e}d's", 100).to_string(),
            r#"a\nb\u{1b}[31m\"c\"\u{202e}d's"#
        );
    }

    #[test]
    fn output_stops_at_the_limit() {
        assert_eq!(Bounded("abcdef", 4).to_string(), "abcd…");
        assert_eq!(Bounded("abcd", 4).to_string(), "abcd");
        // An escape is never cut in half.
        assert_eq!(Bounded("ab\n", 3).to_string(), "ab…");
        assert_eq!(Bounded("ééé", 5).to_string(), "éé…");
    }
}
