//! Names read from string codes: the code is the API's own name for the error, so it is the
//! best name there is. `invalid_json` is `InvalidJson`, `RESOURCE_EXHAUSTED` is
//! `ResourceExhausted`, `NoAuthenticationInformation` stays as it is.

/// The code as a name: its words (split at anything but ASCII letters and digits, as a name
/// holds only those) each with a
/// capital first; a word in one case throughout is lowercased after its first letter, a word
/// in mixed case (`NoAuthenticationInformation`, `invalidJSON`) keeps its own capitals.
pub fn code_name(code: &str) -> String {
    code.split(|c: char| !c.is_ascii_alphanumeric())
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
        ] {
            assert_eq!(code_name(code), name, "{code}");
        }
    }
}
