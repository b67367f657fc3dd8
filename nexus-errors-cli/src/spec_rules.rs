//! The seam to the spec's own rules, all of them from `nexus-errors-spec`: reading and
//! validating a spec, its diagnostics and their one renderer, and the rule for row names. The
//! command checks a spec exactly as the proc macro does, with the same messages.

use std::path::Path;

pub use nexus_errors_spec::{Diagnostic, Palette};

/// A row of a spec, as the merge sees it: the columns, without where the row was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecRow {
    /// The variant name.
    pub name: String,
    /// The error code, if the row has one.
    pub code: Option<u16>,
    /// The HTTP status.
    pub status: u16,
    /// The status text.
    pub status_text: String,
    /// The description.
    pub description: String,
    /// The notes.
    pub notes: Vec<String>,
}

impl From<nexus_errors_spec::Row> for SpecRow {
    fn from(row: nexus_errors_spec::Row) -> Self {
        SpecRow {
            name: row.name,
            code: row.code,
            status: row.status,
            status_text: row.status_text,
            description: row.description,
            notes: row.notes,
        }
    }
}

/// A spec's `[api]` header and rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpecTable {
    /// `[api] name`.
    pub api_name: String,
    /// `[api] source`.
    pub source: Option<String>,
    /// The rows, in file order.
    pub rows: Vec<SpecRow>,
}

/// A spec after validation: its table, and the problems to show (none when it is valid).
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The table as read; trust it only when `diagnostics` is empty.
    pub table: SpecTable,
    /// The problems, in file order: the first ones, then one that counts the rest, as the
    /// compiler shows them.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and validates a spec's text; `file` is the name messages give it.
pub fn check(file: &str, text: &str) -> Checked {
    let checked = nexus_errors_spec::check(file, text);
    let diagnostics = checked.shown();
    let table = checked.table;
    Checked {
        table: SpecTable {
            api_name: table.api.name,
            source: table.api.source,
            rows: table.rows.into_iter().map(SpecRow::from).collect(),
        },
        diagnostics,
    }
}

/// A spec file as read.
#[derive(Debug, Clone)]
pub enum Read {
    /// Its text.
    Text(String),
    /// It is not UTF-8: the compiler's diagnostic for that.
    NotText(Box<Diagnostic>),
}

/// Reads the spec at `path`, named in messages as given. `Err` holds a one-line message: the
/// file cannot be read at all.
pub fn read(path: &Path) -> Result<Read, String> {
    let Some(file) = path.to_str() else {
        return Err(format!(
            "the spec path {} is not UTF-8",
            path.to_string_lossy()
        ));
    };
    match nexus_errors_spec::read::read(Path::new(""), file) {
        Ok(source) => Ok(Read::Text(source.text)),
        // Only an encoding problem has a place in the file.
        Err(diagnostic) if diagnostic.location.is_some() => Ok(Read::NotText(diagnostic)),
        Err(diagnostic) => Err(diagnostic.message),
    }
}

impl Checked {
    /// The result of reading a spec that is not text: no table, one diagnostic.
    pub fn not_text(diagnostic: Diagnostic) -> Self {
        Checked {
            table: SpecTable::default(),
            diagnostics: vec![diagnostic],
        }
    }
}

/// The 1-based spec line a diagnostic points at, when it points at one.
pub fn line_of(diagnostic: &Diagnostic) -> Option<usize> {
    diagnostic.location.as_ref().map(|location| location.line)
}

/// Whether `name` can be a row's name (`nexus-errors-spec`'s name rule).
pub fn name_is_valid(name: &str) -> bool {
    nexus_errors_spec::name::check(name).is_ok()
}
