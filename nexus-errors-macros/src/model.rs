//! The validated table: what `expand` turns into Rust. Every value here has passed `validate`.

/// A spec that passed validation, or the best-effort skeleton of one that did not.
#[derive(Debug, Clone)]
pub struct Table {
    /// The spec path as the user wrote it.
    pub file: String,
    /// The path read, for the `include_bytes!` rebuild tie; `None` if it could not be read.
    pub resolved: Option<String>,
    pub api_name: String,
    pub source: Option<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// The variant name: a valid, non-keyword Rust identifier, unique in the table.
    pub name: String,
    /// Unique in the table when present.
    pub code: Option<u16>,
    /// In 400..=599.
    pub status: u16,
    pub status_text: String,
    pub description: String,
    pub notes: Vec<String>,
    /// 1-based line of the row's `[[error]]` header.
    pub line: usize,
}

impl Row {
    /// What `Display` prints, e.g. `400 Bad Request [4001]: Required params missing.`
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
            line: 1,
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
}
