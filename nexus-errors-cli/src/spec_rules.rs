//! The seam to the spec's own rules: reading and validating a spec, rendering its diagnostics,
//! and the rule for row names. The rest of the command sees only this module's types, so the
//! rules live in one place.
//!
//! Stand-in until `nexus-errors-spec` lands: a small local reading of the spec with the rules
//! an import needs. It is replaced by calls into that crate.

use std::fmt;

use toml_edit::{DocumentMut, Item, Value};

/// A row of a spec.
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

/// One problem in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The ANSI sequences diagnostics are styled with; all empty for plain text.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    /// Before the `file:line:col: message` line.
    pub message: String,
    /// Before the gutter and the caret.
    pub accent: String,
    /// Before the help line.
    pub help: String,
    /// After each styled part.
    pub reset: String,
}

impl Diagnostic {
    /// The 1-based spec line the problem is on, when it is on one.
    pub fn line(&self) -> Option<usize> {
        None
    }

    /// The diagnostic with `palette`'s styles.
    pub fn styled(&self, palette: &Palette) -> String {
        format!("{}{}{}", palette.message, self.message, palette.reset)
    }
}

/// A spec after validation: its table, and every problem found (none when it is valid).
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The table as read; trust it only when `diagnostics` is empty.
    pub table: SpecTable,
    /// The problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and validates a spec's bytes; `file` is the name messages give it.
pub fn check_bytes(file: &str, bytes: &[u8]) -> Checked {
    match std::str::from_utf8(bytes) {
        Ok(text) => check(file, text),
        Err(error) => Checked {
            table: SpecTable::default(),
            diagnostics: vec![Diagnostic {
                message: format!(
                    "{file}: the spec is not valid UTF-8 (offset {})",
                    error.valid_up_to()
                ),
            }],
        },
    }
}

/// Reads and validates a spec's text; `file` is the name messages give it.
pub fn check(file: &str, text: &str) -> Checked {
    let mut diagnostics = Vec::new();
    let mut error = |message: String| {
        diagnostics.push(Diagnostic {
            message: format!("{file}: {message}"),
        })
    };
    let document = match text.parse::<DocumentMut>() {
        Ok(document) => document,
        Err(problem) => {
            error(problem.message().to_owned());
            return Checked {
                table: SpecTable::default(),
                diagnostics,
            };
        }
    };
    let api = document.get("api");
    let api_name = string(api.and_then(|a| a.get("name")));
    if api_name.is_empty() {
        error("the spec has no `[api]` name".to_owned());
    }
    let source = api
        .and_then(|a| a.get("source"))
        .and_then(Item::as_str)
        .map(str::to_owned);
    let rows: Vec<SpecRow> = document
        .get("error")
        .and_then(Item::as_array_of_tables)
        .map(|tables| tables.iter().map(|t| row(t.get_values())).collect())
        .unwrap_or_default();
    for (index, row) in rows.iter().enumerate() {
        if !name_is_valid(&row.name) || rows[..index].iter().any(|r| r.name == row.name) {
            error(format!("name {:?} is not a usable variant name", row.name));
        }
        if !(400..=599).contains(&row.status) {
            error(format!("status {} is not an error status", row.status));
        }
        let reason = http::StatusCode::from_u16(row.status)
            .ok()
            .and_then(|s| s.canonical_reason());
        if reason.is_some_and(|reason| reason != row.status_text) {
            error(format!(
                "status_text {:?} is not the reason phrase",
                row.status_text
            ));
        }
        if row.code.is_some() && rows[..index].iter().any(|r| r.code == row.code) {
            error(format!("duplicate code {}", row.code.unwrap_or_default()));
        }
    }
    Checked {
        table: SpecTable {
            api_name,
            source,
            rows,
        },
        diagnostics,
    }
}

fn string(item: Option<&Item>) -> String {
    item.and_then(Item::as_str).unwrap_or_default().to_owned()
}

fn row(values: Vec<(Vec<&toml_edit::Key>, &Value)>) -> SpecRow {
    let get = |key: &str| {
        values
            .iter()
            .find(|(path, _)| path.len() == 1 && path[0].get() == key)
            .map(|(_, value)| *value)
    };
    let text = |key: &str| {
        get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let number = |key: &str| get(key).and_then(Value::as_integer);
    SpecRow {
        name: text("name"),
        code: number("code").and_then(|c| u16::try_from(c).ok()),
        status: number("status")
            .and_then(|s| u16::try_from(s).ok())
            .unwrap_or(0),
        status_text: text("status_text"),
        description: text("description"),
        notes: get("notes")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Whether `name` can be a row's name: an UpperCamelCase-style identifier that is not a
/// keyword and does not clash with the generated associated items.
pub fn name_is_valid(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && !matches!(name, "Self" | "ALL" | "COUNT" | "ROWS")
}
