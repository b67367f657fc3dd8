//! Rows for the unit tests of the merge and the writer: a page row and a spec row from their
//! columns, with everything else empty.

use nexus_errors_spec::{Code, Row};

use crate::page::PageRow;

/// A page row on line 1, its status text as the page gives it.
pub fn page_row(code: Option<u16>, status: u16, text: &str, description: &str) -> PageRow {
    PageRow {
        code: code.map(|code| Code::Integer(code.into())),
        status,
        status_text: text.into(),
        page_status_text: None,
        description: description.into(),
        notes: vec![],
        line: 1,
    }
}

/// A spec row without notes.
pub fn spec_row(name: &str, code: Option<u16>, status: u16, text: &str, description: &str) -> Row {
    Row {
        name: name.into(),
        code: code.map(|code| Code::Integer(code.into())),
        status,
        status_text: text.into(),
        description: description.into(),
        notes: vec![],
        line: None,
    }
}
