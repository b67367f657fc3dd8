//! `nexus-errors check`: validates a spec and prints the compiler's diagnostics for it.

use std::io::Write as _;
use std::path::Path;

use crate::cli::Failure;
use crate::spec_rules::{self, Checked, Diagnostic, Read};
use crate::style::{DiagnosticStyles, ERROR, paint};

/// Checks the spec at `path`: exit code 0 when it is valid, 1 when it has errors.
pub fn run(path: &Path) -> Result<u8, Failure> {
    let shown = path.display().to_string();
    let checked = match spec_rules::read(path).map_err(Failure::trouble)? {
        Read::Text(text) => spec_rules::check(&shown, &text),
        Read::NotText(diagnostic) => Checked::not_text(*diagnostic),
    };
    if checked.diagnostics.is_empty() {
        let _ = writeln!(
            anstream::stdout(),
            "{shown}: valid ({} rows)",
            checked.table.rows.len()
        );
        return Ok(0);
    }
    print_diagnostics(&checked.diagnostics);
    Err(Failure::finding(format!(
        "{shown} has {} error{}",
        checked.diagnostics.len(),
        if checked.diagnostics.len() == 1 {
            ""
        } else {
            "s"
        }
    )))
}

/// Prints diagnostics to stderr as the compiler would: `error: ` and the message, then a blank
/// line.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let styles = DiagnosticStyles::new();
    let palette = styles.palette();
    let mut stderr = anstream::stderr();
    for diagnostic in diagnostics {
        let _ = writeln!(
            stderr,
            "{} {}\n",
            paint(ERROR, "error:"),
            diagnostic.render(&palette)
        );
    }
}
