//! Names for rows the spec does not have yet. A name becomes an enum variant and is kept
//! forever after, so the proposal is only a start: the report marks it for review, and says
//! which proposals no rule recognised.
//!
//! A row with a string code is named after its code (`from_code.rs`): `invalid_json` is
//! `InvalidJson`. Where a code repeats, each of its rows adds the reason phrase of its status
//! (`ConditionNotMetPreconditionFailed`), or, under one status, the name its description gives.
//!
//! Otherwise a name says what went wrong, the subject then its state, read from the description by the
//! shapes of `shapes.rs`: "The session token used in this request has expired." is
//! `SessionTokenExpired`. The only row of its status is named after the status's reason
//! phrase (`TooManyRequests`), or the subject the description gives it (`OperationForbidden`
//! for a 403's "Operation is forbidden."). Two rows never share a name, and no name gets a
//! number: a later sentence of the description, the reason phrase or the next word tells them
//! apart.

mod from_code;
mod shapes;
mod words;

use std::collections::HashSet;

use crate::page::PageRow;
use from_code::code_name;
use nexus_errors_spec::Code;
use words::{camel, clause_words, drop_leading_filler, first_clause, sentences};

/// How many words a name read from the first words of a description has at most.
const FIRST_WORDS: usize = 5;

/// Where a proposed name comes from, so a reviewer knows which names to read first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The row's string code.
    Code,
    /// A shape of the description was recognised ("X has expired").
    Shape,
    /// The status's reason phrase, alone or after the subject the description gives it.
    Status,
    /// No shape was recognised: the description's first words.
    FirstWords,
}

/// A proposed name and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// The name: valid, and not taken.
    pub name: String,
    /// Where it comes from.
    pub basis: Basis,
}

/// A name for `row`, a row of `page`; it is valid and not in `taken`, which it is added to.
pub fn propose(row: &PageRow, page: &[PageRow], taken: &mut HashSet<String>) -> Proposal {
    let alone = page
        .iter()
        .filter(|other| other.status == row.status)
        .count()
        == 1;
    let (base, basis) = match &row.code {
        Some(Code::Text(code)) if !code_name(code).is_empty() => {
            (from_code(code, row, page, alone), Basis::Code)
        }
        _ => base_name(row, alone),
    };
    let name = unique(base, row, taken);
    taken.insert(name.clone());
    Proposal { name, basis }
}

/// The name of a row with string code `code`: the code's own name, told apart from the other
/// rows with the same code by its status's reason phrase when the status differs, else by the
/// name its description gives.
fn from_code(code: &str, row: &PageRow, page: &[PageRow], alone: bool) -> String {
    let base = code_name(code);
    let same_code: Vec<&PageRow> = page.iter().filter(|other| other.code == row.code).collect();
    if same_code.len() < 2 {
        return base;
    }
    let same_status = same_code
        .iter()
        .filter(|other| other.status == row.status)
        .count();
    let suffix = if same_status == 1 {
        camel(&ascii_words(&row.status_text))
    } else {
        base_name(row, alone).0
    };
    if base.ends_with(&suffix) {
        base
    } else {
        base + &suffix
    }
}

/// The words of a sentence's first clause that a name is read from: lowercase, without
/// auxiliaries and without the filler that leads them.
fn clause_of(sentence: &str) -> Vec<String> {
    drop_leading_filler(&clause_words(first_clause(sentence))).to_vec()
}

fn base_name(row: &PageRow, alone: bool) -> (String, Basis) {
    let first = sentences(&row.description)
        .into_iter()
        .next()
        .map(clause_of)
        .unwrap_or_default();
    let reason_words: Vec<String> = ascii_words(&row.status_text)
        .iter()
        .map(|word| word.to_ascii_lowercase())
        .collect();
    let reason = camel(&reason_words);
    if alone && !reason.is_empty() && first.ends_with(&reason_words) {
        // "Operation is forbidden." restates the reason phrase, and names what it is about.
        let subject = shapes::subject(&first[..first.len() - reason_words.len()]);
        return (camel(&subject) + &reason, Basis::Status);
    }
    if let Some(name) = shapes::recognise(&first) {
        return (name, Basis::Shape);
    }
    let first_words = first_words(&first);
    if alone || first_words.is_empty() {
        return (reason, Basis::Status);
    }
    (first_words, Basis::FirstWords)
}

/// The leading words of a clause that no shape fits, without articles: all of them when they
/// are few, else those before the first phrase about the subject, so no name stops inside a
/// clause's verb.
fn first_words(words: &[String]) -> String {
    let words: Vec<&String> = words
        .iter()
        .filter(|word| !words::ARTICLES.contains(&word.as_str()))
        .collect();
    if words.len() <= FIRST_WORDS {
        return camel(&words);
    }
    let end = words
        .iter()
        .skip(1)
        .position(|word| shapes::ends_subject(word))
        .map_or(FIRST_WORDS, |at| (at + 1).min(FIRST_WORDS));
    camel(&words[..end])
}

/// `base`, or, when it is taken or not a valid name, `base` told apart from the other row by
/// a later sentence's shape, the reason phrase, then the description's next words.
fn unique(base: String, row: &PageRow, taken: &HashSet<String>) -> String {
    let base = if base.starts_with(|c: char| c.is_ascii_digit()) {
        format!("Error{base}")
    } else if base.is_empty() {
        "Error".to_owned()
    } else {
        base
    };
    let free = |name: &str| is_valid(name) && !taken.contains(name);
    if free(&base) {
        return base;
    }
    let later = sentences(&row.description)
        .into_iter()
        .skip(1)
        .filter_map(|sentence| shapes::recognise(&clause_of(sentence)));
    let reason = camel(&ascii_words(&row.status_text));
    for suffix in later.chain(std::iter::once(reason)) {
        let name = format!("{base}{suffix}");
        if !base.ends_with(&suffix) && free(&name) {
            return name;
        }
    }
    let mut name = base;
    for word in clause_words(&row.description) {
        if words::ARTICLES.contains(&word.as_str()) || name.to_ascii_lowercase().contains(&word) {
            continue;
        }
        name.push_str(&camel(&[&word]));
        if free(&name) {
            return name;
        }
    }
    // Only rows alike in every word get here; the page repeats itself.
    while !free(&name) {
        name.push_str("Other");
    }
    name
}

fn ascii_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether `name` can be a row's name: the spec's own rule.
fn is_valid(name: &str) -> bool {
    nexus_errors_spec::name::check(name).is_ok()
}

#[cfg(test)]
mod tests;
