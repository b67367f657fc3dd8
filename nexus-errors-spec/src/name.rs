//! The rule for row names, which become enum variants.
//!
//! A name is UpperCamelCase ASCII: an uppercase letter `A`–`Z`, then letters and digits. Such
//! a name is always a Rust identifier and never a keyword but `Self`; it cannot collide with
//! the generated methods (all lowercase), and the few generated associated items written in
//! capitals are [`RESERVED`]. So every name this rule accepts compiles as a variant, which
//! `tests/ui/pass/names_like_nearby_items.rs` and the name property test check.

use std::fmt;

use crate::text::{QUOTE_LIMIT, shorten};

/// Associated items the generated code defines on the enum in capitals; a variant of the same
/// name would make `Type::NAME` ambiguous.
pub const RESERVED: &[&str] = &["ALL", "COUNT", "ROWS"];

/// Rust's keywords, strict and reserved, for a message that says so.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Why a name cannot be a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameError {
    /// The name is empty.
    Empty,
    /// The name is written as a raw identifier, `r#…`.
    Raw,
    /// The name is a Rust keyword.
    Keyword,
    /// The name does not start with an uppercase ASCII letter.
    Start,
    /// The name holds a character other than an ASCII letter or digit.
    Character(char),
    /// The name is one of the [`RESERVED`] associated items.
    Reserved(&'static str),
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => f.write_str("is empty"),
            NameError::Raw => f.write_str("is a raw identifier"),
            NameError::Keyword => f.write_str("is a Rust keyword"),
            NameError::Start => f.write_str("must start with an ASCII uppercase letter, A–Z"),
            NameError::Character(c) => write!(
                f,
                "has {c:?}: a name is made of ASCII letters and digits only"
            ),
            NameError::Reserved(item) => {
                write!(f, "would clash with the generated associated item `{item}`")
            }
        }
    }
}

/// Checks that `name` can be a variant: UpperCamelCase ASCII, not reserved.
///
/// # Errors
///
/// The first rule the name breaks.
///
/// ```
/// use nexus_errors_spec::name::{check, NameError};
///
/// assert_eq!(check("SessionTokenExpired"), Ok(()));
/// assert_eq!(check("type"), Err(NameError::Keyword));
/// assert_eq!(check("session_expired"), Err(NameError::Start));
/// assert_eq!(check("Session_Expired"), Err(NameError::Character('_')));
/// assert_eq!(check("COUNT"), Err(NameError::Reserved("COUNT")));
/// ```
pub fn check(name: &str) -> Result<(), NameError> {
    if name.starts_with("r#") {
        return Err(NameError::Raw);
    }
    if KEYWORDS.contains(&name) {
        return Err(NameError::Keyword);
    }
    let mut chars = name.chars();
    match chars.next() {
        None => return Err(NameError::Empty),
        Some('A'..='Z') => {}
        Some(_) => return Err(NameError::Start),
    }
    if let Some(c) = chars.find(|c| !c.is_ascii_alphanumeric()) {
        return Err(NameError::Character(c));
    }
    if let Some(item) = RESERVED.iter().find(|&&item| item == name) {
        return Err(NameError::Reserved(item));
    }
    Ok(())
}

/// The words of `text` run together in UpperCamelCase: `session_token-expired` gives
/// `SessionTokenExpired`. Anything but ASCII letters and digits separates words and is
/// dropped. The result may still break [`check`] (it may start with a digit, or be empty).
#[must_use]
pub fn upper_camel_case(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let (first, rest) = word.split_at(1);
            first.to_ascii_uppercase() + rest
        })
        .collect()
}

/// The help line for a name that broke the rule: an UpperCamelCase form of it when one
/// exists, else an example.
#[must_use]
pub fn help(name: &str) -> String {
    let camel = upper_camel_case(name.trim_start_matches("r#"));
    if name.is_ascii() && camel != name && check(&camel).is_ok() {
        format!(
            "names become enum variants: use UpperCamelCase, e.g. `{}`",
            shorten(&camel, QUOTE_LIMIT)
        )
    } else {
        "names become enum variants: use an UpperCamelCase identifier of ASCII letters and digits, such as `SessionTokenExpired`".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_camel_case_names_pass() {
        for name in [
            "A",
            "SessionTokenExpired",
            "Http404",
            "Err",
            "Ok",
            "Error",
            "Row",
            "API",
        ] {
            assert_eq!(check(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn each_rule_has_its_own_error() {
        let cases = [
            ("", NameError::Empty),
            ("r#type", NameError::Raw),
            ("r#Foo", NameError::Raw),
            ("Self", NameError::Keyword),
            ("type", NameError::Keyword),
            ("9Lives", NameError::Start),
            ("lower", NameError::Start),
            ("_Hidden", NameError::Start),
            ("Über", NameError::Start),
            ("Café", NameError::Character('é')),
            ("Session Expired", NameError::Character(' ')),
            ("Not_Camel", NameError::Character('_')),
            ("ALL", NameError::Reserved("ALL")),
            ("ROWS", NameError::Reserved("ROWS")),
        ];
        for (name, error) in cases {
            assert_eq!(check(name), Err(error), "{name:?}");
        }
    }

    #[test]
    fn help_suggests_camel_case_where_it_can() {
        assert!(help("session_token-expired").contains("e.g. `SessionTokenExpired`"));
        assert!(help("r#type").contains("e.g. `Type`"));
        assert!(help("42").contains("such as"));
        assert!(help("Café").contains("such as"));
        assert!(help("ALL").contains("such as"));
    }

    #[test]
    fn help_for_a_huge_name_is_bounded() {
        let help = help(&"word_".repeat(1_000));
        assert!(help.chars().count() < 2 * QUOTE_LIMIT, "{help}");
        assert!(help.contains("e.g. `WordWord"), "{help}");
    }

    #[test]
    fn upper_camel_case_joins_words() {
        assert_eq!(upper_camel_case("too many requests"), "TooManyRequests");
        assert_eq!(upper_camel_case("  x--y  "), "XY");
        assert_eq!(
            upper_camel_case("Record could not be saved."),
            "RecordCouldNotBeSaved"
        );
        assert_eq!(upper_camel_case("—"), "");
    }
}
