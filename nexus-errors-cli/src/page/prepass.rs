//! Stage 1 of reading a page: the hand-written repairs a page needs before a Markdown parser
//! can read it.
//!
//! The page-text copy of a docs page is a text rendering of HTML. It is close to Markdown (its
//! table is a pipe table, its lists are `-` bullets) but the rendering breaks two things that
//! pulldown-cmark cannot repair afterwards:
//!
//! - a table row whose last cell was empty comes out broken across lines
//!   (`| null | 429 | Too Many Requests |`, then a line holding `|`). pulldown-cmark would pad
//!   the short row with empty cells and read the stray `|` as a row of its own, so the row must
//!   be joined here, before parsing, where the line structure is still visible;
//! - the blank line between a list and the table that follows it is lost, so the table header
//!   would be read as a lazy continuation of the last bullet. A blank line is put back.
//!
//! - a header row broken across lines like the body rows (`|`, then `Status Code |`, …, then
//!   the delimiter row) is joined, and text glued to the front of a header row (an example body
//!   ending `}| Status | Code |`) is put on a line of its own;
//! - the blank line after a table is lost too, so the paragraph that follows would be read as
//!   one-cell rows of the table. A line without a pipe after a complete row ends the table.
//!
//! The repairs are harmless on well-formed Markdown, which has neither broken rows nor tables
//! glued to a paragraph.

use nexus_errors_spec::diagnostic::LineIndex;

/// Which kind of page this is, as far as reading it differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Markdown as a docs site serves it: it has `#` headings.
    Markdown,
    /// A text rendering of the HTML page: no Markdown headings.
    PageText,
}

/// The page after the repairs, with a way back to the page's own line numbers.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The repaired text, for pulldown-cmark.
    pub text: String,
    /// The 1-based line of the page each line of `text` starts on.
    pub page_lines: Vec<usize>,
    /// Where each line of `text` starts: the spec's line index, so a page is as cheap to
    /// locate in as a spec.
    lines: LineIndex,
    /// What kind of page it is.
    pub form: Form,
}

impl Prepared {
    /// The page line of a byte offset into `text`.
    pub fn page_line(&self, offset: usize) -> usize {
        let line = self.lines.line(&self.text, offset);
        self.page_lines.get(line - 1).copied().unwrap_or(line)
    }
}

/// Repairs `page` (see the module documentation).
pub fn prepare(page: &str) -> Prepared {
    let lines: Vec<&str> = page.lines().collect();
    let mut out: Vec<(String, usize)> = Vec::with_capacity(lines.len());
    let mut index = 0;
    while index < lines.len() {
        if is_table_header(&lines, index) {
            let header = take_header(&lines, index, &mut out);
            if out.last().is_some_and(|(line, _)| !line.trim().is_empty()) {
                out.push((String::new(), header.1));
            }
            out.push(header);
            index = copy_table(&lines, index, &mut out);
        } else {
            out.push((lines[index].to_owned(), index + 1));
            index += 1;
        }
    }
    let form = if lines.iter().any(|line| is_atx_heading(line)) {
        Form::Markdown
    } else {
        Form::PageText
    };
    let page_lines = out.iter().map(|(_, line)| *line).collect();
    let mut text = out
        .into_iter()
        .map(|(line, _)| line)
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    Prepared {
        lines: LineIndex::new(&text),
        text,
        page_lines,
        form,
    }
}

/// Copies the table starting at `start` (its header line), joining broken rows. Returns the
/// index of the first line after the table.
/// The header row whose last line is `lines[index]`, as one line with its page line. A header
/// narrower than its delimiter row is broken: the lines before it already copied to `out` are
/// its start, and are taken back. A header wider than its delimiter row has text glued to its
/// front, which is left in `out` as a line of its own.
fn take_header(lines: &[&str], index: usize, out: &mut Vec<(String, usize)>) -> (String, usize) {
    let width = count_cells(lines[index + 1]);
    let mut header = (lines[index].to_owned(), index + 1);
    let mut taken = 0;
    while count_cells(&header.0) < width && taken < width {
        let Some((line, number)) = out.len().checked_sub(taken + 1).map(|at| &out[at]) else {
            break;
        };
        // The pieces of a broken header each end with the pipe after their cell.
        if !line.trim_end().ends_with('|') {
            break;
        }
        header = (format!("{} {}", line.trim(), header.0.trim()), *number);
        taken += 1;
    }
    if taken > 0 && count_cells(&header.0) == width {
        out.truncate(out.len() - taken);
        return header;
    }
    let line = lines[index];
    if count_cells(line) > width
        && !line.trim_start().starts_with('|')
        && let Some(pipe) = line.find('|')
    {
        out.push((line[..pipe].to_owned(), index + 1));
        return (line[pipe..].to_owned(), index + 1);
    }
    (line.to_owned(), index + 1)
}

fn copy_table(lines: &[&str], start: usize, out: &mut Vec<(String, usize)>) -> usize {
    let width = count_cells(lines[start + 1]);
    out.push((lines[start + 1].to_owned(), start + 2));
    let mut index = start + 2;
    while index < lines.len() && !lines[index].trim().is_empty() {
        if !lines[index].contains('|')
            && index > start + 2
            && !starts_with_list_number(lines[index])
        {
            // The blank line after the table was lost: this is the next paragraph. A numbered
            // item goes on the table's numbered list, so it stays a row.
            out.push((String::new(), index + 1));
            break;
        }
        let first = index;
        let mut row = lines[index].to_owned();
        index += 1;
        while count_cells(&row) < width && index < lines.len() && is_fragment(lines[index]) {
            row.push(' ');
            row.push_str(lines[index].trim());
            index += 1;
        }
        out.push((row, first + 1));
    }
    index
}

