//! The API's name, in the page's own words: its title when the title names an API, else a
//! phrase such as "The Nexus API uses" in the paragraphs before the error table, else the
//! title as it is.

use std::fmt;

/// Where on the page the API's name was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The page's title (its first heading, or for page text its first line).
    Title,
    /// A sentence of the page's text, as far as the name.
    Text(String),
}

/// The API's name and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiName {
    /// The name, such as `Nexus API`.
    pub name: String,
    /// Where it was found.
    pub found: Found,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Title => f.write_str("the page's title"),
            Found::Text(phrase) => write!(f, "the page's text, {phrase:?}"),
        }
    }
}

/// The API's name from the page's `title` and the `paragraphs` before its error table.
pub fn api_name<'a>(
    title: Option<&str>,
    paragraphs: impl IntoIterator<Item = &'a str>,
) -> Option<ApiName> {
    if let Some(name) = title.and_then(naming_an_api) {
        return Some(ApiName {
            name,
            found: Found::Title,
        });
    }
    for paragraph in paragraphs {
        if let Some((name, phrase)) = the_x_api(paragraph) {
            return Some(ApiName {
                name,
                found: Found::Text(phrase),
            });
        }
    }
    title.map(|title| ApiName {
        name: title.to_owned(),
        found: Found::Title,
    })
}

/// A title's words up to the word `API`, without a leading "The": `Nexus API`, `Acme Payments
/// API` from "Acme Payments API errors".
fn naming_an_api(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let api = words.iter().position(|word| is_api(word))?;
    let start = usize::from(words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")));
    (api > start).then(|| {
        let mut name = words[start..api].join(" ");
        name.push_str(" API");
        name
    })
}

/// `The X API`, where X is one or more capitalised words: the name, and the phrase with the
/// word after it ("The Nexus API uses").
fn the_x_api(paragraph: &str) -> Option<(String, String)> {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    for (api, word) in words.iter().enumerate() {
        if !is_api(word) {
            continue;
        }
        let first = words[..api]
            .iter()
            .rposition(|word| !word.starts_with(|c: char| c.is_uppercase()) || *word == "The")
            .map_or(0, |at| at + 1);
        let named = first > 0 && first < api && words[first - 1].eq_ignore_ascii_case("the");
        if named {
            let name = format!("{} API", words[first..api].join(" "));
            let end = (api + 2).min(words.len());
            return Some((name, words[first - 1..end].join(" ")));
        }
    }
    None
}

/// The word `API`, with punctuation after it ("API,", "API.").
fn is_api(word: &str) -> bool {
    word.trim_end_matches(|c: char| c.is_ascii_punctuation()) == "API"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(title: Option<&str>, paragraphs: &[&str]) -> Option<(String, Found)> {
        api_name(title, paragraphs.iter().copied()).map(|n| (n.name, n.found))
    }

    #[test]
    fn a_title_that_names_an_api_names_it() {
        assert_eq!(
            named(Some("Nexus API"), &["The Other API uses codes."]),
            Some(("Nexus API".into(), Found::Title))
        );
        assert_eq!(
            named(Some("The Acme Payments API errors"), &[]),
            Some(("Acme Payments API".into(), Found::Title))
        );
    }

    #[test]
    fn else_the_text_says_which_api_it_documents() {
        assert_eq!(
            named(
                Some("HTTP Status Codes and Errors"),
                &[
                    "Error codes are informational.",
                    "The Nexus API uses conventional HTTP status codes to indicate success.",
                ]
            ),
            Some(("Nexus API".into(), Found::Text("The Nexus API uses".into())))
        );
        // A name without "The … API" is not taken for one.
        assert_eq!(
            named(
                Some("Errors"),
                &["Acme uses conventional HTTP response codes."]
            ),
            Some(("Errors".into(), Found::Title))
        );
    }

    #[test]
    fn an_api_without_a_capitalised_name_is_not_a_name() {
        assert_eq!(
            named(
                Some("Errors"),
                &["The API uses codes.", "Call the public API."]
            ),
            Some(("Errors".into(), Found::Title))
        );
        assert_eq!(named(None, &["Nothing here."]), None);
    }
}
