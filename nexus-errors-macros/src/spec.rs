//! The spec, read and checked by `nexus-errors-spec`, with its problems as compile errors.

use std::path::Path;

use nexus_errors_spec::{Diagnostic, Table};
use syn::LitStr;

/// A spec as the expanders use it.
pub struct Loaded {
    /// The path as the user wrote it.
    pub file: String,
    /// The path read, for the `include_bytes!` rebuild tie; `None` if it could not be read.
    pub resolved: Option<String>,
    /// The table, or a skeleton of it when there are problems.
    pub table: Table,
}

/// Loads the spec at `path`, relative to the calling crate's `CARGO_MANIFEST_DIR`. Always
/// returns a table (a skeleton when there are problems), and the problems as one error
/// attached to the path literal, each carrying its `file:line:col`.
pub fn load(path: &LitStr) -> (Loaded, Option<syn::Error>) {
    let file = path.value();
    let mut loaded = Loaded {
        file: file.clone(),
        resolved: None,
        table: Table::default(),
    };
    if file.trim().is_empty() {
        let error = syn::Error::new(
            path.span(),
            "the spec path is empty\n  = help: name a TOML file relative to the crate's Cargo.toml, e.g. `path = \"spec/errors.toml\"`",
        );
        return (loaded, Some(error));
    }
    let Some(base) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        let error = syn::Error::new(
            path.span(),
            "CARGO_MANIFEST_DIR is not set, so the spec path cannot be resolved\n  = help: build with cargo, which sets it",
        );
        return (loaded, Some(error));
    };
    let base = Path::new(&base);
    let source = match nexus_errors_spec::read::read(base, &file) {
        Ok(source) => source,
        Err(mut diagnostic) => {
            diagnostic.help = diagnostic.help.or_else(|| {
                Some(format!(
                    "the path is relative to the directory of the crate's Cargo.toml ({})",
                    base.display()
                ))
            });
            return (loaded, to_error(&[*diagnostic], path));
        }
    };
    let checked = nexus_errors_spec::check(&file, &source.text);
    let error = to_error(&checked.shown(), path);
    loaded.resolved = Some(source.resolved.display().to_string());
    loaded.table = checked.table;
    (loaded, error)
}

/// The diagnostics as one error, each message at the path literal.
fn to_error(diagnostics: &[Diagnostic], path: &LitStr) -> Option<syn::Error> {
    diagnostics
        .iter()
        .map(|diagnostic| syn::Error::new(path.span(), diagnostic))
        .reduce(|mut all, next| {
            all.combine(next);
            all
        })
}
