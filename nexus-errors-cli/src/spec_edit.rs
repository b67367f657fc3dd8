//! Writing the merged rows into the spec's text with toml_edit, so that everything the merge
//! does not change stays as it was: comments, key order, quoting, blank lines.
//!
//! A kept row is its old `[[error]]` table with only the changed values replaced (each keeps
//! the spacing and comment around it); a new row is formatted like the spec's own rows.

use std::fmt;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use nexus_errors_spec::parse::{BODY, CODES_START_WITH_STATUS};
use nexus_errors_spec::{Body, Code, Column, Row};

use crate::page::example_body::pointer;

use crate::merge::{Entry, Origin};

/// The keys of a row, in the order new keys are placed: the spec format's own order, `name`
/// first.
const KEYS: &[&str] = nexus_errors_spec::parse::ROW_KEYS;

/// The `[api]` header of a spec that does not exist yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApi {
    /// `name`.
    pub name: String,
    /// `source`, when given.
    pub source: Option<String>,
    /// `codes_start_with_status`; written only when `false`.
    pub codes_start_with_status: bool,
    /// `body`, when the page's example error body gave one.
    pub body: Option<Body>,
}

/// What the rows are written into.
#[derive(Debug, Clone, Copy)]
pub enum Base<'a> {
    /// The spec's current text.
    Existing(&'a str),
    /// The text of a spec that has its `[api]` header and no rows yet: the header is kept,
    /// and gets `codes_start_with_status = false` where a new spec's would.
    Started {
        /// The spec's text.
        text: &'a str,
        /// Whether the page's codes begin with their status.
        codes_start_with_status: bool,
    },
    /// A new spec with this header.
    New(&'a NewApi),
}

/// Why the spec's text could not be rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// toml_edit could not read the spec (the validator accepts only what it reads, so this
    /// means the spec changed in between).
    Syntax(String),
    /// The rows are an inline array (`error = [{ … }]`), which this command does not rewrite.
    InlineRows,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Syntax(message) => write!(f, "cannot edit the spec: {message}"),
            EditError::InlineRows => f.write_str(
                "the spec writes its rows as an inline array (`error = [{ … }]`); import rewrites only `[[error]]` tables: convert the rows to `[[error]]` tables first",
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// The spec's text with `entries` as its rows.
pub fn write(base: Base<'_>, entries: &[Entry]) -> Result<String, EditError> {
    let parse = |text: &str| {
        text.parse::<DocumentMut>()
            .map_err(|e| EditError::Syntax(e.message().to_owned()))
    };
    let (mut document, crlf) = match base {
        Base::Existing(text) => (parse(text)?, text.contains("\r\n")),
        Base::Started {
            text,
            codes_start_with_status,
        } => {
            let mut document = parse(text)?;
            if !codes_start_with_status
                && let Some(api) = document.get_mut("api").and_then(Item::as_table_like_mut)
                && !api.contains_key(CODES_START_WITH_STATUS)
            {
                api.insert(CODES_START_WITH_STATUS, Item::Value(false.into()));
            }
            (document, text.contains("\r\n"))
        }
        Base::New(api) => (new_document(api), false),
    };
    let old: Vec<Table> = match document.remove("error") {
        None => Vec::new(),
        Some(Item::ArrayOfTables(tables)) => tables.into_iter().collect(),
        Some(_) => return Err(EditError::InlineRows),
    };
    let start = first_row_position(&document, &old);
    let mut rows = ArrayOfTables::new();
    for (offset, entry) in (0..).zip(entries) {
        let mut table = match entry.origin {
            Origin::Matched { spec, .. } | Origin::Kept { spec } => match old.get(spec) {
                Some(table) => {
                    let mut table = table.clone();
                    update(&mut table, &entry.row);
                    table
                }
                None => new_table(&entry.row),
            },
            Origin::Added { .. } => new_table(&entry.row),
        };
        table.set_position(Some(start + offset));
        rows.push(table);
    }
    shift_tables_after(&mut document, start, entries.len());
    document.insert("error", Item::ArrayOfTables(rows));
    let text = document.to_string();
    Ok(if crlf {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    })
}

fn new_document(api: &NewApi) -> DocumentMut {
    let mut header = Table::new();
    header.insert("name", Item::Value(api.name.as_str().into()));
    if let Some(source) = &api.source {
        header.insert("source", Item::Value(source.as_str().into()));
    }
    if !api.codes_start_with_status {
        header.insert(CODES_START_WITH_STATUS, Item::Value(false.into()));
    }
    if let Some(body) = &api.body {
        header.insert(BODY, Item::Value(body_value(body)));
    }
    header.set_position(Some(0));
    let mut document = DocumentMut::new();
    document.insert("api", Item::Table(header));
    document
}

/// `body` as the spec writes it: a preset's name, or `{ code = [...], message = [...] }`.
pub fn body_value(body: &Body) -> Value {
    match body {
        Body::Preset(preset) => preset.key().into(),
        Body::Pointers { code, message } => {
            let list = |pointers: &[Vec<String>]| {
                Value::Array(pointers.iter().map(|tokens| pointer(tokens)).collect())
            };
            let mut table = InlineTable::new();
            table.insert("code", list(code));
            table.insert("message", list(message));
            table.fmt();
            Value::InlineTable(table)
        }
    }
}

/// Where the rows start among the document's tables: where the first row was, or after
/// every other table.
fn first_row_position(document: &DocumentMut, old: &[Table]) -> isize {
    old.iter()
        .filter_map(Table::position)
        .min()
        .unwrap_or_else(|| {
            document
                .iter()
                .filter_map(|(_, item)| item.as_table().and_then(Table::position))
                .max()
                .map_or(1, |last| last + 1)
        })
}

/// Moves the tables placed after the rows (`[api]`, in a spec that puts it last) past the new
/// rows, so the rows do not interleave with them.
fn shift_tables_after(document: &mut DocumentMut, start: isize, rows: usize) {
    let rows = isize::try_from(rows).unwrap_or(isize::MAX / 2);
    for (_, item) in document.iter_mut() {
        if let Some(table) = item.as_table_mut()
            && let Some(position) = table.position()
            && position >= start
        {
            table.set_position(Some(position + rows));
        }
    }
}

/// A row formatted like the spec's own: one key per line, `code` left out when there is none,
/// `notes` as a multi-line array.
fn new_table(row: &Row) -> Table {
    let mut table = Table::new();
    for key in KEYS {
        if let Some(value) = value_of(row, key) {
            table.insert(key, Item::Value(value));
        }
    }
    // A blank line before `[[error]]`, as between the spec's rows.
    table.decor_mut().set_prefix("\n");
    table
}

/// The value `row` has for `key`, as it is written; `None` when the key is left out.
fn value_of(row: &Row, key: &str) -> Option<Value> {
    let Some(column) = Column::ALL.into_iter().find(|column| column.key() == key) else {
        // The one key that is not a column.
        return (key == KEYS[0]).then(|| row.name.as_str().into());
    };
    match column {
        Column::Code => row.code.as_ref().map(|code| match code {
            Code::Integer(code) => (*code).into(),
            Code::Text(code) => code.as_str().into(),
        }),
        Column::Status => Some(i64::from(row.status).into()),
        Column::StatusText => Some(row.status_text.as_str().into()),
        Column::Description => Some(row.description.as_str().into()),
        Column::Notes => (!row.notes.is_empty()).then(|| notes_array(&row.notes)),
    }
}

fn notes_array(notes: &[String]) -> Value {
    let mut array = Array::new();
    for note in notes {
        let mut value = Value::from(note.as_str());
        value.decor_mut().set_prefix("\n    ");
        array.push_formatted(value);
    }
    array.set_trailing_comma(true);
    array.set_trailing("\n");
    Value::Array(array)
}

/// Brings an existing row's table to `row`'s values, touching only the values that differ.
fn update(table: &mut Table, row: &Row) {
    for key in KEYS {
        let wanted = value_of(row, key);
        let current = table.get(key).and_then(Item::as_value);
        match (current, wanted) {
            (Some(_), None) => {
                table.remove(key);
            }
            (Some(current), Some(wanted)) if !same_value(current, &wanted) => {
                let decor = current.decor().clone();
                let mut wanted = wanted;
                *wanted.decor_mut() = decor;
                // Assigning through `get_mut` keeps the key's own spacing; `insert` would not.
                if let Some(item) = table.get_mut(key) {
                    *item = Item::Value(wanted);
                }
            }
            (None, Some(wanted)) => insert_in_order(table, key, wanted),
            _ => {}
        }
    }
}

/// Whether two values hold the same data, whatever their formatting.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_value(a, b))
        }
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        _ => false,
    }
}

/// Inserts `key` after the keys that come before it in [`KEYS`], keeping every other key
/// where it is.
fn insert_in_order(table: &mut Table, key: &str, value: Value) {
    let rank = |k: &str| KEYS.iter().position(|known| *known == k);
    let before = rank(key).unwrap_or(KEYS.len());
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    let at = keys
        .iter()
        .rposition(|k| rank(k).is_some_and(|r| r < before))
        .map_or(0, |i| i + 1);
    let entries: Vec<_> = keys.iter().filter_map(|k| table.remove_entry(k)).collect();
    let mut value = Some(value);
    for (index, (k, item)) in entries.into_iter().enumerate() {
        if index == at
            && let Some(value) = value.take()
        {
            table.insert(key, Item::Value(value));
        }
        table.insert_formatted(&k, item);
    }
    if let Some(value) = value {
        table.insert(key, Item::Value(value));
    }
}

#[cfg(test)]
mod tests;
