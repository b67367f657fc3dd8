//! `nexus-errors check`: validates a spec and prints the compiler's diagnostics for it.

use std::io::Write as _;
use std::path::Path;

use nexus_errors_spec::Diagnostic;

use crate::failure::Failure;
use crate::spec_file;
use crate::style::{DiagnosticStyles, ERROR, paint};

/// Checks the spec at `path`: exit code 0 when it is valid, 1 when it has errors.
pub fn run(path: &Path) -> Result<u8, Failure> {
    let shown = path.display().to_string();
    let checked = spec_file::load(path, nexus_errors_spec::check)?.checked;
    if checked.is_valid() {
        let _ = writeln!(
            anstream::stdout(),
            "{shown}: valid ({} rows)",
            checked.table.rows.len()
        );
        return Ok(0);
    }
    // The screen gets the first problems and a count of the rest; the total counts them all.
    print_diagnostics(&checked.shown());
    let count = checked.diagnostics.len();
    Err(Failure::finding(format!(
        "{shown} has {count} error{}",
        if count == 1 { "" } else { "s" }
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
