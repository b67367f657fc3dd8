//! The error code a server sent, kept as it came.

use core::fmt;

/// An error code from a response body, as the server sent it.
///
/// The Nexus documentation uses numbers (`4011`), but a body may carry a string (`"4011"`,
/// `"E_LIMIT"`); both are kept. Text is trimmed; an empty string counts as no code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// A JSON number that is a whole number fitting `i64`.
    Number(i64),
    /// A JSON string (trimmed), or a number that is not a whole `i64`, written out.
    Text(Box<str>),
}

impl Code {
    /// The code as a table code: a number, or text of digits, in `0..=65535`.
    #[must_use]
    pub fn as_u16(&self) -> Option<u16> {
        match self {
            Code::Number(n) => u16::try_from(*n).ok(),
            Code::Text(text) => text.parse().ok(),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Number(n) => fmt::Display::fmt(n, f),
            Code::Text(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_digit_text_are_table_codes() {
        assert_eq!(Code::Number(4011).as_u16(), Some(4011));
        assert_eq!(Code::Text("4011".into()).as_u16(), Some(4011));
        assert_eq!(Code::Number(-1).as_u16(), None);
        assert_eq!(Code::Number(70_000).as_u16(), None);
        assert_eq!(Code::Text("E_LIMIT".into()).as_u16(), None);
    }
}
