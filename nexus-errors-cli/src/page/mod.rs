//! Reading an errors page: Markdown as the docs site serves it, or a text copy of the HTML
//! page. Each stage is a pure function over text:
//!
//! 1. [`prepass`] repairs what a text rendering of HTML breaks (broken table rows);
//! 2. [`blocks`] reads headings, tables and list items with pulldown-cmark, as plain text;
//! 3. [`columns`] finds the error table and its columns by what they mean;
//! 4. [`cells`] reads single cells (codes, statuses);
//! 5. [`table_rows`] turns the table's rows into error rows, and says which it skipped;
//! 6. [`bullets`] finds notes given as bullets that name a row's code;
//! 7. [`mod@api_name`] finds the API's name in the page's own words;
//! 8. [`example_body`] reads where the code and message are from an example error body.

pub mod api_name;
pub mod blocks;
pub mod bullets;
pub mod cells;
pub mod columns;
pub mod example_body;
pub mod prepass;
pub mod table_rows;

use std::fmt;

pub use api_name::ApiName;
use blocks::Block;
pub use example_body::Proposal as BodyProposal;
use nexus_errors_spec::Code;
pub use prepass::Form;
pub use table_rows::{PageRow, Skipped};

/// What a page says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The API's name in the page's own words, and where they are.
    pub api_name: Option<ApiName>,
    /// Which kind of page it was.
    pub form: Form,
    /// The error rows, in page order.
    pub rows: Vec<PageRow>,
    /// Table rows that did not become error rows.
    pub skipped: Vec<Skipped>,
    /// Whether the page mixes numeric and string codes, so that every code is read as a
    /// string: a spec's codes are of one kind.
    pub codes_as_text: bool,
    /// The page lines of the error tables read: the first, and those after it with the same
    /// columns.
    pub tables: Vec<usize>,
    /// The tables before the error table, which are not error tables.
    pub skipped_tables: Vec<SkippedTable>,
    /// Where an error body's code and message are, from an example body on the page.
    pub body: Option<BodyProposal>,
}

/// A table before the error table, and why it is not the error table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedTable {
    /// The 1-based page line of its header.
    pub line: usize,
    /// Its header cells, joined by ` | `.
    pub header: String,
    /// Why it is not the error table.
    pub why: &'static str,
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// Nothing but whitespace.
    Empty,
    /// Not UTF-8 text, or holding NUL bytes.
    Binary,
    /// No table with a column of error statuses and a column that says what the error is.
    NoTable,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PageError::Empty => "the page is empty",
            PageError::Binary => "the page is not text (it is not UTF-8, or holds NUL bytes)",
            PageError::NoTable => {
                "the page has no error table: no table has a column of HTTP error statuses (cells such as `404`, `404 Not Found` or `Not Found (404)`) and a column that says what the error is"
            }
        })
    }
}

impl std::error::Error for PageError {}

