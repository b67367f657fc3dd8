//! Merging a page's rows into a spec's rows: which rows are unchanged, changed, added or gone,
//! the rows to write and in what order, and what the change means for semver.
//!
//! - A page row matches a spec row as [`matching`] says; a matched row keeps its name, always.
//! - Rows are written in the page's order. A spec row the page no longer has is kept, after
//!   the row it followed in the spec, unless `prune` is set.
//! - A new row gets a proposed name ([`names`]).
//! - Page text equal to the spec's text but for whitespace keeps the spec's spelling
//!   ([`mod@same_text`]).

pub mod matching;
pub mod names;
pub mod same_text;

use std::collections::HashSet;
use std::fmt;

use nexus_errors_spec::{Column, Row};

use crate::page::PageRow;
use same_text::{same_notes, same_text};

/// Where a row to write comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The page row `page` is spec row `spec`; `changes` lists the columns the page changes,
    /// `moved` says whether the page puts it elsewhere relative to the other rows.
    Matched {
        spec: usize,
        page: usize,
        changes: Vec<Column>,
        moved: bool,
    },
    /// Page row `page` is new; its name is a proposal, from `basis`.
    Added { page: usize, basis: names::Basis },
    /// Spec row `spec` is not on the page, and is kept.
    Kept { spec: usize },
}

/// A row to write, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The row's values as they are to be written.
    pub row: Row,
    /// Where it comes from.
    pub origin: Origin,
}

/// How a change to the spec changes the generated enum, in semver terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    /// Nothing changes.
    None,
    /// Texts or order change: descriptions, notes, status texts, the order of `ALL`.
    Patch,
    /// Variants are added; the enum is `#[non_exhaustive]`, so no match breaks.
    Minor,
    /// A variant goes, or a row's code or status changes.
    Major,
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Impact::None => "none",
            Impact::Patch => "patch",
            Impact::Minor => "minor",
            Impact::Major => "major",
        })
    }
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The rows to write, in order.
    pub entries: Vec<Entry>,
    /// Spec rows the page no longer has (indexes into the spec's rows).
    pub gone: Vec<usize>,
    /// Whether `gone` rows are dropped from the rows to write.
    pub pruned: bool,
}

/// Merges `page` rows into `spec` rows.
pub fn merge(page: &[PageRow], spec: &[Row], prune: bool) -> Merged {
    let matches = matching::match_rows(page, spec);
    let moved = moved(&matches);
    let mut taken: HashSet<String> = spec.iter().map(|row| row.name.clone()).collect();
    let mut entries: Vec<Entry> = page
        .iter()
        .zip(&matches)
        .enumerate()
        .map(|(index, (row, found))| match found {
            Some(spec_index) => matched(row, index, &spec[*spec_index], *spec_index, &moved),
            None => {
                let proposal = names::propose(row, page, &mut taken);
                Entry {
                    row: new_row(proposal.name, row),
                    origin: Origin::Added {
                        page: index,
                        basis: proposal.basis,
                    },
                }
            }
        })
        .collect();
    let gone: Vec<usize> = (0..spec.len())
        .filter(|i| !matches.contains(&Some(*i)))
        .collect();
    if !prune {
        for &spec_index in &gone {
            let at = insertion_point(&entries, spec_index);
            entries.insert(
                at,
                Entry {
                    row: spec[spec_index].clone(),
                    origin: Origin::Kept { spec: spec_index },
                },
            );
        }
    }
    Merged {
        entries,
        gone,
        pruned: prune,
    }
}

fn matched(row: &PageRow, page: usize, spec: &Row, index: usize, moved: &[usize]) -> Entry {
    let mut changes = Vec::new();
    if row.code != spec.code {
        changes.push(Column::Code);
    }
    if row.status != spec.status {
        changes.push(Column::Status);
    }
    if row.status_text != spec.status_text {
        changes.push(Column::StatusText);
    }
    let description_same = same_text(&row.description, &spec.description);
    if !description_same {
        changes.push(Column::Description);
    }
    let notes_same = same_notes(&row.notes, &spec.notes);
    if !notes_same {
        changes.push(Column::Notes);
    }
    Entry {
        row: Row {
            name: spec.name.clone(),
            code: row.code.clone(),
            status: row.status,
            status_text: row.status_text.clone(),
            description: if description_same {
                &spec.description
            } else {
                &row.description
            }
            .clone(),
            notes: if notes_same { &spec.notes } else { &row.notes }.clone(),
            line: spec.line,
        },
        origin: Origin::Matched {
            spec: index,
            page,
            changes,
            moved: moved.contains(&index),
        },
    }
}

fn new_row(name: String, row: &PageRow) -> Row {
    Row {
        name,
        code: row.code.clone(),
        status: row.status,
        status_text: row.status_text.clone(),
        description: row.description.clone(),
        notes: row.notes.clone(),
        line: None,
    }
}

/// Where a kept row goes: right after the entries of the spec rows before it, so it stays
/// next to its old neighbour.
fn insertion_point(entries: &[Entry], spec_index: usize) -> usize {
    entries
        .iter()
        .rposition(|entry| match entry.origin {
            Origin::Matched { spec, .. } | Origin::Kept { spec } => spec < spec_index,
            Origin::Added { .. } => false,
        })
        .map_or(0, |at| at + 1)
}

/// The spec rows the page reorders: the matched rows outside a longest run that keeps the
/// spec's order. Moving those few rows is enough to get the page's order.
fn moved(matches: &[Option<usize>]) -> Vec<usize> {
    let order: Vec<usize> = matches.iter().flatten().copied().collect();
    let kept = longest_increasing(&order);
    order.into_iter().filter(|i| !kept.contains(i)).collect()
}

/// A longest strictly increasing subsequence of `values` (patience sorting, O(n log n)).
fn longest_increasing(values: &[usize]) -> HashSet<usize> {
    // `tails[k]`: index into `values` of the smallest last value of a run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &value) in values.iter().enumerate() {
        let k = tails.partition_point(|&t| values[t] < value);
        previous[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut kept = HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept.insert(values[i]);
        at = previous[i];
    }
    kept
}

/// The semver impact of writing `merged`.
pub fn impact(merged: &Merged) -> Impact {
    let mut impact = if merged.pruned && !merged.gone.is_empty() {
        Impact::Major
    } else {
        Impact::None
    };
    for entry in &merged.entries {
        let this = match &entry.origin {
            Origin::Added { .. } => Impact::Minor,
            Origin::Matched { changes, moved, .. } => {
                if changes.contains(&Column::Code) || changes.contains(&Column::Status) {
                    Impact::Major
                } else if !changes.is_empty() || *moved {
                    Impact::Patch
                } else {
                    Impact::None
                }
            }
            Origin::Kept { .. } => Impact::None,
        };
        impact = impact.max(this);
    }
    impact
}

/// Whether the page and the spec disagree: anything added, changed, moved or gone.
pub fn differs(merged: &Merged) -> bool {
    !merged.gone.is_empty()
        || merged.entries.iter().any(|entry| match &entry.origin {
            Origin::Added { .. } => true,
            Origin::Matched { changes, moved, .. } => !changes.is_empty() || *moved,
            Origin::Kept { .. } => false,
        })
}

#[cfg(test)]
mod tests;
