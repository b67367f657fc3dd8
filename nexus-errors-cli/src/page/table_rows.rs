//! Stage 5 of reading a page: the error table's rows, as the rows a spec would hold, and the
//! rows that were skipped, with why.

use std::ops::RangeInclusive;

use super::blocks::{Table, TableRow};
use super::cells::{self, leading_statuses, reason_phrase, statuses};
use super::columns::Columns;
use nexus_errors_spec::Code;

/// The statuses a spec's rows may have: redirections too, for an API that documents a
/// `304 Not Modified` of a failed condition under its own code.
pub const ERROR_STATUSES: RangeInclusive<u16> = 300..=599;

/// One documented error, read from the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRow {
    /// The error code; `None` where the page has none.
    pub code: Option<Code>,
    /// The HTTP status, in [`ERROR_STATUSES`].
    pub status: u16,
    /// The status text to write: the standard reason phrase, or the page's own text for a
    /// status that has none.
    pub status_text: String,
    /// The page's status text when it differs from the reason phrase written.
    pub page_status_text: Option<String>,
    /// The description, as plain text.
    pub description: String,
    /// Notes: the table's other columns (`Solution: …`), the rest of a numbered list in the
    /// description, then reasons from bullets.
    pub notes: Vec<String>,
    /// The 1-based page line of the row.
    pub line: usize,
}

/// A table row that does not become an error row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The 1-based page line of the row.
    pub line: usize,
    /// The row's cells, joined by ` | `.
    pub text: String,
    /// Why it was skipped.
    pub why: String,
}

/// The rows read from the error table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// Error rows, in page order.
    pub rows: Vec<PageRow>,
    /// Rows skipped, in page order.
    pub skipped: Vec<Skipped>,
}

/// Reads the rows of `table`, whose columns are `columns`.
pub fn read(table: &Table, columns: &Columns) -> Rows {
    let mut out = Rows::default();
    // The rows made from the last table row (several for `500, 502, 504`): a numbered list
    // continued on the following rows adds to all of them.
    let mut last: Option<std::ops::Range<usize>> = None;
    for row in &table.rows {
        if row.cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if let Some(item) = list_continuation(row)
            && let Some(range) = last.clone()
        {
            for page_row in &mut out.rows[range] {
                page_row.notes.push(item.to_owned());
            }
            continue;
        }
        let start = out.rows.len();
        read_row(row, &table.header, columns, &mut out);
        last = (out.rows.len() > start).then_some(start..out.rows.len());
    }
    out
}

/// The text of a list item continuing the previous row's numbered list: the first cell starts
/// with its number (`2.`) and every other cell is empty.
fn list_continuation(row: &TableRow) -> Option<&str> {
    let (first, others) = row.cells.split_first()?;
    if others.iter().any(|cell| !cell.trim().is_empty()) {
        return None;
    }
    strip_list_number(first).filter(|_| leading_statuses(first).0.is_empty())
}

/// `2. Text` → `Text`; `None` when `text` does not start with a list number.
fn strip_list_number(text: &str) -> Option<&str> {
    let text = text.trim();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix(['.', ')'])?;
    (digits > 0 && (rest.is_empty() || rest.starts_with(' '))).then(|| rest.trim())
}

