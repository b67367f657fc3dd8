//! Names read from string codes: the code is the API's own name for the error, so it is the
//! best name there is. `invalid_json` is `InvalidJson`, `RESOURCE_EXHAUSTED` is
//! `ResourceExhausted`, `NoAuthenticationInformation` stays as it is.

/// The code as a name: its words (split at anything but ASCII letters and digits, as a name
/// holds only those) each with a
/// capital first; a word in one case throughout is lowercased after its first letter, a word
/// in mixed case (`NoAuthenticationInformation`, `invalidJSON`) keeps its own capitals.
pub fn code_name(code: &str) -> String {
    problem_type(code)
        .unwrap_or(code)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mixed =
                word.chars().any(char::is_uppercase) && word.chars().any(char::is_lowercase);
            let mut chars = word.chars();
            let Some(first) = chars.next() else {
                return String::new();
            };
            let rest = chars.as_str();
            let rest = if mixed {
                rest.to_owned()
            } else {
                rest.to_lowercase()
            };
            first.to_uppercase().collect::<String>() + &rest
        })
        .collect()
}

/// The last segment of a code that is a URI, as RFC 9457 problem types are
/// (`https://example.com/probs/out-of-credit`, `urn:problem:out-of-credit`): the scheme and
/// the host are the same on every row, and the last segment is the problem's own name.
fn problem_type(code: &str) -> Option<&str> {
    let (scheme, rest) = code.split_once(':')?;
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    path.rsplit(['/', ':'])
        .find(|segment| segment.chars().any(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_every_case_become_names() {
        for (code, name) in [
            ("invalid_json", "InvalidJson"),
            ("RESOURCE_EXHAUSTED", "ResourceExhausted"),
            ("NoAuthenticationInformation", "NoAuthenticationInformation"),
            ("card-declined", "CardDeclined"),
            ("invalidJSON", "InvalidJSON"),
            ("SVCSTG.ATS.400101", "SvcstgAts400101"),
            ("E42", "E42"),
            ("Zähler_voll", "ZHlerVoll"),
            // RFC 9457, section 3's example type, and a URN.
            ("https://example.com/probs/out-of-credit", "OutOfCredit"),
            ("https://example.net/validation-error/", "ValidationError"),
            ("urn:problem-type:acme:quota-exceeded", "QuotaExceeded"),
            ("about:blank", "Blank"),
        ] {
            assert_eq!(code_name(code), name, "{code}");
        }
    }
}
