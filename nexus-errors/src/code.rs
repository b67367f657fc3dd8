//! A documented error code, as a row of the table holds it.

use core::fmt;

/// The code a row documents: [`Row::code`](crate::Row::code).
///
/// A table's codes are all of one kind, chosen by its spec: TOML integers (`code = 4011`) or
/// TOML strings (`code = "card_declined"`). The generated enum's own `code()` returns the
/// table's kind directly (`Option<i64>` or `Option<&'static str>`), so a `match` on it reads
/// the same for both; this type is for code that works with rows of any table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// An integer code; `i64` holds every width APIs use, negative JSON-RPC codes included.
    Integer(i64),
    /// A string code, e.g. `card_declined` or `RESOURCE_EXHAUSTED`.
    Text(&'static str),
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Integer(code) => fmt::Display::fmt(code, f),
            Code::Text(code) => f.write_str(code),
        }
    }
}
