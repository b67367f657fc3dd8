//! The error code a server sent in a body, kept as it came.

use core::fmt;
use std::borrow::Cow;

use crate::Code;
use crate::body::{RawCode, Sent, same_bytes};

/// An error code from a response body, as the server sent it:
/// [`ResponseError::server_code`](crate::ResponseError::server_code).
///
/// The Nexus documentation uses numbers (`4011`), but a body may carry a string (`"4011"`,
/// `"E_LIMIT"`); both are kept. Text is trimmed; an empty string counts as no code. The
/// documented code of a row is another thing: [`Row::code`](crate::Row::code).
///
/// Text that is the code of the row the response was matched to borrows that row's
/// `&'static str`, so a string-coded table's documented codes cost no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ServerCode {
    /// A JSON number that is a whole number fitting `i64`.
    Number(i64),
    /// A JSON string (trimmed), or a number that is not a whole `i64`, written out.
    Text(Cow<'static, str>),
}

impl ServerCode {
    /// Whether the server sent this documented code. Codes of one kind compare as they are;
    /// across kinds they compare as text, so `"4011"` is the integer 4011 and `429` is the
    /// string code `"429"`. Text is the decimal writing of an integer: `"04011"` and
    /// `"+4011"` are not 4011.
    #[must_use]
    pub fn is(&self, documented: Code) -> bool {
        let sent = match self {
            ServerCode::Number(number) => RawCode::Number(*number),
            ServerCode::Text(text) => RawCode::Text(Sent::Text(Cow::Borrowed(text))),
        };
        is(&sent, documented)
    }
}

/// [`ServerCode::is`] for a code still in the body, which `from_response` compares before it
/// keeps it: one rule for both.
pub(crate) fn is(sent: &RawCode<'_>, documented: Code) -> bool {
    match (sent, documented) {
        (RawCode::Number(sent), Code::Integer(code)) => *sent == code,
        (RawCode::Text(sent), Code::Text(code)) => same_bytes(sent.as_bytes(), code.as_bytes()),
        (RawCode::Text(sent), Code::Integer(code)) => {
            Decimal::of(code).as_bytes() == sent.as_bytes()
        }
        (RawCode::Number(sent), Code::Text(code)) => {
            Decimal::of(*sent).as_bytes() == code.as_bytes()
        }
    }
}

/// An `i64` written in decimal on the stack: comparing a code as text allocates nothing.
struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    fn of(number: i64) -> Self {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = number.unsigned_abs();
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if number < 0 {
            start -= 1;
            digits[start] = b'-';
        }
        Decimal { digits, start }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.digits[self.start..]
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
    fn a_code_displays_as_sent() {
        assert_eq!(ServerCode::Number(-32_600).to_string(), "-32600");
        assert_eq!(
            ServerCode::Text(Cow::Borrowed("card_declined")).to_string(),
            "card_declined"
        );
    }

    #[test]
    fn codes_of_one_kind_compare_as_they_are_and_across_kinds_as_text() {
        let text = |t: &str| ServerCode::Text(t.to_owned().into());
        assert!(ServerCode::Number(4011).is(Code::Integer(4011)));
        assert!(!ServerCode::Number(4011).is(Code::Integer(4012)));
        assert!(text("card_declined").is(Code::Text("card_declined")));
        assert!(!text("card_declined").is(Code::Text("Card_declined")));
        assert!(text("4011").is(Code::Integer(4011)));
        assert!(text("-32600").is(Code::Integer(-32_600)));
        assert!(ServerCode::Number(429).is(Code::Text("429")));
        assert!(ServerCode::Number(-1).is(Code::Text("-1")));
        for not_the_same_text in ["04011", "+4011", "4011.0", "4011 "] {
            assert!(
                !text(not_the_same_text).is(Code::Integer(4011)),
                "{not_the_same_text}"
            );
        }
        assert!(ServerCode::Number(i64::MIN).is(Code::Text("-9223372036854775808")));
        assert!(ServerCode::Number(i64::MAX).is(Code::Text("9223372036854775807")));
        assert!(ServerCode::Number(0).is(Code::Text("0")));
    }
}