fn read_row(row: &TableRow, header: &[String], columns: &Columns, out: &mut Rows) {
    let cell = |index: usize| row.cells.get(index).map_or("", |c| c.trim());
    let skip = |out: &mut Rows, why: String| {
        out.skipped.push(Skipped {
            line: row.line,
            text: row.cells.join(" | "),
            why,
        });
    };
    let (statuses, rest) = statuses(cell(columns.status));
    if statuses.is_empty() {
        let others_empty = (0..row.cells.len())
            .filter(|&i| i != columns.status)
            .all(|i| cell(i).is_empty());
        let why = if others_empty && !cell(columns.status).is_empty() {
            "a category row: it has no HTTP status".to_owned()
        } else {
            "it has no HTTP status".to_owned()
        };
        return skip(out, why);
    }
    let code = match columns.code.map(|i| cells::code(cell(i))) {
        Some(Err(bad)) => return skip(out, bad.0),
        Some(Ok(code)) => code,
        None => None,
    };
    let page_text = columns.status_text.map_or(rest, cell);
    let page_text = if page_text.is_empty() {
        rest
    } else {
        page_text
    };
    // A numbered list in the description: its first item is the description, and the rows
    // that continue it (see `list_continuation`) give the notes.
    let description = cell(columns.description);
    let description = match strip_list_number(description) {
        Some(first) if description.starts_with("1.") || description.starts_with("1)") => first,
        _ => description,
    };
    let notes: Vec<String> = columns
        .notes
        .iter()
        .filter(|&&i| !matches!(cell(i), "" | "-" | "—" | "–"))
        .map(|&i| {
            let name = header.get(i).map_or("", |h| cells::unquote(h.trim()));
            format!("{}: {}", name.trim_end_matches(':'), cell(i))
        })
        .collect();
    for status in statuses {
        if !ERROR_STATUSES.contains(&status) {
            skip(
                out,
                format!(
                    "{status} is not an error status (tables list {}..={})",
                    ERROR_STATUSES.start(),
                    ERROR_STATUSES.end()
                ),
            );
            continue;
        }
        let reason = reason_phrase(status);
        out.rows.push(PageRow {
            code: code.clone(),
            status,
            status_text: reason.unwrap_or(page_text).to_owned(),
            page_status_text: reason
                .filter(|reason| !page_text.is_empty() && page_text != *reason)
                .map(|_| page_text.to_owned()),
            description: description.to_owned(),
            notes: notes.clone(),
            line: row.line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            line: 1,
            header: vec![],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| TableRow {
                    cells: cells.iter().map(|c| (*c).to_owned()).collect(),
                    line: i + 3,
                })
                .collect(),
        }
    }

    const NEXUS: Columns = Columns {
        code: Some(0),
        status: 1,
        status_text: Some(2),
        description: 3,
        notes: vec![],
    };
    const SHORT: Columns = Columns {
        code: None,
        status: 0,
        status_text: None,
        description: 1,
        notes: vec![],
    };

    #[test]
    fn a_nexus_row() {
        let rows = read(
            &table(&[&["4011", "401", "Unauthorized", "Expired."]]),
            &NEXUS,
        );
        assert_eq!(
            rows.rows,
            vec![PageRow {
                code: Some(Code::Integer(4011)),
                status: 401,
                status_text: "Unauthorized".into(),
                page_status_text: None,
                description: "Expired.".into(),
                notes: vec![],
                line: 3,
            }]
        );
    }

    #[test]
    fn the_written_status_text_is_the_reason_phrase_and_a_different_one_is_kept_for_the_report() {
        let rows = read(
            &table(&[&["null", "422", "Unprocessable Content", "x"]]),
            &NEXUS,
        );
        assert_eq!(rows.rows[0].status_text, "Unprocessable Entity");
        assert_eq!(
            rows.rows[0].page_status_text.as_deref(),
            Some("Unprocessable Content")
        );
    }

    #[test]
    fn a_status_without_a_reason_phrase_keeps_the_pages_text() {
        let rows = read(&table(&[&["499 Client Closed Request", "x"]]), &SHORT);
        assert_eq!(rows.rows[0].status_text, "Client Closed Request");
        assert_eq!(rows.rows[0].page_status_text, None);
    }

    #[test]
    fn several_statuses_give_one_row_each() {
        let rows = read(
            &table(&[&["500, 502, 504 Server errors", "Try later."]]),
            &SHORT,
        );
        let got: Vec<(u16, &str, Option<&str>)> = rows
            .rows
            .iter()
            .map(|r| {
                (
                    r.status,
                    r.status_text.as_str(),
                    r.page_status_text.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (500, "Internal Server Error", Some("Server errors")),
                (502, "Bad Gateway", Some("Server errors")),
                (504, "Gateway Timeout", Some("Server errors")),
            ]
        );
    }

    #[test]
    fn a_numbered_list_split_over_rows_becomes_description_and_notes() {
        let rows = read(
            &table(&[
                &["409 Conflict", "1. The record exists."],
                &["2. Use another name.", ""],
                &["3) Or update it.", ""],
                &["410 Gone", "Deleted."],
            ]),
            &SHORT,
        );
        assert_eq!(rows.rows[0].description, "The record exists.");
        assert_eq!(
            rows.rows[0].notes,
            vec!["Use another name.", "Or update it."]
        );
        assert_eq!(rows.rows[1].description, "Deleted.");
        assert!(rows.rows[1].notes.is_empty());
    }

    #[test]
    fn categories_and_success_statuses_are_skipped_with_a_reason() {
        let rows = read(
            &table(&[
                &["2xx Success", ""],
                &["200 OK", "Fine."],
                &["", "Orphan text."],
                &["", ""],
            ]),
            &SHORT,
        );
        assert!(rows.rows.is_empty());
        let why: Vec<(usize, &str)> = rows
            .skipped
            .iter()
            .map(|s| (s.line, s.why.as_str()))
            .collect();
        assert_eq!(
            why,
            vec![
                (3, "a category row: it has no HTTP status"),
                (4, "200 is not an error status (tables list 300..=599)"),
                (5, "it has no HTTP status"),
            ]
        );
    }

    #[test]
    fn an_unreadable_code_skips_the_row() {
        let rows = read(&table(&[&["(varies)", "400", "Bad Request", "x"]]), &NEXUS);
        assert!(rows.rows.is_empty());
        assert_eq!(
            rows.skipped[0].why,
            "code \"(varies)\" is not one word or number"
        );
    }

    #[test]
    fn other_columns_become_notes_headed_by_their_header() {
        let mut page = table(&[
            &["400", "E.1", "Bad.", "Check the parameter.", "No"],
            &["500", "E.2", "Broken.", "-", ""],
        ]);
        page.header = [
            "Status Code",
            "Error Code",
            "Error Message",
            "Solution",
            "\"Retry?\"",
        ]
        .map(String::from)
        .to_vec();
        let columns = Columns {
            code: Some(1),
            status: 0,
            status_text: None,
            description: 2,
            notes: vec![3, 4],
        };
        let rows = read(&page, &columns).rows;
        assert_eq!(
            rows[0].notes,
            vec!["Solution: Check the parameter.", "Retry?: No"]
        );
        assert!(rows[1].notes.is_empty());
        assert_eq!(rows[0].code, Some(Code::Text("E.1".into())));
    }
}
