//! Turns a byte range of the spec into a message a person can act on:
//! `file:line:col: message`, the offending line with a caret under the value, and a hint.
//!
//! A proc macro cannot point a span into a TOML file, so every message is attached to the
//! macro's path literal and carries the file location in its text, the way askama does.

use std::fmt::Write as _;
use std::ops::Range;

use proc_macro2::Span;

/// Collects every problem found in one spec, so the user sees them all at once.
pub struct Diagnostics<'a> {
    file: &'a str,
    text: &'a str,
    span: Span,
    found: Vec<(Range<usize>, String)>,
    /// Where each line starts: `line_of` is a binary search, not a scan from the top.
    line_starts: Vec<usize>,
}

impl<'a> Diagnostics<'a> {
    /// `file` is the path as the user wrote it; `span` is where the messages appear in Rust.
    pub fn new(file: &'a str, text: &'a str, span: Span) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Diagnostics {
            file,
            text,
            span,
            found: Vec::new(),
            line_starts,
        }
    }

    /// Records a problem at `at` in the spec. `help`, if given, says how to fix it.
    pub fn error(&mut self, at: Range<usize>, message: impl Into<String>, help: Option<String>) {
        let rendered = render(
            self.file,
            self.text,
            at.clone(),
            &message.into(),
            help.as_deref(),
        );
        self.found.push((at, rendered));
    }

    /// Where a byte offset of the spec is, as 1-based line and column.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// All problems as one `syn::Error`, in file order, or `None` when there were none.
    pub fn finish(mut self) -> Option<syn::Error> {
        self.found.sort_by_key(|(at, _)| (at.start, at.end));
        self.found
            .into_iter()
            .map(|(_, message)| syn::Error::new(self.span, message))
            .reduce(|mut all, next| {
                all.combine(next);
                all
            })
    }
}

/// 1-based line and column (in characters) of a byte offset, clamped to the text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn render(file: &str, text: &str, at: Range<usize>, message: &str, help: Option<&str>) -> String {
    let (line, column) = line_col(text, at.start);
    let line_start = text[..floor_char_boundary(text, at.start)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let source_line = text[line_start..line_end].trim_end_matches('\r');
    // The caret runs from the start to the end of the range or of the shown line, whichever
    // comes first; a range that starts on the line's trimmed `\r` still gets one caret.
    let start = floor_char_boundary(text, at.start);
    let end = floor_char_boundary(text, at.end.min(line_start + source_line.len()).max(start));
    let width = text[start..end].chars().count().max(1);

    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let mut out = format!("{file}:{line}:{column}: {message}\n");
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {source_line}");
    // Pad with the line's own tabs so the caret lines up however tabs are shown.
    let pad: String = source_line
        .chars()
        .chain(std::iter::repeat(' '))
        .take(column - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let _ = write!(out, "{gutter} | {pad}{}", "^".repeat(width));
    if let Some(help) = help {
        let _ = write!(out, "\n{gutter} = help: {help}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // `"x"` starts after `bé = `: 5 characters, 6 bytes.
        assert_eq!(line_col(text, 12), (2, 6));
    }

    #[test]
    fn line_of_agrees_with_line_col() {
        let text = "a = 1\nbé = \"x\"\n\n[[error]]\n";
        let diagnostics = Diagnostics::new("f.toml", text, Span::call_site());
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                diagnostics.line_of(offset),
                line_col(text, offset).0,
                "offset {offset}"
            );
        }
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        assert_eq!(line_col("ab", 99), (1, 3));
    }

    #[test]
    fn rendering_shows_the_line_and_a_caret_under_the_value() {
        let text = "[api]\nstatus = 4000\n";
        let rendered = render("spec.toml", text, 15..19, "bad status", Some("use 400"));
        assert_eq!(
            rendered,
            "spec.toml:2:10: bad status\n  |\n2 | status = 4000\n  |          ^^^^\n  = help: use 400"
        );
    }

    #[test]
    fn the_caret_keeps_the_lines_tabs() {
        let rendered = render("f.toml", "\tstatus = 399\n", 10..13, "m", None);
        assert_eq!(
            rendered,
            "f.toml:1:11: m\n  |\n1 | \tstatus = 399\n  | \t         ^^^"
        );
    }

    #[test]
    fn a_range_on_a_trimmed_carriage_return_does_not_panic() {
        assert_eq!(
            render("f.toml", "\r", 1..1, "m", None),
            "f.toml:1:2: m\n  |\n1 | \n  |  ^"
        );
        let text = "a = \"x\r\nb = 1\r\n";
        assert_eq!(
            render("f.toml", text, 7..8, "m", None),
            "f.toml:1:8: m\n  |\n1 | a = \"x\n  |        ^"
        );
    }

    #[test]
    fn errors_come_out_in_file_order() {
        let text = "a\nb\nc\n";
        let mut diagnostics = Diagnostics::new("f.toml", text, Span::call_site());
        diagnostics.error(4..5, "third", None);
        diagnostics.error(0..1, "first", None);
        let all: Vec<String> = diagnostics
            .finish()
            .expect("two errors")
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert!(all[0].starts_with("f.toml:1:1: first"));
        assert!(all[1].starts_with("f.toml:3:1: third"));
    }
}
