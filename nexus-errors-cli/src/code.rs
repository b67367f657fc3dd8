//! An error code as a page or a spec writes it: an integer of any width, or a string.
//!
//! This mirrors the spec model's code while the spec crate learns string codes; the CLI uses
//! it everywhere a code is read, compared or shown.

use std::fmt;

/// A documented error code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// A numeric code (`4011`).
    Integer(i64),
    /// A string code (`card_declined`, `RESOURCE_EXHAUSTED`, `NoAuthenticationInformation`).
    Text(String),
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Integer(code) => write!(f, "{code}"),
            Code::Text(code) => f.write_str(code),
        }
    }
}

/// A spec row's code as a [`Code`]: the spec model holds numeric codes only, for now.
pub fn from_spec(code: Option<u16>) -> Option<Code> {
    code.map(|code| Code::Integer(i64::from(code)))
}

/// A [`Code`] as the spec model can hold it: numeric codes that fit, for now. A string code
/// cannot be written until the spec model has them, so the row is written without one.
pub fn to_spec(code: Option<&Code>) -> Option<u16> {
    match code {
        Some(Code::Integer(code)) => u16::try_from(*code).ok(),
        _ => None,
    }
}
