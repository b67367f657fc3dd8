//! The few styles the command uses. Text is always built with them; anstream's stdout and
//! stderr drop them when the stream is not a terminal, or `NO_COLOR` is set.

use anstyle::{AnsiColor, Style};

use crate::spec_rules::Palette;

/// Headings and the `error:` label's text.
pub const BOLD: Style = Style::new().bold();
/// `error:`.
pub const ERROR: Style = AnsiColor::Red.on_default().bold();
/// Added rows and lines.
pub const ADDED: Style = AnsiColor::Green.on_default();
/// Removed rows and lines.
pub const REMOVED: Style = AnsiColor::Red.on_default();
/// Changed rows, and what needs a person's review.
pub const CHANGED: Style = AnsiColor::Yellow.on_default();
/// Hunk headers of the diff, gutters and carets of diagnostics.
pub const ACCENT: Style = AnsiColor::Cyan.on_default();

/// `text` in `style`.
pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// The palette diagnostics are rendered with.
pub fn palette() -> Palette {
    Palette {
        message: BOLD.render().to_string(),
        accent: ACCENT.render().to_string(),
        help: AnsiColor::Green.on_default().render().to_string(),
        reset: anstyle::Reset.render().to_string(),
    }
}