/// Reads a page from its bytes.
pub fn read(bytes: &[u8]) -> Result<Page, PageError> {
    let text = std::str::from_utf8(bytes).map_err(|_| PageError::Binary)?;
    if text.contains('\0') {
        return Err(PageError::Binary);
    }
    read_text(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads a page from its text.
pub fn read_text(text: &str) -> Result<Page, PageError> {
    if text.trim().is_empty() {
        return Err(PageError::Empty);
    }
    let prepared = prepass::prepare(text);
    let blocks = blocks::blocks(&prepared);
    let mut skipped_tables = Vec::new();
    let (at, table, columns) = blocks
        .iter()
        .enumerate()
        .filter_map(|(at, block)| match block {
            Block::Table(table) => Some((at, table)),
            _ => None,
        })
        .find_map(|(at, table)| match columns::identify(table) {
            Ok(columns) => Some((at, table, columns)),
            Err(not) => {
                skipped_tables.push(SkippedTable {
                    line: table.line,
                    header: table.header.join(" | "),
                    why: not.why(),
                });
                None
            }
        })
        .ok_or(PageError::NoTable)?;
    let mut read = table_rows::read(table, &columns);
    let mut tables = vec![table.line];
    // A page that splits its errors over tables of one shape (client errors, then server
    // errors) has them all read; a later table of another shape (a summary of the statuses,
    // the errors of one header) is not.
    for later in blocks[at + 1..].iter().filter_map(|block| match block {
        Block::Table(later) => Some(later),
        _ => None,
    }) {
        if let Ok(same) = columns::identify(later)
            && later.header.len() == table.header.len()
            && (same.code, same.status) == (columns.code, columns.status)
        {
            let more = table_rows::read(later, &same);
            read.rows.extend(more.rows);
            read.skipped.extend(more.skipped);
            tables.push(later.line);
        }
    }
    attach_bullet_notes(&blocks, prepared.form, &mut read.rows);
    let codes_as_text = one_kind_of_code(&mut read.rows);
    let title = title(text, &blocks, prepared.form);
    let opening = blocks[..at].iter().filter_map(|block| match block {
        Block::Paragraph(text) => Some(text.as_str()),
        _ => None,
    });
    Ok(Page {
        api_name: api_name::api_name(title.as_deref(), opening),
        form: prepared.form,
        rows: read.rows,
        skipped: read.skipped,
        codes_as_text,
        tables,
        skipped_tables,
        body: example_body::propose(text),
    })
}

/// Makes every code a string when the rows mix numbers and strings (`4001` beside `E42`), as
/// a spec's codes are of one kind; says whether it did.
fn one_kind_of_code(rows: &mut [PageRow]) -> bool {
    let kinds = |integer: bool| {
        rows.iter()
            .any(|row| matches!(row.code, Some(Code::Integer(_))) == integer && row.code.is_some())
    };
    if !(kinds(true) && kinds(false)) {
        return false;
    }
    for row in rows {
        if let Some(Code::Integer(code)) = row.code {
            row.code = Some(Code::Text(code.to_string()));
        }
    }
    true
}

/// Gives each row whose code a bullet introduces the notes under that bullet.
fn attach_bullet_notes(blocks: &[Block], form: Form, rows: &mut [PageRow]) {
    let items: Vec<blocks::Item> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Item(item) => Some(item.clone()),
            _ => None,
        })
        .collect();
    // Bullets name codes by their digits, so only numeric codes can be introduced.
    let codes: Vec<u16> = rows
        .iter()
        .filter_map(|row| match row.code {
            Some(Code::Integer(code)) => u16::try_from(code).ok(),
            _ => None,
        })
        .collect();
    for found in bullets::notes_by_code(&items, &codes, form == Form::PageText) {
        let code = Some(Code::Integer(i64::from(found.code)));
        if let Some(row) = rows.iter_mut().find(|row| row.code == code) {
            row.notes.extend(found.notes);
        }
    }
}

