//! Problems found in a spec, as plain data, and the one renderer that turns them into text:
//! `file:line:col: message`, the offending line with a caret under the value, and a hint.
//!
//! The proc macro attaches the rendered text to its path literal (a span cannot point into a
//! TOML file) and the CLI prints it, so both show the same words. Everything a diagnostic
//! quotes from the spec is bounded, so a hostile or generated file cannot flood the output.

use std::fmt;
use std::ops::Range;

use crate::text::{floor_char_boundary, shorten};

/// Lines up to this many characters are shown whole under a message.
pub const SNIPPET_WHOLE_LINE: usize = 120;
/// A longer line is shown as a window of this many characters around the caret, with `…`
/// where it is cut.
pub const SNIPPET_WINDOW: usize = 80;
/// How many diagnostics a report shows before it says how many more there are.
pub const MAX_SHOWN: usize = 50;

/// One problem in a spec: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The spec's path as the user wrote it.
    pub file: String,
    /// Where in the spec, when the problem has a place.
    pub location: Option<Location>,
    /// What is wrong, in one line.
    pub message: String,
    /// The spec line with a caret under the problem, when there is a place to show.
    pub snippet: Option<Snippet>,
    /// Facts that explain the problem, shown as `= note:` lines.
    pub notes: Vec<String>,
    /// How to fix it, shown as a `= help:` line.
    pub help: Option<String>,
}

/// A place in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The byte range of the offending text.
    pub range: Range<usize>,
}

/// The spec line under a message, cut to a window around the caret when it is long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The line as shown: whole, or a window with `…` where it is cut.
    pub text: String,
    /// Characters of `text` before the caret.
    pub caret_at: usize,
    /// The caret's width in characters (at least 1).
    pub caret_width: usize,
}

/// ANSI styles for the parts of a rendered diagnostic; [`Palette::PLAIN`] has none.
///
/// Each field is written before its part and `reset` after it. The CLI fills it from
/// `anstyle`; this crate stays free of terminal handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette<'a> {
    /// `file:line:col`.
    pub location: &'a str,
    /// The `|` gutter and the line number.
    pub gutter: &'a str,
    /// The carets.
    pub caret: &'a str,
    /// The `help` and `note` labels.
    pub label: &'a str,
    /// Ends a styled part.
    pub reset: &'a str,
}

impl Palette<'static> {
    /// No styling: the text the proc macro shows.
    pub const PLAIN: Palette<'static> = Palette {
        location: "",
        gutter: "",
        caret: "",
        label: "",
        reset: "",
    };
}

impl Diagnostic {
    /// The diagnostic as text, styled with `palette`. With [`Palette::PLAIN`] this is exactly
    /// what `Display` writes and what the compile error says.
    #[must_use]
    pub fn render(&self, palette: &Palette<'_>) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write(&mut out, palette);
        out
    }

    fn write(&self, out: &mut impl fmt::Write, p: &Palette<'_>) -> fmt::Result {
        if let Some(Location { line, column, .. }) = &self.location {
            write!(
                out,
                "{}{}:{line}:{column}:{} ",
                p.location, self.file, p.reset
            )?;
        }
        out.write_str(&self.message)?;
        // The gutter is as wide as the line number, so the snippet lines up under it.
        let number = match (&self.snippet, &self.location) {
            (Some(_), Some(location)) => location.line.to_string(),
            _ => " ".to_owned(),
        };
        let gutter = " ".repeat(number.len());
        if let Some(snippet) = &self.snippet {
            write!(out, "\n{}{gutter} |{}", p.gutter, p.reset)?;
            write!(out, "\n{}{number} |{} {}", p.gutter, p.reset, snippet.text)?;
            // Pad with the line's own tabs so the caret lines up however tabs are shown.
            let pad: String = snippet
                .text
                .chars()
                .chain(std::iter::repeat(' '))
                .take(snippet.caret_at)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                out,
                "\n{}{gutter} |{} {pad}{}{}{}",
                p.gutter,
                p.reset,
                p.caret,
                "^".repeat(snippet.caret_width),
                p.reset
            )?;
        }
        for note in &self.notes {
            write!(out, "\n{gutter} {}= note:{} {note}", p.label, p.reset)?;
        }
        if let Some(help) = &self.help {
            write!(out, "\n{gutter} {}= help:{} {help}", p.label, p.reset)?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &Palette::PLAIN)
    }
}