fn starts_with_list_number(line: &str) -> bool {
    let line = line.trim_start();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(['.', ')'])
}

/// A line that can only be the rest of a broken row: a lone `|`, or text that does not start
/// a row of its own.
fn is_fragment(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && (line == "|" || !line.starts_with('|'))
}

/// Whether `lines[index]` is a pipe-table header: a line with a pipe, then a delimiter row.
fn is_table_header(lines: &[&str], index: usize) -> bool {
    let Some(next) = lines.get(index + 1) else {
        return false;
    };
    lines[index].contains('|') && is_delimiter_row(next)
}

/// `|---|:---:|` and the like: only pipes, dashes, colons and spaces, with at least one dash.
fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes)
        && line[hashes..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
}

/// The number of cells in a pipe-table row: the unescaped pipes outside code spans, less the
/// leading and trailing ones.
pub fn count_cells(row: &str) -> usize {
    let row = row.trim();
    let mut pipes: usize = 0;
    let mut escaped = false;
    let mut in_code = false;
    for c in row.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => in_code = !in_code,
            '|' if !in_code => pipes += 1,
            _ => {}
        }
    }
    let leading = usize::from(row.starts_with('|'));
    let trailing = usize::from(row.len() > 1 && row.ends_with('|') && !row.ends_with("\\|"));
    (pipes + 1).saturating_sub(leading + trailing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_counted_between_unescaped_pipes() {
        assert_eq!(count_cells("| a | b |"), 2);
        assert_eq!(count_cells("| a | b"), 2);
        assert_eq!(count_cells("a | b"), 2);
        assert_eq!(count_cells(r"| a \| b | c |"), 2);
        assert_eq!(count_cells("| `a|b` | c |"), 2);
        assert_eq!(count_cells("| null | 429 | Too Many Requests |"), 3);
        assert_eq!(count_cells("| null | 429 | Too Many Requests | |"), 4);
    }

    #[test]
    fn a_row_broken_before_its_empty_last_cell_is_joined() {
        // As in the page copy: the 429 row's empty description cell went to its own line.
        let page = "| A | B | C |\n|---|---|---|\n| 1 | 2 |\n|\n| 3 | 4 | 5 |\n";
        let prepared = prepare(page);
        assert_eq!(
            prepared.text,
            "| A | B | C |\n|---|---|---|\n| 1 | 2 | |\n| 3 | 4 | 5 |\n"
        );
        // The joined row keeps its own line; the next row keeps the page's numbering.
        assert_eq!(prepared.page_lines, vec![1, 2, 3, 5]);
    }

    #[test]
    fn text_continuing_a_short_row_is_joined_with_a_space() {
        let page = "| A | B | C |\n|---|---|---|\n| 1 | 2 |\nmore words |\n";
        assert_eq!(
            prepare(page).text,
            "| A | B | C |\n|---|---|---|\n| 1 | 2 | more words |\n"
        );
    }

    #[test]
    fn a_complete_row_is_never_joined_with_the_next_line() {
        // A numbered list continued on the next line stays a line of its own.
        let page = "| A | B |\n|---|---|\n| 409 | 1. x |\n2. y\n";
        assert_eq!(prepare(page).text, page);
    }

    #[test]
    fn a_table_glued_to_a_list_gets_its_blank_line_back() {
        let page = "- item\n| A | B |\n|---|---|\n| 1 | 2 |";
        let prepared = prepare(page);
        assert_eq!(prepared.text, "- item\n\n| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(prepared.page_lines, vec![1, 2, 2, 3, 4]);
        let table = prepared.text.find("| 1").expect("row");
        assert_eq!(prepared.page_line(table), 4);
    }

    #[test]
    fn a_header_broken_across_lines_is_joined() {
        let page = "Codes\n|\nStatus |\nCode |\nMessage |\n|---|---|---|\n|\n400 |\nx |\nBad. |\n";
        let prepared = prepare(page);
        assert_eq!(
            prepared.text,
            "Codes\n|\n\nStatus | Code | Message |\n|---|---|---|\n| 400 | x | Bad. |\n"
        );
        assert_eq!(prepared.page_lines, vec![1, 2, 3, 3, 6, 7]);
    }

    #[test]
    fn text_glued_before_a_header_goes_on_its_own_line() {
        let page = "{ \"error\": 1 }| Status | Code |\n|---|---|\n401 | a |\n";
        assert_eq!(
            prepare(page).text,
            "{ \"error\": 1 }\n\n| Status | Code |\n|---|---|\n401 | a |\n"
        );
    }

    #[test]
    fn a_line_without_a_pipe_after_a_row_ends_the_table() {
        let page = "| A | B |\n|---|---|\n400 | x |\nCommon Errors\nMore text\n";
        assert_eq!(
            prepare(page).text,
            "| A | B |\n|---|---|\n400 | x |\n\nCommon Errors\nMore text\n"
        );
    }

    #[test]
    fn headings_make_a_page_markdown() {
        assert_eq!(prepare("# Errors\ntext").form, Form::Markdown);
        assert_eq!(prepare("Nexus API\n#hashtag\ntext").form, Form::PageText);
    }
}
