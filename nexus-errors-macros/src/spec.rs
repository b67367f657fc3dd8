//! The front half of the pipeline: read → parse → validate, for both macro forms.

use syn::LitStr;

use crate::diagnostic::Diagnostics;
use crate::model::Table;
use crate::{parse, read, validate};

/// Loads the spec at `path`. Always returns a table (a skeleton when there are problems),
/// and every problem found, combined into one error.
pub fn load(path: &LitStr) -> (Table, Option<syn::Error>) {
    let file = match read::read(path) {
        Ok(file) => file,
        Err(error) => return (unreadable(path), Some(error)),
    };
    let mut diagnostics = Diagnostics::new(&file.shown, &file.text, path.span());
    let raw = parse::parse(&file.text, &mut diagnostics);
    let table = validate::validate(&file, raw, &mut diagnostics);
    (table, diagnostics.finish())
}

fn unreadable(path: &LitStr) -> Table {
    Table {
        file: path.value(),
        resolved: None,
        api_name: String::new(),
        source: None,
        rows: Vec::new(),
    }
}