/// The diagnostics to show for a spec: the first [`MAX_SHOWN`], then one that says how many
/// more there are. The proc macro and the CLI both report through this.
#[must_use]
pub fn shown(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut shown: Vec<Diagnostic> = diagnostics.iter().take(MAX_SHOWN).cloned().collect();
    if let (Some(first), Some(more)) = (
        diagnostics.first(),
        diagnostics.len().checked_sub(MAX_SHOWN).filter(|&n| n > 0),
    ) {
        shown.push(Diagnostic {
            file: first.file.clone(),
            location: None,
            message: format!(
                "`{}` has {more} more {} not shown",
                shorten(&first.file, 80),
                if more == 1 { "problem" } else { "problems" }
            ),
            snippet: None,
            notes: Vec::new(),
            help: Some("fix the problems above, then check again to see the rest".to_owned()),
        });
    }
    shown
}

/// Where each line of a text starts, for turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line of a byte offset, clamped to the text.
    #[must_use]
    pub fn line(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The byte offset where the line holding `offset` starts.
    fn line_start(&self, text: &str, offset: usize) -> usize {
        self.starts[self.line(text, offset) - 1]
    }
}

/// Collects every problem found in one spec, so the user sees them all at once.
#[derive(Debug)]
pub struct Diagnostics<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex,
    found: Vec<Diagnostic>,
}

impl<'a> Diagnostics<'a> {
    /// A collector for the spec `text`, named `file` in messages.
    #[must_use]
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Diagnostics {
            file,
            text,
            lines: LineIndex::new(text),
            found: Vec::new(),
        }
    }

    /// Records a problem at `at` in the spec. `help`, if given, says how to fix it.
    pub fn error(&mut self, at: Range<usize>, message: impl Into<String>, help: Option<String>) {
        let diagnostic = self.diagnostic(at, message.into(), help);
        self.found.push(diagnostic);
    }

    /// The 1-based line of a byte offset of the spec.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line(self.text, offset)
    }

    /// Every problem, in file order.
    #[must_use]
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.found.sort_by_key(|d| {
            d.location
                .as_ref()
                .map_or((0, 0), |l| (l.range.start, l.range.end))
        });
        self.found
    }

    fn diagnostic(&self, at: Range<usize>, message: String, help: Option<String>) -> Diagnostic {
        let text = self.text;
        let start = floor_char_boundary(text, at.start);
        let line_start = self.lines.line_start(text, start);
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end_matches('\r');
        let column = text[line_start..start].chars().count() + 1;
        // The caret runs to the end of the range or of the shown line, whichever comes first;
        // a range that starts on the line's trimmed `\r` (or past it) still gets one caret.
        let end = floor_char_boundary(text, at.end.min(line_start + line.len()).max(start));
        let width = text[start..end].chars().count().max(1);
        Diagnostic {
            file: self.file.to_owned(),
            location: Some(Location {
                line: self.lines.line(text, start),
                column,
                range: at,
            }),
            message,
            snippet: Some(snippet(line, column - 1, width)),
            notes: Vec::new(),
            help,
        }
    }
}

