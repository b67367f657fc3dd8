//! A description as the words a name is made of: its sentences, the clause that says what went
//! wrong, and the filler around it.
//!
//! The word lists are small and closed on purpose. A stop-word crate would drop words a name
//! needs ("not", "no", "already", "more") and a stemmer would change the ones it keeps
//! ("expired" to "expir"); what is needed here is a few dozen English function words.

/// Words that open a sentence of advice ("Please try again.", "See note below."): it says
/// what to do next, not what went wrong.
const ADVICE: &[&str] = &[
    "please", "see", "check", "try", "refer", "contact", "review", "retry", "ensure", "verify",
    "wait", "consult", "visit",
];

/// Articles and determiners: they are never part of a name.
pub const ARTICLES: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "your", "our", "its", "their", "any",
];

/// Auxiliary and modal verbs: they carry tense and mood, not meaning ("has expired" says what
/// "expired" says).
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "does", "do", "did",
    "could", "can", "will", "would", "may", "might", "must", "should", "shall",
];

/// Pronouns that lead a description ("We were unable to", "You cannot", "It"): a name is about
/// the thing that went wrong, not about who speaks.
const PRONOUNS: &[&str] = &["we", "you", "i", "it", "they"];

/// Phrases that lead a description and add nothing to a name.
const LEADING_FILLER: &[&[&str]] = &[
    &["please"],
    &["one", "or", "more", "of"],
    &["one", "or", "more"],
];

/// The words of a clause, lowercase ASCII, with `can't`, `cannot be` and the like written as
/// the negation they are, and auxiliaries gone.
pub fn clause_words(clause: &str) -> Vec<String> {
    // `finding's status` is about the finding's status: the possessive adds no word.
    let spelled = clause
        .replace("n't", " not")
        .replace("N'T", " NOT")
        .replace("'s", "")
        .replace("’s", "");
    let raw: Vec<String> = spelled
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    // `can not` is `cannot`; `ca` is what `can't` leaves.
    let mut joined: Vec<&str> = Vec::with_capacity(raw.len());
    for word in &raw {
        match (joined.last(), word.as_str()) {
            (Some(&("can" | "ca")), "not") => {
                joined.pop();
                joined.push("cannot");
            }
            _ => joined.push(word),
        }
    }
    let mut words: Vec<String> = Vec::with_capacity(joined.len());
    for (index, word) in joined.iter().enumerate() {
        match (*word, joined.get(index + 1)) {
            // `cannot be saved` is the passive `not saved`.
            ("cannot", Some(&"be")) => words.push("not".to_owned()),
            _ if AUXILIARIES.contains(word) => {}
            _ => words.push((*word).to_owned()),
        }
    }
    words
}

/// `words` without what leads them and says nothing: articles, pronouns, "please", "one or
/// more".
pub fn drop_leading_filler(mut words: &[String]) -> &[String] {
    loop {
        let before = words.len();
        if let Some(first) = words.first()
            && (ARTICLES.contains(&first.as_str()) || PRONOUNS.contains(&first.as_str()))
        {
            words = &words[1..];
        }
        for phrase in LEADING_FILLER {
            if starts_with(words, phrase) {
                words = &words[phrase.len()..];
                break;
            }
        }
        if words.len() == before {
            return words;
        }
    }
}

/// Whether `words` begin with `phrase`.
pub fn starts_with(words: &[String], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(word, p)| word == p)
}

/// The sentences of a description that say what went wrong: advice sentences ("Please try
/// again.") are left out, unless nothing else is left.
pub fn sentences(description: &str) -> Vec<&str> {
    let all: Vec<&str> = split_sentences(description);
    let telling: Vec<&str> = all
        .iter()
        .copied()
        .filter(|sentence| !is_advice(sentence))
        .collect();
    if telling.is_empty() { all } else { telling }
}

/// Sentences end at `.`, `!` or `?` followed by whitespace or the end of the text.
fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?')
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        if ends {
            sentences.push(&text[start..at]);
            start = at + c.len_utf8();
        }
    }
    sentences.push(&text[start..]);
    sentences
        .into_iter()
        .map(str::trim)
        .filter(|sentence| sentence.chars().any(|c| c.is_ascii_alphanumeric()))
        .collect()
}

fn is_advice(sentence: &str) -> bool {
    let first = clause_words(sentence)
        .into_iter()
        .next()
        .unwrap_or_default();
    ADVICE.contains(&first.as_str())
}

/// The first clause of a sentence: up to a comma, semicolon, colon or parenthesis.
pub fn first_clause(sentence: &str) -> &str {
    sentence
        .split([',', ';', ':', '(', '—'])
        .next()
        .unwrap_or(sentence)
}

/// `words` in UpperCamelCase: `["api", "token"]` → `ApiToken`.
pub fn camel<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|word| {
            let word = word.as_ref();
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        clause_words(text)
    }

    #[test]
    fn auxiliaries_go_and_negations_are_spelled_out() {
        assert_eq!(
            words("Record could not be saved"),
            ["record", "not", "saved"]
        );
        assert_eq!(
            words("The token can't be used"),
            ["the", "token", "not", "used"]
        );
        assert_eq!(
            words("You can not delete it"),
            ["you", "cannot", "delete", "it"]
        );
        assert_eq!(words("It has expired"), ["it", "expired"]);
    }

    #[test]
    fn pronouns_articles_and_filler_lead_nothing() {
        let w = words("We were unable to find it");
        assert_eq!(drop_leading_filler(&w), ["unable", "to", "find", "it"]);
        let w = words("One or more of the parameters were not permitted");
        assert_eq!(drop_leading_filler(&w), ["parameters", "not", "permitted"]);
        let w = words("Please the record");
        assert_eq!(drop_leading_filler(&w), ["record"]);
    }

    #[test]
    fn advice_sentences_are_left_out_unless_alone() {
        assert_eq!(
            sentences("Challenge question expired. Please try again."),
            ["Challenge question expired"]
        );
        assert_eq!(
            sentences("Record could not be saved. See note below."),
            ["Record could not be saved"]
        );
        assert_eq!(sentences("Please try again."), ["Please try again"]);
        assert_eq!(sentences("Version 1.2 is old. "), ["Version 1.2 is old"]);
        assert!(sentences("").is_empty());
    }

    #[test]
    fn a_clause_ends_at_a_comma() {
        assert_eq!(
            first_clause("When attempting to do it, nothing happened"),
            "When attempting to do it"
        );
    }

    #[test]
    fn camel_case_lowers_all_but_the_first_letter() {
        assert_eq!(camel(&["credential", "GUIDs"]), "CredentialGuids");
        assert_eq!(camel::<&str>(&[]), "");
    }
}
