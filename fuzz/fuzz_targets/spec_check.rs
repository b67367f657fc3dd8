//! The spec front half on any bytes (as UTF-8, lossily where they are not): `check` never
//! panics, and every diagnostic renders, plain and with the command's colours, within a bound
//! that follows from the documented limits, however large the spec.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nexus_errors_cli::style::DiagnosticStyles;
use nexus_errors_spec::diagnostic::{SNIPPET_WHOLE_LINE, SNIPPET_WINDOW};
use nexus_errors_spec::{Diagnostic, QUOTE_LIMIT};

const FILE: &str = "fuzz.toml";
/// A diagnostic's own words, leaving out what it quotes: the longest message or help the
/// spec crate writes has 177 characters.
const WORDS: usize = 200;
/// A number in a diagnostic: a line, a column, a status or a code (an `i128`).
const NUMBER: usize = 40;
/// A TOML syntax error's own message, which the spec crate cuts at 4 × `QUOTE_LIMIT`.
const SYNTAX: usize = 4 * QUOTE_LIMIT;
/// The shown line: whole up to `SNIPPET_WHOLE_LINE` characters, else a window with a `…` at
/// each end.
const SNIPPET: usize = max(SNIPPET_WHOLE_LINE, SNIPPET_WINDOW + 2);

/// A rendered diagnostic, in characters, when quoted spec text takes `quote` characters:
/// `file:line:col: message` (its words, two numbers, two quotes or a syntax error), the empty
/// gutter line, the snippet, the caret line (at most one character past the snippet) and
/// `= help:` (words, a number, a quote), each line behind a gutter as wide as a number.
const fn bound(quote: usize) -> usize {
    (FILE.len() + 2 * NUMBER + 4 + WORDS + 2 * NUMBER + max(2 * quote, SYNTAX))
        + (NUMBER + 3)
        + (NUMBER + 3 + SNIPPET)
        + (NUMBER + 3 + SNIPPET + 1)
        + (NUMBER + 10 + WORDS + NUMBER + quote)
        + 4
}

/// Quoted spec text as written: at most `QUOTE_LIMIT` characters in quotes, each escaped to
/// at most 10 characters (`\u{10ffff}`).
const BOUND: usize = bound(2 + 10 * QUOTE_LIMIT);
/// The same, counting an escape as one character, as a reader does (see `shown_length`).
const SHOWN_BOUND: usize = bound(2 + QUOTE_LIMIT);

const fn max(a: usize, b: usize) -> usize {
    if a > b { a } else { b }
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let checked = nexus_errors_spec::check(FILE, &text);
    let styles = DiagnosticStyles::new();
    for diagnostic in checked.diagnostics.iter().chain(&checked.shown()) {
        rendered_within_bound(diagnostic, &styles);
    }
});

fn rendered_within_bound(diagnostic: &Diagnostic, styles: &DiagnosticStyles) {
    let plain = diagnostic.to_string();
    let length = plain.chars().count();
    assert!(
        length <= BOUND,
        "{length} characters (bound {BOUND}):\n{plain}"
    );
    let shown = shown_length(&plain);
    assert!(
        shown <= SHOWN_BOUND,
        "{shown} characters as shown (bound {SHOWN_BOUND}):\n{plain}"
    );
    // The colours add escape codes around the parts and nothing else.
    let palette = styles.palette();
    let coloured = diagnostic.render(&palette);
    // Longest first: one style may begin with another (bold, then bold and blue).
    let mut styles = [
        palette.location,
        palette.gutter,
        palette.caret,
        palette.label,
        palette.reset,
    ];
    styles.sort_by_key(|style| std::cmp::Reverse(style.len()));
    let strip = |text: &str| {
        styles
            .iter()
            .fold(text.to_owned(), |text, style| text.replace(style, ""))
    };
    assert_eq!(strip(&coloured), strip(&plain));
}

/// The characters of `text` with each escape `{:?}` writes (`\n`, `\"`, `\u{202e}`) counted
/// as one. Elsewhere this can only count fewer characters than there are, so the bound
/// stays sound; in quoted text it counts exactly the quoted characters.
fn shown_length(text: &str) -> usize {
    let mut count = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        count += 1;
        if c == '\\' && chars.next() == Some('u') {
            chars.by_ref().find(|&c| c == '}');
        }
    }
    count
}