/// The line under a message: whole when short, else a window around the caret.
fn snippet(line: &str, caret_at: usize, caret_width: usize) -> Snippet {
    let length = line.chars().count();
    if length <= SNIPPET_WHOLE_LINE {
        return Snippet {
            text: line.to_owned(),
            caret_at,
            caret_width,
        };
    }
    // A quarter of the window before the caret, the rest after it, moved back from the end.
    let first = caret_at
        .saturating_sub(SNIPPET_WINDOW / 4)
        .min(length.saturating_sub(SNIPPET_WINDOW));
    let last = (first + SNIPPET_WINDOW).min(length);
    let mut text: String = if first > 0 {
        "…".to_owned()
    } else {
        String::new()
    };
    let lead = usize::from(first > 0);
    text.extend(line.chars().skip(first).take(last - first));
    if last < length {
        text.push('…');
    }
    // The window always holds the caret: it starts a quarter window before it, or ends the line.
    let caret_at = caret_at.min(length) - first + lead;
    let visible = (lead + (last - first)).saturating_sub(caret_at);
    Snippet {
        text,
        caret_at,
        caret_width: caret_width.min(visible).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, at: Range<usize>, message: &str, help: Option<&str>) -> String {
        let mut diagnostics = Diagnostics::new("f.toml", text);
        diagnostics.error(at, message, help.map(str::to_owned));
        diagnostics.finish()[0].to_string()
    }

    #[test]
    fn rendering_shows_the_line_and_a_caret_under_the_value() {
        let text = "[api]\nstatus = 4000\n";
        assert_eq!(
            render(text, 15..19, "bad status", Some("use 400")),
            "f.toml:2:10: bad status\n  |\n2 | status = 4000\n  |          ^^^^\n  = help: use 400"
        );
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        // `"x"` starts after `bé = `: 5 characters, 6 bytes.
        assert!(render(text, 12..15, "m", None).starts_with("f.toml:2:6: m"));
        assert!(render(text, 6..7, "m", None).starts_with("f.toml:2:1: m"));
    }

    #[test]
    fn line_index_agrees_with_counting_newlines() {
        let text = "a = 1\nbé = \"x\"\n\n[[error]]\n";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            let clamped = offset.min(text.len());
            let expected = text.as_bytes()[..clamped]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            assert_eq!(index.line(text, offset), expected, "offset {offset}");
        }
    }

    #[test]
    fn the_caret_keeps_the_lines_tabs() {
        assert_eq!(
            render("\tstatus = 399\n", 10..13, "m", None),
            "f.toml:1:11: m\n  |\n1 | \tstatus = 399\n  | \t         ^^^"
        );
    }

    #[test]
    fn a_range_on_a_trimmed_carriage_return_or_past_the_end_does_not_panic() {
        assert_eq!(
            render("\r", 1..1, "m", None),
            "f.toml:1:2: m\n  |\n1 | \n  |  ^"
        );
        assert_eq!(
            render("a = \"x\r\nb = 1\r\n", 7..8, "m", None),
            "f.toml:1:8: m\n  |\n1 | a = \"x\n  |        ^"
        );
        assert!(render("ab", 99..120, "m", None).starts_with("f.toml:1:3: m"));
    }

    #[test]
    fn errors_come_out_in_file_order() {
        let text = "a\nb\nc\n";
        let mut diagnostics = Diagnostics::new("f.toml", text);
        diagnostics.error(4..5, "third", None);
        diagnostics.error(0..1, "first", None);
        let all = diagnostics.finish();
        assert!(all[0].to_string().starts_with("f.toml:1:1: first"));
        assert!(all[1].to_string().starts_with("f.toml:3:1: third"));
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_caret() {
        let line = format!("description = \"{}\" x", "a".repeat(200_000));
        let at = line.len() - 1;
        let rendered = render(&line, at..at + 1, "m", None);
        assert!(rendered.len() < 400, "{} bytes", rendered.len());
        let shown = rendered.lines().nth(2).expect("the snippet line");
        assert!(shown.starts_with("1 | …a"), "{shown}");
        assert!(shown.ends_with("\" x"), "{shown}");
        // The caret sits under the `x`, the line's last character.
        let caret = rendered.lines().nth(3).expect("the caret line");
        assert_eq!(caret.chars().count(), shown.chars().count());
        assert!(caret.ends_with(" ^"), "{caret}");
    }

    #[test]
    fn a_window_at_the_start_of_a_long_line_is_cut_at_the_end_only() {
        let line = format!("x = {}", "[".repeat(1000));
        let rendered = render(&line, 0..1, "m", None);
        let shown = rendered.lines().nth(2).expect("the snippet line");
        assert_eq!(
            shown,
            format!("1 | x = {}…", "[".repeat(SNIPPET_WINDOW - 4))
        );
        assert!(rendered.ends_with("\n  | ^"), "{rendered}");
    }

    #[test]
    fn a_window_in_the_middle_of_a_long_line_keeps_a_quarter_before_the_caret() {
        // Cycling letters, so a window shifted by any amount shows different text.
        let line: String = ('a'..='z').cycle().take(500).collect();
        let rendered = render(&line, 100..400, "m", None);
        // SNIPPET_WINDOW / 4 = 20 characters before the caret, 60 from it on, `…` on each side.
        let shown = rendered.lines().nth(2).expect("the snippet line");
        assert_eq!(shown, format!("1 | …{}…", &line[80..160]));
        // The caret is under character 100 (after the `…` and 20 characters) and stops at the
        // last character shown, not under the closing `…`.
        let caret = rendered.lines().nth(3).expect("the caret line");
        assert_eq!(caret, format!("  | {}{}", " ".repeat(21), "^".repeat(60)));
    }

    #[test]
    fn near_the_start_of_a_long_line_the_caret_stays_under_its_value() {
        let line = format!("code = {}", "9".repeat(300));
        let rendered = render(&line, 7..line.len(), "m", None);
        let shown = rendered.lines().nth(2).expect("the snippet line");
        assert_eq!(
            shown,
            format!("1 | code = {}…", "9".repeat(SNIPPET_WINDOW - 7))
        );
        let caret = rendered.lines().nth(3).expect("the caret line");
        assert_eq!(
            caret,
            format!("  | {}{}", " ".repeat(7), "^".repeat(SNIPPET_WINDOW - 7))
        );
    }

    #[test]
    fn a_wide_caret_stops_at_the_window() {
        let line = "k".repeat(500);
        let rendered = render(&line, 10..500, "m", None);
        let caret = rendered.lines().nth(3).expect("the caret line");
        let shown = rendered.lines().nth(2).expect("the snippet line");
        assert!(caret.chars().count() <= shown.chars().count(), "{rendered}");
    }

    #[test]
    fn notes_and_help_without_a_snippet_use_a_narrow_gutter() {
        let diagnostic = Diagnostic {
            file: "f.toml".into(),
            location: None,
            message: "cannot read".into(),
            snippet: None,
            notes: vec!["looked for /x".into()],
            help: Some("fix it".into()),
        };
        assert_eq!(
            diagnostic.to_string(),
            "cannot read\n  = note: looked for /x\n  = help: fix it"
        );
    }

    #[test]
    fn the_palette_styles_each_part_and_plain_adds_nothing() {
        let mut diagnostics = Diagnostics::new("f.toml", "a = 1\n");
        diagnostics.error(4..5, "m", Some("h".into()));
        let diagnostic = &diagnostics.finish()[0];
        let palette = Palette {
            location: "<L>",
            gutter: "<G>",
            caret: "<C>",
            label: "<H>",
            reset: "</>",
        };
        assert_eq!(
            diagnostic.render(&palette),
            "<L>f.toml:1:5:</> m\n<G>  |</>\n<G>1 |</> a = 1\n<G>  |</>     <C>^</>\n  <H>= help:</> h"
        );
        assert_eq!(diagnostic.render(&Palette::PLAIN), diagnostic.to_string());
    }

    #[test]
    fn past_the_limit_one_diagnostic_counts_the_rest() {
        let text = "x\n".repeat(MAX_SHOWN + 7);
        let mut diagnostics = Diagnostics::new("f.toml", &text);
        for line in 0..MAX_SHOWN + 7 {
            diagnostics.error(line * 2..line * 2 + 1, "m", None);
        }
        let all = diagnostics.finish();
        let shown = shown(&all);
        assert_eq!(shown.len(), MAX_SHOWN + 1);
        assert_eq!(
            shown[MAX_SHOWN].to_string(),
            "`f.toml` has 7 more problems not shown\n  = help: fix the problems above, then check again to see the rest"
        );
        assert_eq!(super::shown(&all[..MAX_SHOWN]).len(), MAX_SHOWN);
    }
}
