//! The shapes of description a name is read from: a state that follows its subject ("X has
//! expired" → `XExpired`) or a phrase that leads it ("Invalid X" → `InvalidX`). Each shape is
//! one row of a table; a description that fits none is named from its first words instead.

use super::words::{ARTICLES, camel, starts_with};

/// Words that end a subject: a preposition or a relative pronoun begins a phrase about it
/// ("the session token used in this request", "the record you requested").
const SUBJECT_ENDS: &[&str] = &[
    "in", "for", "from", "to", "with", "on", "at", "by", "into", "within", "during", "because",
    "due", "when", "while", "if", "you", "we", "it", "they", "them", "which", "who", "that",
    "whose", "so",
];

/// Participles that only say a value came with the request ("the date range provided", "a
/// submitted field"): every error's subject did, so they tell no row apart.
const FROM_THE_REQUEST: &[&str] = &[
    "provided",
    "submitted",
    "supplied",
    "specified",
    "given",
    "requested",
    "passed",
    "sent",
    "used",
    "entered",
];

/// At most this many words of a subject make a name.
const SUBJECT_WORDS: usize = 5;

/// How the words of a shape join its subject.
#[derive(Debug, Clone, Copy)]
enum Join {
    /// Before it: `Invalid` + `AccountGuid`.
    Before(&'static str),
    /// After it: `SessionToken` + `Expired`.
    After(&'static str),
}

/// A state that follows its subject, as words with the auxiliaries gone ("has expired" is
/// `expired`, "could not be saved" is `not saved`).
struct State {
    words: &'static [&'static str],
    join: Join,
}

/// A phrase that leads what it is about.
struct Lead {
    words: &'static [&'static str],
    join: Join,
    /// Whether what follows is an action ("cannot aggregate a member"), kept from its verb,
    /// rather than a thing ("invalid API token"), kept to its head noun.
    action: bool,
}

const STATES: &[State] = &[
    State {
        words: &["not", "valid"],
        join: Join::Before("Invalid"),
    },
    State {
        words: &["invalid"],
        join: Join::Before("Invalid"),
    },
    State {
        words: &["no", "longer", "valid"],
        join: Join::After("NoLongerValid"),
    },
    State {
        words: &["expired"],
        join: Join::After("Expired"),
    },
    State {
        words: &["not", "found"],
        join: Join::After("NotFound"),
    },
    State {
        words: &["not", "exist"],
        join: Join::After("NotFound"),
    },
    State {
        words: &["not", "exists"],
        join: Join::After("NotFound"),
    },
    State {
        words: &["not", "saved"],
        join: Join::After("NotSaved"),
    },
    State {
        words: &["not", "permitted"],
        join: Join::After("NotPermitted"),
    },
    State {
        words: &["not", "allowed"],
        join: Join::After("NotPermitted"),
    },
    State {
        words: &["already", "exists"],
        join: Join::After("AlreadyExists"),
    },
    State {
        words: &["already", "exist"],
        join: Join::After("AlreadyExists"),
    },
    State {
        words: &["missing"],
        join: Join::After("Missing"),
    },
    State {
        words: &["not", "provided"],
        join: Join::After("Missing"),
    },
    State {
        words: &["not", "supplied"],
        join: Join::After("Missing"),
    },
    State {
        words: &["mismatch"],
        join: Join::After("Mismatch"),
    },
    State {
        words: &["not", "match"],
        join: Join::After("Mismatch"),
    },
    State {
        words: &["reached"],
        join: Join::After("Reached"),
    },
    State {
        words: &["exceeded"],
        join: Join::After("Exceeded"),
    },
];

const LEADS: &[Lead] = &[
    Lead {
        words: &["invalid"],
        join: Join::Before("Invalid"),
        action: false,
    },
    Lead {
        words: &["missing"],
        join: Join::After("Missing"),
        action: false,
    },
    Lead {
        words: &["unable", "to", "find"],
        join: Join::After("NotFound"),
        action: false,
    },
    Lead {
        words: &["cannot", "find"],
        join: Join::After("NotFound"),
        action: false,
    },
    Lead {
        words: &["not", "find"],
        join: Join::After("NotFound"),
        action: false,
    },
    Lead {
        words: &["reached"],
        join: Join::After("Reached"),
        action: false,
    },
    Lead {
        words: &["exceeded"],
        join: Join::After("Exceeded"),
        action: false,
    },
    Lead {
        words: &["when", "attempting", "to"],
        join: Join::After("Failed"),
        action: true,
    },
    Lead {
        words: &["while", "attempting", "to"],
        join: Join::After("Failed"),
        action: true,
    },
    Lead {
        words: &["when", "trying", "to"],
        join: Join::After("Failed"),
        action: true,
    },
    Lead {
        words: &["failed", "to"],
        join: Join::After("Failed"),
        action: true,
    },
    Lead {
        words: &["unable", "to"],
        join: Join::Before("Cannot"),
        action: true,
    },
    Lead {
        words: &["cannot"],
        join: Join::Before("Cannot"),
        action: true,
    },
];

/// The name a clause's words (lowercase, auxiliaries and leading filler gone) fit, if they fit
/// a shape.
pub fn recognise(words: &[String]) -> Option<String> {
    for lead in LEADS {
        if starts_with(words, lead.words) {
            let rest = phrase(&words[lead.words.len()..], lead.action);
            if !rest.is_empty() {
                return Some(join(lead.join, &rest));
            }
        }
    }
    // The subject comes first, so a state is looked for from the second word on.
    for at in 1..words.len() {
        for state in STATES {
            if starts_with(&words[at..], state.words) {
                let subject = phrase(&words[..at], false);
                if !subject.is_empty() {
                    return Some(join(state.join, &subject));
                }
            }
        }
    }
    None
}

fn join(join: Join, words: &[String]) -> String {
    match join {
        Join::Before(word) => format!("{word}{}", camel(words)),
        Join::After(word) => format!("{}{word}", camel(words)),
    }
}

/// The words of a subject or an action that go into a name: up to the first word that starts
/// a phrase about it, without articles and words every request's values share. A thing keeps
/// its last words (the head noun ends an English noun phrase), an action its first (the verb
/// leads).
fn phrase(words: &[String], action: bool) -> Vec<String> {
    let end = words
        .iter()
        .position(|word| SUBJECT_ENDS.contains(&word.as_str()))
        .unwrap_or(words.len());
    let kept: Vec<String> = words[..end]
        .iter()
        .filter(|word| {
            !ARTICLES.contains(&word.as_str()) && !FROM_THE_REQUEST.contains(&word.as_str())
        })
        .cloned()
        .collect();
    let skip = if action {
        0
    } else {
        kept.len().saturating_sub(SUBJECT_WORDS)
    };
    kept.into_iter().skip(skip).take(SUBJECT_WORDS).collect()
}

/// The words of the subject `words` name, as a shape's subject is read.
pub fn subject(words: &[String]) -> Vec<String> {
    phrase(words, false)
}

/// Whether a word can start a phrase about a subject: the first-words fallback ends a long
/// name before one, rather than inside a clause.
pub fn ends_subject(word: &str) -> bool {
    SUBJECT_ENDS.contains(&word)
}

#[cfg(test)]
mod tests;
