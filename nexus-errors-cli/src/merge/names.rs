//! Names for rows the spec does not have yet. A name becomes an enum variant and is kept
//! forever after, so the proposal is only a start: the report marks it for review.

use std::collections::HashSet;

use crate::page::PageRow;

/// Whether `name` can be a row's name: the spec's own rule.
fn name_is_valid(name: &str) -> bool {
    nexus_errors_spec::name::check(name).is_ok()
}

/// How many leading words of a description make a name.
const NAME_WORDS: usize = 4;

/// Words dropped from the start of a description before taking its leading words.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Words dropped from the end of the leading words: a name does not end mid-phrase
/// (`PageSize`, not `PageSizeIsToo`).
const DANGLING: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "of", "on", "or",
    "the", "to", "too", "was", "were", "with",
];

/// A name for `row`: its status's reason phrase when it is the only row with that status on
/// the page, else the leading words of its description; always valid and not in `taken`,
/// which it is added to.
pub fn propose(row: &PageRow, page: &[PageRow], taken: &mut HashSet<String>) -> String {
    let alone = page
        .iter()
        .filter(|other| other.status == row.status)
        .count()
        == 1;
    let mut base = if alone {
        camel(&row.status_text, usize::MAX)
    } else {
        let words: Vec<&str> = ascii_words(&row.description).collect();
        let start = words
            .iter()
            .take_while(|w| ARTICLES.contains(&w.to_ascii_lowercase().as_str()))
            .count();
        let mut leading: Vec<&str> = words[start..].iter().take(NAME_WORDS).copied().collect();
        while leading.len() > 1
            && leading
                .last()
                .is_some_and(|w| DANGLING.contains(&w.to_ascii_lowercase().as_str()))
        {
            leading.pop();
        }
        camel(&leading.join(" "), NAME_WORDS)
    };
    if base.is_empty() {
        base = camel(&row.status_text, usize::MAX);
    }
    if base.is_empty() {
        base = format!("Status{}", row.status);
    }
    if !base.starts_with(|c: char| c.is_ascii_uppercase()) {
        base = format!("Error{base}");
    }
    // A number makes any identifier unique, and also valid when the base is reserved
    // (`Self`, `ALL`).
    let mut name = base.clone();
    let mut number = 2;
    while !name_is_valid(&name) || taken.contains(&name) {
        name = format!("{base}{number}");
        number += 1;
    }
    taken.insert(name.clone());
    name
}

fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// The first `limit` ASCII words of `text` in UpperCamelCase: `GUIDs are` → `GuidsAre`.
fn camel(text: &str, limit: usize) -> String {
    ascii_words(text)
        .take(limit)
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            let (first, rest) = lower.split_at(1);
            first.to_ascii_uppercase() + rest
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rows::page_row;

    fn row(status: u16, text: &str, description: &str) -> PageRow {
        page_row(None, status, text, description)
    }

    #[test]
    fn the_only_row_of_a_status_is_named_after_its_reason_phrase() {
        let page = [
            row(409, "Conflict", "It exists."),
            row(429, "Too Many Requests", ""),
        ];
        let mut taken = HashSet::new();
        assert_eq!(propose(&page[0], &page, &mut taken), "Conflict");
        assert_eq!(propose(&page[1], &page, &mut taken), "TooManyRequests");
    }

    #[test]
    fn rows_sharing_a_status_are_named_after_their_descriptions() {
        let page = [
            row(
                400,
                "Bad Request",
                "The credential GUIDs submitted are no longer valid.",
            ),
            row(400, "Bad Request", "Required params missing."),
        ];
        let mut taken = HashSet::new();
        assert_eq!(
            propose(&page[0], &page, &mut taken),
            "CredentialGuidsSubmitted"
        );
        assert_eq!(
            propose(&page[1], &page, &mut taken),
            "RequiredParamsMissing"
        );
    }

    #[test]
    fn names_are_unique_and_valid() {
        let page = [
            row(400, "Bad Request", "Self."),
            row(400, "Bad Request", "2FA required"),
            row(400, "Bad Request", ""),
            row(400, "Bad Request", "Required params missing."),
        ];
        let mut taken: HashSet<String> = ["RequiredParamsMissing".to_owned()].into();
        let names: Vec<String> = page.iter().map(|r| propose(r, &page, &mut taken)).collect();
        assert_eq!(
            names,
            vec![
                "Self2",
                "Error2faRequired",
                "BadRequest",
                "RequiredParamsMissing2"
            ]
        );
        assert!(names.iter().all(|n| name_is_valid(n)));
    }
}
