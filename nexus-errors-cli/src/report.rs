//! What an import prints: the report (rows unchanged, changed, added, gone; rows skipped;
//! status texts the page writes differently), the semver impact, and the diff of the spec.

use std::fmt::Write as _;

use nexus_errors_spec::{Column, Row};

use crate::merge::names::Basis;
use crate::merge::{self, Entry, Impact, Merged, Origin};
use crate::page::{Page, PageRow};
use crate::spec_edit::body_value;
use crate::style::{ACCENT, ADDED, BOLD, CHANGED, REMOVED, paint};

/// The report on merging `page` into `spec` rows.
pub fn report(page: &Page, spec: &[Row], merged: &Merged) -> String {
    let mut out = String::new();
    let count = |f: fn(&Origin) -> bool| merged.entries.iter().filter(|e| f(&e.origin)).count();
    let unchanged =
        count(|o| matches!(o, Origin::Matched { changes, moved: false, .. } if changes.is_empty()));
    let changed = count(
        |o| matches!(o, Origin::Matched { changes, moved, .. } if !changes.is_empty() || *moved),
    );
    let added = count(|o| matches!(o, Origin::Added { .. }));
    let _ = writeln!(
        out,
        "{} {} error rows on the page, {} skipped; {unchanged} unchanged, {changed} changed, {added} added, {} not on the page{}",
        paint(BOLD, "Rows:"),
        page.rows.len(),
        page.skipped.len(),
        merged.gone.len(),
        if merged.pruned && !merged.gone.is_empty() {
            " (removed: --prune)"
        } else {
            ""
        },
    );
    if page.codes_as_text {
        let _ = writeln!(
            out,
            "Codes: the page mixes numbers and words, and a spec's codes are of one kind, so every code is written as a string."
        );
    }
    if page.tables.len() > 1 {
        let lines: Vec<String> = page.tables.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "Read the error tables at page lines {} (they have the same columns).",
            lines.join(", ")
        );
    }
    changed_rows(&mut out, page, spec, merged);
    added_rows(&mut out, page, merged);
    gone_rows(&mut out, spec, merged);
    skipped_tables(&mut out, page);
    skipped_rows(&mut out, page);
    status_texts(&mut out, page);
    body(&mut out, page);
    let impact = merge::impact(merged);
    let _ = writeln!(
        out,
        "\n{} {} ({})",
        paint(BOLD, "Semver impact:"),
        paint(BOLD, &impact.to_string()),
        why(impact)
    );
    out
}

fn why(impact: Impact) -> &'static str {
    match impact {
        Impact::None => "the spec already says what the page says",
        Impact::Patch => "only descriptions, notes, status texts or the order of rows change",
        Impact::Minor => "rows are added; the enum is #[non_exhaustive], so no match breaks",
        Impact::Major => "a row is removed, or a row's code or status changes",
    }
}

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{}\n", paint(BOLD, title));
}

/// `Name [4011] 401 Unauthorized`.
fn label(row: &Row) -> String {
    let code = row
        .code
        .as_ref()
        .map_or_else(String::new, |c| format!(" [{c}]"));
    format!("{}{code} {} {}", row.name, row.status, row.status_text)
}

fn changed_rows(out: &mut String, page: &Page, spec: &[Row], merged: &Merged) {
    let changed: Vec<(&Entry, usize, usize, &[Column], bool)> = merged
        .entries
        .iter()
        .filter_map(|e| match &e.origin {
            Origin::Matched {
                spec,
                page,
                changes,
                moved,
            } if !changes.is_empty() || *moved => {
                Some((e, *spec, *page, changes.as_slice(), *moved))
            }
            _ => None,
        })
        .collect();
    if changed.is_empty() {
        return;
    }
    heading(out, "Changed:");
    for (entry, spec_index, page_index, columns, moved) in changed {
        let mut what: Vec<String> = columns.iter().map(ToString::to_string).collect();
        if moved {
            what.push("position".to_owned());
        }
        let line = page.rows[page_index].line;
        let _ = writeln!(
            out,
            "  {} {}: {} (page line {line})",
            paint(CHANGED, "~"),
            label(&entry.row),
            what.join(", ")
        );
        let old = &spec[spec_index];
        for column in columns {
            let (was, now) = values(column, old, &entry.row);
            let _ = writeln!(out, "      {} {was}", paint(REMOVED, "spec:"));
            let _ = writeln!(out, "      {} {now}", paint(ADDED, "page:"));
        }
    }
}

