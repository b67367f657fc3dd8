//! The few styles the command uses. Text is always built with them; anstream's stdout and
//! stderr drop them when the stream is not a terminal, or `NO_COLOR` is set.

use anstyle::{AnsiColor, Style};

use nexus_errors_spec::Palette;

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

/// The ANSI sequences a diagnostic is rendered with, as `nexus-errors-spec`'s [`Palette`]
/// borrows them.
#[derive(Debug, Clone)]
pub struct DiagnosticStyles {
    location: String,
    gutter: String,
    caret: String,
    label: String,
    reset: String,
}

impl DiagnosticStyles {
    /// The styles rustc uses for the same parts: a bold location, blue gutters, red carets.
    pub fn new() -> Self {
        let blue = AnsiColor::Blue.on_default().bold();
        DiagnosticStyles {
            location: BOLD.render().to_string(),
            gutter: blue.render().to_string(),
            caret: ERROR.render().to_string(),
            label: BOLD.render().to_string(),
            reset: anstyle::Reset.render().to_string(),
        }
    }

    /// The palette to render with.
    pub fn palette(&self) -> Palette<'_> {
        Palette {
            location: &self.location,
            gutter: &self.gutter,
            caret: &self.caret,
            label: &self.label,
            reset: &self.reset,
        }
    }
}

impl Default for DiagnosticStyles {
    fn default() -> Self {
        Self::new()
    }
}
