//! The spec pipeline of [`nexus-errors`](https://docs.rs/nexus-errors) as a plain library:
//! read an HTTP API's error table from TOML, parse it with every value's place, validate it,
//! and report every problem at once as located [`Diagnostic`]s.
//!
//! The `nexus-errors` proc macros and the `nexus-errors` command share this crate, so a spec
//! gets the same rules and the same messages wherever it is checked. The stages are plain
//! functions, one module each: [`read`] → [`parse`] → [`validate`], then
//! [`Diagnostic::render`] for people.
//!
//! ```
//! let spec = r#"
//! [api]
//! name = "Example API"
//!
//! [[error]]
//! name = "SessionExpired"
//! code = 4011
//! status = 401
//! status_text = "Unauthorised"
//! description = "The session expired."
//! "#;
//! let checked = nexus_errors_spec::check("errors.toml", spec);
//! assert_eq!(checked.table.rows[0].name, "SessionExpired");
//! assert_eq!(
//!     checked.diagnostics[0].to_string(),
//!     r#"errors.toml:9:15: status_text "Unauthorised" does not match the reason phrase of 401, "Unauthorized"
//!   |
//! 9 | status_text = "Unauthorised"
//!   |               ^^^^^^^^^^^^^^
//!   = help: write `status_text = "Unauthorized"`"#
//! );
//! ```
//!
//! # The spec format
//!
//! An `[api]` header (`name`, and optionally `source`, the documentation's URL, and
//! `codes_start_with_status = false` for tables whose codes do not begin with their status),
//! then one `[[error]]` per documented row: `name` (the variant, see [`name::check`]), `code`
//! (optional), `status` (400–599), `status_text` (the status's standard reason phrase),
//! `description` (word for word, may be empty) and optional `notes`.
#![warn(missing_docs)]

mod body;
pub mod diagnostic;
mod model;
pub mod name;
pub mod parse;
pub mod read;
mod suggest;
mod text;
pub mod validate;

pub use diagnostic::{Diagnostic, Palette};
pub use model::{Api, Body, Code, Column, Pointer, Preset, Row, Table, code_starts_with_status};
pub use read::Source;
pub use suggest::did_you_mean;
pub use text::QUOTE_LIMIT;

/// A spec after parsing and validation: its table, and every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The table; a skeleton of the usable rows when there are problems.
    pub table: Table,
    /// Every problem, in file order; empty when the spec is valid.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether the spec broke no rule.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The diagnostics to show: the first [`diagnostic::MAX_SHOWN`], then one that counts the
    /// rest.
    #[must_use]
    pub fn shown(&self) -> Vec<Diagnostic> {
        diagnostic::shown(&self.diagnostics)
    }
}

/// Parses and validates the spec `text`, named `file` in messages. Never panics.
#[must_use]
pub fn check(file: &str, text: &str) -> Checked {
    check_rows(file, text, validate::Rows::Required)
}

/// Like [`check`], for a table being started: a spec with its `[api]` header and no rows yet
/// breaks no rule. The `nexus-errors` command imports rows into such a spec.
#[must_use]
pub fn check_allowing_no_rows(file: &str, text: &str) -> Checked {
    check_rows(file, text, validate::Rows::Optional)
}

fn check_rows(file: &str, text: &str, rows: validate::Rows) -> Checked {
    let mut diagnostics = diagnostic::Diagnostics::new(file, text);
    let raw = parse::parse(text, &mut diagnostics);
    let table = validate::validate(raw, rows, &mut diagnostics);
    Checked {
        table,
        diagnostics: diagnostics.finish(),
    }
}
