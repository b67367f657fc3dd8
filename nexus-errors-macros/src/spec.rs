//! The spec, read and checked by `nexus-errors-spec`, with its problems as compile errors.

use std::path::Path;

use nexus_errors_spec::{Api, Table};
use syn::LitStr;

use crate::errors::{Errors, with_help};

/// A spec as the expanders use it.
pub struct Loaded {
    /// The path as the user wrote it.
    pub file: String,
    /// The path read, for the `include_bytes!` rebuild tie; `None` if it could not be read.
    pub resolved: Option<String>,
    /// The table, or a skeleton of it when there are problems.
    pub table: Table,
    /// Whether the spec was read and broke no rule, so the table has every row.
    pub valid: bool,
}

impl Loaded {
    /// No spec at all (the path was not given): an empty skeleton.
    pub fn none() -> Self {
        Loaded {
            file: String::new(),
            resolved: None,
            table: Table {
                api: Api::default(),
                rows: Vec::new(),
            },
            valid: false,
        }
    }
}

/// Loads the spec at `path`, relative to the calling crate's `CARGO_MANIFEST_DIR`. Always
/// returns a table (a skeleton when there are problems); each problem goes to `errors` at the
/// path literal, carrying its `file:line:col`.
pub fn load(path: &LitStr, errors: &mut Errors) -> Loaded {
    let file = path.value();
    let mut loaded = Loaded {
        file: file.clone(),
        ..Loaded::none()
    };
    if file.trim().is_empty() {
        errors.at(
            path.span(),
            with_help(
                "the spec path is empty",
                "name a TOML file relative to the crate's Cargo.toml, e.g. `path = \"spec/errors.toml\"`",
            ),
        );
        return loaded;
    }
    let Some(base) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        errors.at(
            path.span(),
            with_help(
                "CARGO_MANIFEST_DIR is not set, so the spec path cannot be resolved",
                "build with cargo, which sets it",
            ),
        );
        return loaded;
    };
    let base = Path::new(&base);
    let source = match nexus_errors_spec::read::read(base, &file) {
        Ok(source) => source,
        Err(error) => {
            let mut diagnostic = error.into_diagnostic();
            diagnostic.help.get_or_insert_with(|| {
                format!(
                    "the path is relative to the directory of the crate's Cargo.toml ({})",
                    base.display()
                )
            });
            errors.spec(&[*diagnostic], path.span());
            return loaded;
        }
    };
    let checked = nexus_errors_spec::check(&file, &source.text);
    errors.spec(&checked.shown(), path.span());
    loaded.resolved = Some(source.resolved.display().to_string());
    loaded.valid = checked.is_valid();
    loaded.table = checked.table;
    loaded
}