/// A column's value in the spec and on the page, for the report.
fn values(column: &Column, old: &Row, new: &Row) -> (String, String) {
    let code = |row: &Row| {
        row.code
            .as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string)
    };
    let notes = |row: &Row| format!("{:?}", row.notes);
    match column {
        Column::Code => (code(old), code(new)),
        Column::Status => (old.status.to_string(), new.status.to_string()),
        Column::StatusText => (
            format!("{:?}", old.status_text),
            format!("{:?}", new.status_text),
        ),
        Column::Description => (
            format!("{:?}", old.description),
            format!("{:?}", new.description),
        ),
        Column::Notes => (notes(old), notes(new)),
    }
}

fn added_rows(out: &mut String, page: &Page, merged: &Merged) {
    let added: Vec<(&Entry, &PageRow, Basis)> = merged
        .entries
        .iter()
        .filter_map(|e| match e.origin {
            Origin::Added { page: index, basis } => Some((e, &page.rows[index], basis)),
            _ => None,
        })
        .collect();
    if added.is_empty() {
        return;
    }
    heading(
        out,
        "Added (names are proposals: review each, a variant's name is kept for good):",
    );
    for (entry, row, basis) in added {
        let review = match basis {
            // No shape of the description was recognised: these names need reading first.
            Basis::FirstWords => "[review the name: from the first words]",
            Basis::Code | Basis::Shape | Basis::Status => "[review the name]",
        };
        let _ = writeln!(
            out,
            "  {} {}: {:?} (page line {}) {}",
            paint(ADDED, "+"),
            label(&entry.row),
            entry.row.description,
            row.line,
            paint(CHANGED, review),
        );
    }
}

fn gone_rows(out: &mut String, spec: &[Row], merged: &Merged) {
    if merged.gone.is_empty() {
        return;
    }
    heading(out, "Not on the page:");
    let fate = if merged.pruned {
        "removed (--prune)"
    } else {
        "kept; --prune removes it"
    };
    for &index in &merged.gone {
        let row = &spec[index];
        let _ = writeln!(
            out,
            "  {} {}: {:?}: {fate}",
            paint(REMOVED, "-"),
            label(row),
            row.description
        );
        if let Some(new) = rewording(row, merged) {
            let _ = writeln!(
                out,
                "      maybe the page reworded it as {}: to keep the name {}, put the page's description in the spec and import again",
                new.name, row.name
            );
        }
    }
}

/// An added row that may be `row` reworded: neither has a code, and they share a status.
fn rewording<'a>(row: &Row, merged: &'a Merged) -> Option<&'a Row> {
    if row.code.is_some() {
        return None;
    }
    merged.entries.iter().find_map(|e| match e.origin {
        Origin::Added { .. } if e.row.code.is_none() && e.row.status == row.status => Some(&e.row),
        _ => None,
    })
}

fn skipped_tables(out: &mut String, page: &Page) {
    if page.skipped_tables.is_empty() {
        return;
    }
    heading(out, "Tables before the error table, not read:");
    for table in &page.skipped_tables {
        let _ = writeln!(
            out,
            "  line {}: `{}`: {}",
            table.line, table.header, table.why
        );
    }
}

fn body(out: &mut String, page: &Page) {
    let Some(proposal) = &page.body else {
        return;
    };
    heading(
        out,
        &format!("Error body (the example at page line {}):", proposal.line),
    );
    let _ = writeln!(
        out,
        "  the code is at {} and the message at {}: [api] body = {}",
        proposal.code,
        proposal.message,
        body_value(&proposal.body)
    );
}

fn skipped_rows(out: &mut String, page: &Page) {
    if page.skipped.is_empty() {
        return;
    }
    heading(out, "Skipped page rows:");
    for skipped in &page.skipped {
        let _ = writeln!(
            out,
            "  line {}: `{}`: {}",
            skipped.line, skipped.text, skipped.why
        );
    }
}

fn status_texts(out: &mut String, page: &Page) {
    let different: Vec<&PageRow> = page
        .rows
        .iter()
        .filter(|r| r.page_status_text.is_some())
        .collect();
    if different.is_empty() {
        return;
    }
    heading(
        out,
        "Status texts (the spec gets the standard reason phrase):",
    );
    for row in different {
        let _ = writeln!(
            out,
            "  line {}: the page says {:?} for {}; written as {:?}",
            row.line,
            row.page_status_text.as_deref().unwrap_or_default(),
            row.status,
            row.status_text
        );
    }
}

/// The unified diff from `old` to `new` text of the spec named `name`, coloured by line.
pub fn diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return format!("No change to {name}.\n");
    }
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(name, &format!("{name} (from the page)"))
        .to_string();
    text.lines()
        .map(|line| {
            let style = match line.chars().next() {
                Some('+') if !line.starts_with("+++") => ADDED,
                Some('-') if !line.starts_with("---") => REMOVED,
                Some('@') => ACCENT,
                _ if line.starts_with("+++") || line.starts_with("---") => BOLD,
                _ => anstyle::Style::new(),
            };
            paint(style, line) + "\n"
        })
        .collect()
}