/// The page's title: its first heading outside a blockquote (a level-1 one if there is one),
/// or for page text its first non-empty line.
fn title(text: &str, blocks: &[Block], form: Form) -> Option<String> {
    if form == Form::PageText {
        return text
            .lines()
            .map(blocks::collapse)
            .find(|line| !line.is_empty());
    }
    let headings = || {
        blocks.iter().filter_map(|block| match block {
            Block::Heading {
                level,
                text,
                quoted: false,
            } if !text.is_empty() => Some((*level, text)),
            _ => None,
        })
    };
    headings()
        .find(|(level, _)| *level == 1)
        .or_else(|| headings().next())
        .map(|(_, text)| text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_binary_input_are_refused() {
        assert_eq!(read(b""), Err(PageError::Empty));
        assert_eq!(read(b" \n\t\n"), Err(PageError::Empty));
        assert_eq!(read(b"\xff\xfe| a |"), Err(PageError::Binary));
        assert_eq!(read(b"| a |\0"), Err(PageError::Binary));
    }

    #[test]
    fn a_page_without_an_error_table_is_refused() {
        assert_eq!(
            read_text("# Title\n\n| Parameter | Type |\n|---|---|\n| id | string |\n"),
            Err(PageError::NoTable)
        );
        assert_eq!(read_text("just words"), Err(PageError::NoTable));
    }

    #[test]
    fn the_title_skips_quoted_headings_and_prefers_level_one() {
        let page = "> ## Documentation Index\n\n## Intro\n\n# HTTP Errors\n\n| Status | Message |\n|---|---|\n| 404 | Gone. |\n";
        let page = read_text(page).expect("a page");
        let api = page.api_name.expect("a name");
        assert_eq!(
            (api.name.as_str(), api.found),
            ("HTTP Errors", api_name::Found::Title)
        );
        assert_eq!(page.form, Form::Markdown);
    }

    #[test]
    fn the_page_text_title_is_its_first_line() {
        let page = "\n  Nexus   API \nErrors\n| Status | Message |\n|---|---|\n| 404 | Gone. |\n";
        let page = read_text(page).expect("a page");
        let api = page.api_name.expect("a name");
        assert_eq!(
            (api.name.as_str(), api.found),
            ("Nexus API", api_name::Found::Title)
        );
        assert_eq!(page.form, Form::PageText);
        assert_eq!(page.rows[0].line, 6);
    }

    #[test]
    fn a_table_without_outer_pipes_and_its_status_last() {
        let page = "Code | Description | HTTP Status\n--- | --- | ---\n`card_declined` | The card was declined. | 402\n\"expired_card\" | The card has expired. | 402 Payment Required\n";
        let rows = read_text(page).expect("a page").rows;
        let got: Vec<(String, u16, &str)> = rows
            .iter()
            .map(|r| {
                let code = r.code.as_ref().map(ToString::to_string).unwrap_or_default();
                (code, r.status, r.description.as_str())
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("card_declined".to_owned(), 402, "The card was declined."),
                ("expired_card".to_owned(), 402, "The card has expired."),
            ]
        );
    }

    #[test]
    fn a_page_that_mixes_numbers_and_words_as_codes_has_string_codes() {
        let page = "| Code | Status | Message |\n|---|---|---|\n| 4001 | 400 | A. |\n| E42 | 400 | B. |\n| - | 500 | C. |\n";
        let page = read_text(page).expect("a page");
        assert!(page.codes_as_text);
        let codes: Vec<Option<Code>> = page.rows.into_iter().map(|r| r.code).collect();
        assert_eq!(
            codes,
            vec![
                Some(Code::Text("4001".into())),
                Some(Code::Text("E42".into())),
                None
            ]
        );
        let numbers = "| Code | Status | Message |\n|---|---|---|\n| 4001 | 400 | A. |\n";
        assert!(!read_text(numbers).expect("a page").codes_as_text);
    }

    #[test]
    fn tables_before_the_error_table_are_skipped_with_why() {
        let page = "| Code | Meaning |\n|---|---|\n| 200 | OK |\n\n| Field | Type |\n|---|---|\n| code | string |\n\n| Code | Meaning |\n|---|---|\n| 404 | Gone. |\n";
        let page = read_text(page).expect("a page");
        let skipped: Vec<(usize, &str)> = page
            .skipped_tables
            .iter()
            .map(|t| (t.line, t.why))
            .collect();
        assert_eq!(
            skipped,
            vec![
                (1, "its statuses are all success statuses (below 300)"),
                (5, "no column holds HTTP statuses"),
            ]
        );
        assert_eq!(page.rows.len(), 1);
    }

    #[test]
    fn the_first_error_table_is_read_and_those_of_its_shape_after_it() {
        let page = "| Name | Type |\n|---|---|\n| a | b |\n\n| Code | Status Code | Message |\n|---|---|---|\n| 4041 | 404 | Gone. |\n\n| Status | Message |\n|---|---|\n| 500 | Other table. |\n\n| Code | Status | What to do |\n|---|---|---|\n| 5001 | 500 | Retry. |\n";
        let page = read_text(page).expect("a page");
        assert_eq!(page.tables, vec![5, 13]);
        let rows = page.rows;
        assert_eq!(rows[1].description, "Retry.");
        let rows = &rows[..1];
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (
                rows[0].code.clone(),
                rows[0].status,
                rows[0].description.as_str()
            ),
            (Some(Code::Integer(4041)), 404, "Gone.")
        );
    }
}
