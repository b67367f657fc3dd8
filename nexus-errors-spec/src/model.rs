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
    /// Whether integer codes must begin with their status (`4011` is a 401); true unless the
    /// spec says `codes_start_with_status = false`. Text codes are never checked.
    pub codes_start_with_status: bool,
    /// Where an error body keeps its code and message: `body` in the spec, a preset by
    /// default.
    pub body: Body,
}

/// Where an error body keeps its code and its message: the `[api]` key `body`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// One of the shapes the runtime names: `body = "problem-details"`.
    Preset(Preset),
    /// JSON Pointers (RFC 6901), tried in order: `body = { code = [...], message = [...] }`.
    Pointers {
        /// Where the code may be, in order.
        code: Vec<Pointer>,
        /// Where the message may be, in order.
        message: Vec<Pointer>,
    },
}

/// Without a `body` key, the Nexus shapes: the table this crate was made for.
impl Default for Body {
    fn default() -> Self {
        Body::Preset(Preset::Nexus)
    }
}

/// A body shape the runtime names, one per common convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// `{"error":{"code","message"}}`, `{"code","message"}`, `{"error":"message"}`.
    Nexus,
    /// RFC 9457 problem details.
    ProblemDetails,
    /// RFC 6749 section 5.2 error responses.
    OAuth,
    /// A flat object with `code`/`error_code`/`errorCode` and `message`/`error_message`/`errorMessage`.
    Flat,
}

impl Preset {
    /// Every preset, in the order the documentation lists them.
    pub const ALL: [Preset; 4] = [
        Preset::Nexus,
        Preset::ProblemDetails,
        Preset::OAuth,
        Preset::Flat,
    ];

    /// The preset's name in the spec: `body = "oauth"`.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Preset::Nexus => "nexus",
            Preset::ProblemDetails => "problem-details",
            Preset::OAuth => "oauth",
            Preset::Flat => "flat",
        }
    }

    /// The preset a spec names, if any.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| preset.key() == key)
    }
}

/// A JSON Pointer as its reference tokens, unescaped (`/a~1b` is `["a/b"]`).
pub type Pointer = Vec<String>;

/// A documented error code: the spec's TOML integer or string. One table has one kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// `code = 4011`.
    Integer(i64),
    /// `code = "card_declined"`.
    Text(String),
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Code::Integer(code) => write!(f, "{code}"),
            Code::Text(code) => f.write_str(code),
        }
    }
}

impl Default for Api {
    fn default() -> Self {
        Api {
            name: String::new(),
            source: None,
            codes_start_with_status: true,
            body: Body::default(),
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The variant name: it passed [`crate::name::check`] and is unique in the table.
    pub name: String,
    /// The documented code, of the table's one kind; several rows may share it.
    pub code: Option<Code>,
    /// The HTTP status, in 300..=599.
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

/// Whether an integer `code` begins with `status` (4011 is a 401): the convention an integer
/// table follows unless its `[api]` says `codes_start_with_status = false`.
#[must_use]
pub fn code_starts_with_status(code: i64, status: u16) -> bool {
    code.to_string().starts_with(&status.to_string())
}

impl Row {
    /// What `Display` of the generated enum prints, e.g.
    /// `400 Bad Request [4001]: Required params missing.`
    #[must_use]
    pub fn display(&self) -> String {
        let mut out = format!("{} {}", self.status, self.status_text);
        if let Some(code) = &self.code {
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

    fn row(code: Option<i64>, description: &str) -> Row {
        Row {
            name: "X".into(),
            code: code.map(Code::Integer),
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
        let mut text = row(None, "Slow down.");
        text.code = Some(Code::Text("rate_limited".into()));
        assert_eq!(
            text.display(),
            "429 Too Many Requests [rate_limited]: Slow down."
        );
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
