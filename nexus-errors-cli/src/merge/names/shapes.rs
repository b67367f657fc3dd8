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

/// What follows a lead: a thing, kept to its head noun ("invalid API token"), or an action,
/// kept from its verb ("cannot aggregate a manual member").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phrase {
    Thing,
    Action,
}

use Join::{After, Before};
use Phrase::{Action, Thing};

/// States that follow their subject, as words with the auxiliaries gone ("has expired" is
/// `expired`, "could not be saved" is `not saved`).
const STATES: &[(&[&str], Join)] = &[
    (&["not", "valid"], Before("Invalid")),
    (&["invalid"], Before("Invalid")),
    (&["no", "longer", "valid"], After("NoLongerValid")),
    (&["expired"], After("Expired")),
    (&["not", "found"], After("NotFound")),
    (&["not", "exist"], After("NotFound")),
    (&["not", "exists"], After("NotFound")),
    (&["not", "saved"], After("NotSaved")),
    (&["not", "permitted"], After("NotPermitted")),
    (&["not", "allowed"], After("NotPermitted")),
    (&["already", "exists"], After("AlreadyExists")),
    (&["already", "exist"], After("AlreadyExists")),
    (&["missing"], After("Missing")),
    (&["not", "provided"], After("Missing")),
    (&["not", "supplied"], After("Missing")),
    (&["mismatch"], After("Mismatch")),
    (&["not", "match"], After("Mismatch")),
    (&["reached"], After("Reached")),
    (&["exceeded"], After("Exceeded")),
];

/// Phrases that lead what they are about.
const LEADS: &[(&[&str], Join, Phrase)] = &[
    (&["invalid"], Before("Invalid"), Thing),
    (&["missing"], After("Missing"), Thing),
    (&["unable", "to", "find"], After("NotFound"), Thing),
    (&["cannot", "find"], After("NotFound"), Thing),
    (&["not", "find"], After("NotFound"), Thing),
    (&["reached"], After("Reached"), Thing),
    (&["exceeded"], After("Exceeded"), Thing),
    (&["when", "attempting", "to"], After("Failed"), Action),
    (&["while", "attempting", "to"], After("Failed"), Action),
    (&["when", "trying", "to"], After("Failed"), Action),
    (&["failed", "to"], After("Failed"), Action),
    (&["unable", "to"], Before("Cannot"), Action),
    (&["cannot"], Before("Cannot"), Action),
];

/// The name a clause's words (lowercase, auxiliaries and leading filler gone) fit, if they fit
/// a shape.
pub fn recognise(words: &[String]) -> Option<String> {
    for &(lead, joined, what) in LEADS {
        if starts_with(words, lead) {
            let rest = phrase(&words[lead.len()..], what);
            if !rest.is_empty() {
                return Some(join(joined, &rest));
            }
        }
    }
    // The subject comes first, so a state is looked for from the second word on.
    for at in 1..words.len() {
        for &(state, joined) in STATES {
            if starts_with(&words[at..], state) {
                let subject = phrase(&words[..at], Thing);
                if !subject.is_empty() {
                    return Some(join(joined, &subject));
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
fn phrase(words: &[String], what: Phrase) -> Vec<String> {
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
    let skip = match what {
        Action => 0,
        Thing => kept.len().saturating_sub(SUBJECT_WORDS),
    };
    kept.into_iter().skip(skip).take(SUBJECT_WORDS).collect()
}

/// The words of the subject `words` name, as a shape's subject is read.
pub fn subject(words: &[String]) -> Vec<String> {
    phrase(words, Thing)
}

/// Whether a word can start a phrase about a subject: the first-words fallback ends a long
/// name before one, rather than inside a clause.
pub fn ends_subject(word: &str) -> bool {
    SUBJECT_ENDS.contains(&word)
}

#[cfg(test)]
mod tests;
