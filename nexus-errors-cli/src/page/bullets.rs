//! Stage 6 of reading a page: notes from bullets. A bullet that names a row's code and ends
//! with a colon ("A `422` error with a `4220` code can occur … for the following reasons:")
//! gives that row the items that follow it as notes.
//!
//! The items that follow are its siblings in the same list (as the docs site's Markdown has
//! them) or the items of a list nested under it. In the page-text copy the bullets are
//! flattened further: several items share one line, separated by ` - ` after a sentence's
//! punctuation (`…reasons: - The user…`), so those items are split apart first.

use super::blocks::Item;

/// The notes found for one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeNotes {
    /// The code the introducing bullet names.
    pub code: u16,
    /// The items that follow it, in page order.
    pub notes: Vec<String>,
}

/// Finds the bullets that introduce notes for one of `codes`, and their notes.
/// `split_inline` splits items run together on one line (the page-text form).
pub fn notes_by_code(items: &[Item], codes: &[u16], split_inline: bool) -> Vec<CodeNotes> {
    let pieces: Vec<Item> = if split_inline {
        items.iter().flat_map(split_run_together).collect()
    } else {
        items.to_vec()
    };
    let mut found: Vec<CodeNotes> = Vec::new();
    let mut open: Option<Intro> = None;
    for piece in &pieces {
        if let Some(code) = introduced_code(&piece.text, codes) {
            found.push(CodeNotes {
                code,
                notes: Vec::new(),
            });
            open = Some(Intro {
                list: piece.list,
                depth: piece.depth,
                nested: None,
            });
            continue;
        }
        let Some(intro) = &mut open else { continue };
        match intro.follows(piece) {
            Follows::Note if !piece.text.is_empty() => {
                if let Some(last) = found.last_mut() {
                    last.notes.push(piece.text.clone());
                }
            }
            Follows::Note | Follows::Aside => {}
            Follows::End => open = None,
        }
    }
    found.retain(|found| !found.notes.is_empty());
    found
}

/// The bullet that introduced the notes being collected.
struct Intro {
    list: usize,
    depth: usize,
    /// Whether its notes are nested under it (`Some(true)`) or its siblings (`Some(false)`);
    /// the first note decides.
    nested: Option<bool>,
}

/// How an item stands to the introducing bullet.
enum Follows {
    /// It is one of the notes.
    Note,
    /// It is nested under a note: not a note itself, but the notes go on after it.
    Aside,
    /// The notes have ended.
    End,
}

impl Intro {
    fn follows(&mut self, item: &Item) -> Follows {
        let sibling = item.list == self.list && item.depth == self.depth;
        let deeper = item.depth > self.depth;
        match self.nested {
            None if sibling || deeper => {
                self.nested = Some(deeper);
                Follows::Note
            }
            Some(true) if deeper => Follows::Note,
            Some(false) if sibling => Follows::Note,
            Some(false) if deeper => Follows::Aside,
            _ => Follows::End,
        }
    }
}

/// The code an introducing bullet names: it ends with a colon, and one of its runs of digits
/// is a code of the table. Runs of digits are whole: in `a4220code` the run is `4220`, and the
/// status `422` in `422error` is not a code.
fn introduced_code(text: &str, codes: &[u16]) -> Option<u16> {
    if !text.trim_end().ends_with(':') {
        return None;
    }
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|run| run.parse::<u16>().ok())
        .find(|number| codes.contains(number))
}

/// Splits an item at each ` - ` that follows a sentence's end (`.`, `:`, `;`, `!`, `?`): in the
/// page text that is where the next bullet began.
fn split_run_together(item: &Item) -> Vec<Item> {
    let mut pieces = Vec::new();
    let mut rest = item.text.as_str();
    while let Some(at) = next_split(rest) {
        pieces.push(rest[..at + 1].trim().to_owned());
        rest = &rest[at + 4..];
    }
    pieces.push(rest.trim().to_owned());
    pieces
        .into_iter()
        .map(|text| Item {
            text,
            ..item.clone()
        })
        .collect()
}

/// The byte index of the punctuation before the first ` - ` that follows a sentence's end.
fn next_split(text: &str) -> Option<usize> {
    text.match_indices(" - ").find_map(|(at, _)| {
        let before = text[..at].chars().next_back()?;
        matches!(before, '.' | ':' | ';' | '!' | '?').then(|| at - 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, list: usize, depth: usize) -> Item {
        Item {
            text: text.into(),
            list,
            depth,
            line: 1,
        }
    }

    #[test]
    fn sibling_bullets_after_the_intro_are_its_notes() {
        let items = [
            item("Some other point.", 1, 0),
            item(
                "A 422 error with a 4220 code can occur for the following reasons:",
                1,
                0,
            ),
            item("One.", 1, 0),
            item("Two.", 1, 0),
            item("Unrelated list.", 2, 0),
        ];
        assert_eq!(
            notes_by_code(&items, &[4220, 4221], false),
            vec![CodeNotes {
                code: 4220,
                notes: vec!["One.".into(), "Two.".into()]
            }]
        );
    }

    #[test]
    fn nested_bullets_under_the_intro_are_its_notes() {
        let items = [
            item("Code 4011 happens when:", 1, 0),
            item("the token expired;", 2, 1),
            item("the token was revoked.", 2, 1),
            item("Next top-level point.", 1, 0),
        ];
        assert_eq!(
            notes_by_code(&items, &[4011], false)[0].notes,
            vec!["the token expired;", "the token was revoked."]
        );
    }

    #[test]
    fn the_page_text_form_gives_the_same_notes() {
        // As the page copy has it, after soft breaks became spaces.
        let items = [
            item(
                "A 422error with a4220code can occur on a create member request for the following reasons: - The user already has a member. The duplicate member is not allowed.",
                1,
                0,
            ),
            item(
                "The provided external_guidvalue already exists. Please use a unique value. - The provided institution_guiddoes not exist.",
                1,
                0,
            ),
        ];
        assert_eq!(
            notes_by_code(&items, &[4220], true),
            vec![CodeNotes {
                code: 4220,
                notes: vec![
                    "The user already has a member. The duplicate member is not allowed.".into(),
                    "The provided external_guidvalue already exists. Please use a unique value."
                        .into(),
                    "The provided institution_guiddoes not exist.".into(),
                ]
            }]
        );
    }

    #[test]
    fn a_bullet_that_does_not_end_with_a_colon_introduces_nothing() {
        let items = [item("Code 4011 means expired.", 1, 0), item("Other.", 1, 0)];
        assert!(notes_by_code(&items, &[4011], false).is_empty());
    }

    #[test]
    fn a_number_that_is_not_a_code_introduces_nothing() {
        let items = [item("A 422 error can occur when:", 1, 0), item("x", 1, 0)];
        assert!(notes_by_code(&items, &[4220], false).is_empty());
    }

    #[test]
    fn dashes_inside_a_sentence_do_not_split() {
        let pieces = split_run_together(&item("Wait - then retry. - Next", 1, 0));
        let texts: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["Wait - then retry.", "Next"]);
    }
}
