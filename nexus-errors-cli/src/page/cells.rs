//! Stage 4 of reading a page: the values in single cells (codes, statuses, reason phrases).

use nexus_errors_spec::Code;

/// Why a code cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCode(pub String);

/// Reads a code cell: an integer of any width, or one word (`card_declined`,
/// `SVCSTG.ATS.400101`), bare or in quotes (backticks are gone with the code span). `null`, `—`,
/// `-` or an empty cell mean the row has no code.
pub fn code(cell: &str) -> Result<Option<Code>, BadCode> {
    let cell = unquote(cell.trim());
    if cell.is_empty() || cell.eq_ignore_ascii_case("null") || matches!(cell, "—" | "–" | "-") {
        return Ok(None);
    }
    if cell.chars().all(|c| c.is_ascii_digit()) {
        return match cell.parse::<i64>() {
            Ok(code) => Ok(Some(Code::Integer(code))),
            Err(_) => Err(BadCode(format!(
                "code {cell} is out of range: integer codes must be at most {}",
                i64::MAX
            ))),
        };
    }
    let word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/');
    if cell.chars().all(word) && cell.chars().any(char::is_alphanumeric) {
        return Ok(Some(Code::Text(cell.to_owned())));
    }
    Err(BadCode(format!("code {cell:?} is not one word or number")))
}

/// `"x"`, `'x'`, `“x”`, `‘x’` → `x`.
pub fn unquote(text: &str) -> &str {
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”'), ('‘', '’')] {
        if let Some(inner) = text
            .strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
        {
            return inner.trim();
        }
    }
    text
}

/// The statuses a status cell gives, and the text beside them: the numbers first
/// ([`leading_statuses`]), or the reason phrase with the number after it in parentheses
/// (`Conflict (409)`, `BadRequest (400)`).
pub fn statuses(cell: &str) -> (Vec<u16>, &str) {
    let (leading, rest) = leading_statuses(cell);
    if !leading.is_empty() {
        return (leading, rest);
    }
    let cell = cell.trim();
    if let Some(open) = cell.strip_suffix(')').and_then(|inner| inner.rfind('('))
        && let Some(number) = cell.get(open + 1..cell.len() - 1)
        && number.trim().len() == 3
        && let Ok(status) = number.trim().parse::<u16>()
        && (100..=599).contains(&status)
    {
        return (vec![status], cell[..open].trim());
    }
    (Vec::new(), cell)
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
        for cell in ["", "  ", "null", "NULL", "—", "–", "-", "\"\""] {
            assert_eq!(code(cell), Ok(None), "{cell:?}");
        }
    }

    #[test]
    fn codes_are_integers_of_any_width_or_words_in_or_out_of_quotes() {
        let text = |s: &str| Ok(Some(Code::Text(s.to_owned())));
        assert_eq!(code(" 4011 "), Ok(Some(Code::Integer(4011))));
        assert_eq!(code("7000001"), Ok(Some(Code::Integer(7_000_001))));
        assert_eq!(code("\"card_declined\""), text("card_declined"));
        assert_eq!(code("'RESOURCE_EXHAUSTED'"), text("RESOURCE_EXHAUSTED"));
        assert_eq!(
            code("“NoAuthenticationInformation”"),
            text("NoAuthenticationInformation")
        );
        assert_eq!(code("SVCSTG.ATS.400101"), text("SVCSTG.ATS.400101"));
        assert_eq!(code("E42"), text("E42"));
    }

    #[test]
    fn unreadable_codes_say_why() {
        assert!(
            code("(varies)")
                .expect_err("words")
                .0
                .contains("not one word")
        );
        assert!(
            code("two words")
                .expect_err("words")
                .0
                .contains("not one word")
        );
        assert!(
            code("99999999999999999999")
                .expect_err("too big")
                .0
                .contains("out of range")
        );
    }

    #[test]
    fn the_number_after_the_reason_phrase() {
        assert_eq!(statuses("Conflict (409)"), (vec![409], "Conflict"));
        assert_eq!(statuses("BadRequest (400)"), (vec![400], "BadRequest"));
        assert_eq!(statuses("Not Modified(304)"), (vec![304], "Not Modified"));
        assert_eq!(statuses("409 Conflict"), (vec![409], "Conflict"));
        assert_eq!(statuses("Conflict (4090)"), (vec![], "Conflict (4090)"));
        assert_eq!(
            statuses("Internal Error (see logs)"),
            (vec![], "Internal Error (see logs)")
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
