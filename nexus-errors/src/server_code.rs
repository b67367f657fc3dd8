//! The error code a server sent in a body, kept as it came.

use core::fmt;

/// An error code from a response body, as the server sent it:
/// [`ResponseError::server_code`](crate::ResponseError::server_code).
///
/// The Nexus documentation uses numbers (`4011`), but a body may carry a string (`"4011"`,
/// `"E_LIMIT"`); both are kept. Text is trimmed; an empty string counts as no code. The
/// documented code of a row is another thing: [`Row::code`](crate::Row::code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ServerCode {
    /// A JSON number that is a whole number fitting `i64`.
    Number(i64),
    /// A JSON string (trimmed), or a number that is not a whole `i64`, written out.
    Text(Box<str>),
}

impl ServerCode {
    /// The code as a table code: a number, or text of digits, in `0..=65535`.
    #[must_use]
    pub fn as_u16(&self) -> Option<u16> {
        match self {
            ServerCode::Number(n) => u16::try_from(*n).ok(),
            ServerCode::Text(text) => text.parse().ok(),
        }
    }
}

impl fmt::Display for ServerCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerCode::Number(n) => fmt::Display::fmt(n, f),
            ServerCode::Text(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_digit_text_are_table_codes() {
        assert_eq!(ServerCode::Number(4011).as_u16(), Some(4011));
        assert_eq!(ServerCode::Text("4011".into()).as_u16(), Some(4011));
        assert_eq!(ServerCode::Number(-1).as_u16(), None);
        assert_eq!(ServerCode::Number(70_000).as_u16(), None);
        assert_eq!(ServerCode::Text("E_LIMIT".into()).as_u16(), None);
    }
}
