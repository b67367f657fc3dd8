//! Stage 4 of reading a page: the values in single cells (codes, statuses, reason phrases).

use nexus_errors_spec::Code;

/// Why a code cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCode(pub String);

/// Reads a code cell. `null`, `—`, `-` or an empty cell mean the row has no code.
pub fn code(cell: &str) -> Result<Option<Code>, BadCode> {
    let cell = cell.trim();
    if cell.is_empty() || cell.eq_ignore_ascii_case("null") || matches!(cell, "—" | "–" | "-") {
        return Ok(None);
    }
    if cell.chars().all(|c| c.is_ascii_digit()) {
        return match cell.parse::<i64>() {
            Ok(code) => Ok(Some(Code::Integer(code))),
            Err(_) => Err(BadCode(format!(
                "code {cell} is out of range: integer codes must fit an i64"
            ))),
        };
    }
    Err(BadCode(format!("code {cell:?} is not a number")))
}

/// The statuses a status cell starts with, and the text after them.
///
/// `409 Conflict` gives `[409]` and `Conflict`; `500, 502, 504 Server errors` gives
/// `[500, 502, 504]` and `Server errors`; `2xx Success` gives no status (a category row).
pub fn leading_statuses(cell: &str) -> (Vec<u16>, &str) {
    let mut statuses = Vec::new();
    let mut rest = cell.trim();
    loop {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let after = &rest[digits..];
        if digits != 3 || after.starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        let Ok(status) = rest[..digits].parse() else {
            break;
        };
        statuses.push(status);
        rest = after.trim_start();
        rest = strip_separator(rest).unwrap_or(rest);
    }
    let rest = rest.trim_start_matches([':', '-', '–', '—']).trim();
    (statuses, rest)
}

/// `, 502`, `/ 502`, `and 502`, `or 502`: what comes between two statuses.
fn strip_separator(rest: &str) -> Option<&str> {
    let next_is_status = |s: &str| s.chars().take_while(char::is_ascii_digit).count() == 3;
    for separator in [",", "/", "and ", "or ", "&"] {
        if let Some(after) = rest.strip_prefix(separator) {
            let after = after.trim_start();
            if next_is_status(after) {
                return Some(after);
            }
        }
    }
    None
}

/// The standard reason phrase of `status`, if it has one.
pub fn reason_phrase(status: u16) -> Option<&'static str> {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_codes_in_every_spelling() {
        for cell in ["", "  ", "null", "NULL", "—", "–", "-"] {
            assert_eq!(code(cell), Ok(None), "{cell:?}");
        }
        assert_eq!(code(" 4011 "), Ok(Some(Code::Integer(4011))));
    }

    #[test]
    fn unreadable_codes_say_why() {
        assert!(code("E42").expect_err("letters").0.contains("not a number"));
        assert_eq!(code("70000"), Ok(Some(Code::Integer(70_000))));
        assert!(
            code("99999999999999999999")
                .expect_err("wider than an i64")
                .0
                .contains("out of range")
        );
    }

    #[test]
    fn status_cells() {
        assert_eq!(leading_statuses("400"), (vec![400], ""));
        assert_eq!(leading_statuses("409 Conflict"), (vec![409], "Conflict"));
        assert_eq!(
            leading_statuses("500, 502, 504 Server errors"),
            (vec![500, 502, 504], "Server errors")
        );
        assert_eq!(
            leading_statuses("502/503 or 504"),
            (vec![502, 503, 504], "")
        );
        assert_eq!(leading_statuses("404: Not Found"), (vec![404], "Not Found"));
    }

    #[test]
    fn cells_without_a_status() {
        assert_eq!(leading_statuses("2xx Success"), (vec![], "2xx Success"));
        assert_eq!(leading_statuses("4001"), (vec![], "4001"));
        assert_eq!(leading_statuses("Bad Request"), (vec![], "Bad Request"));
        assert_eq!(leading_statuses("400s"), (vec![], "400s"));
    }

    #[test]
    fn reason_phrases_come_from_http() {
        assert_eq!(reason_phrase(422), Some("Unprocessable Entity"));
        assert_eq!(reason_phrase(499), None);
    }
}
