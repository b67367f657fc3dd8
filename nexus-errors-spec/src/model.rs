//! The validated table: what the proc macro turns into Rust and the CLI compares with a page.

/// A spec that passed validation, or the best-effort skeleton of one that did not.
///
/// The skeleton keeps every row whose name is usable, with unusable values replaced, so the
/// macro can still emit the items and the user sees the spec's errors rather than a cascade
/// of errors about missing items.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The `[api]` header.
    pub api: Api,
    /// The rows, in the spec's order.
    pub rows: Vec<Row>,
}

/// The spec's `[api]` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Api {
    /// The API's name, as its documentation gives it; empty in a skeleton without one.
    pub name: String,
    /// Where the documentation lives, if the spec says.
    pub source: Option<String>,
    /// Whether codes must begin with their status (`4011` is a 401); true unless the spec
    /// says `codes_start_with_status = false`.
    pub codes_start_with_status: bool,
}

impl Default for Api {
    fn default() -> Self {
        Api {
            name: String::new(),
            source: None,
            codes_start_with_status: true,
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The variant name: it passed [`crate::name::check`] and is unique in the table.
    pub name: String,
    /// The documented code; unique in the table when present.
    pub code: Option<u16>,
    /// The HTTP status, in 400..=599.
    pub status: u16,
    /// The status text, the standard reason phrase where the status has one.
    pub status_text: String,
    /// The description, word for word; may be empty.
    pub description: String,
    /// The notes under the row.
    pub notes: Vec<String>,
    /// 1-based line of the row's `[[error]]` header; `None` for a row that is not in a spec
    /// file yet (one an import is about to add).
    pub line: Option<usize>,
}

/// A column of a row: every key of `[[error]]` but `name`, which is the row itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// `code`.
    Code,
    /// `status`.
    Status,
    /// `status_text`.
    StatusText,
    /// `description`.
    Description,
    /// `notes`.
    Notes,
}

impl Column {
    /// Every column, in the order a row is written.
    pub const ALL: [Column; 5] = [
        Column::Code,
        Column::Status,
        Column::StatusText,
        Column::Description,
        Column::Notes,
    ];

    /// The column's key in `[[error]]`.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Column::Code => "code",
            Column::Status => "status",
            Column::StatusText => "status_text",
            Column::Description => "description",
            Column::Notes => "notes",
        }
    }
}

impl std::fmt::Display for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// Whether `code` begins with `status` (4011 is a 401): the convention a table follows unless
/// its `[api]` says `codes_start_with_status = false`.
#[must_use]
pub fn code_starts_with_status(code: u16, status: u16) -> bool {
    code.to_string().starts_with(&status.to_string())
}

impl Row {
    /// What `Display` of the generated enum prints, e.g.
    /// `400 Bad Request [4001]: Required params missing.`
    #[must_use]
    pub fn display(&self) -> String {
        let mut out = format!("{} {}", self.status, self.status_text);
        if let Some(code) = self.code {
            out.push_str(&format!(" [{code}]"));
        }
        if !self.description.is_empty() {
            out.push_str(": ");
            out.push_str(&self.description);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: Option<u16>, description: &str) -> Row {
        Row {
            name: "X".into(),
            code,
            status: 429,
            status_text: "Too Many Requests".into(),
            description: description.into(),
            notes: vec![],
            line: Some(1),
        }
    }

    #[test]
    fn display_includes_code_and_description_when_present() {
        assert_eq!(
            row(Some(4290), "Slow down.").display(),
            "429 Too Many Requests [4290]: Slow down."
        );
        assert_eq!(
            row(None, "Slow down.").display(),
            "429 Too Many Requests: Slow down."
        );
        assert_eq!(row(None, "").display(), "429 Too Many Requests");
    }

    #[test]
    fn a_code_starts_with_its_status_digit_for_digit() {
        assert!(code_starts_with_status(4011, 401));
        assert!(code_starts_with_status(401, 401));
        assert!(!code_starts_with_status(1001, 402));
        assert!(!code_starts_with_status(4101, 401));
    }

    #[test]
    fn column_keys_are_the_spec_format_keys() {
        let keys: Vec<&str> = Column::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(
            keys,
            ["code", "status", "status_text", "description", "notes"]
        );
        assert_eq!(Column::StatusText.to_string(), "status_text");
    }
}
