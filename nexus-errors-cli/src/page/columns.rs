//! Stage 3 of reading a page: which table is the error table, and which of its columns holds
//! what, told by the header cells.

use super::blocks::Table;
use super::cells::leading_statuses;

/// Where each column of the error table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The error code, when the table has one.
    pub code: Option<usize>,
    /// The column the HTTP status is read from: an HTTP-status column, or else a status-text
    /// column whose cells start with the number (`409 Conflict`).
    pub status: usize,
    /// A separate status-text column (`Bad Request`), when the table has one.
    pub status_text: Option<usize>,
    /// The description.
    pub description: usize,
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Code,
    HttpStatus,
    StatusText,
    Description,
}

/// Header names, lowercased with single spaces, and the role each gives its column.
const NAMES: &[(&str, Role)] = &[
    ("code", Role::Code),
    ("error code", Role::Code),
    ("http status", Role::HttpStatus),
    ("http status code", Role::HttpStatus),
    ("status code", Role::HttpStatus),
    ("status", Role::StatusText),
    ("status text", Role::StatusText),
    ("reason", Role::StatusText),
    ("description", Role::Description),
    ("error description", Role::Description),
    ("message", Role::Description),
    ("explanation", Role::Description),
];

fn role(header: &str) -> Option<Role> {
    let name = header
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let name = name.trim_end_matches(':');
    NAMES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, role)| *role)
}

/// The columns of `table` when it is an error table: it needs a status column and a
/// description column. The first column of each role counts.
pub fn identify(table: &Table) -> Option<Columns> {
    let find = |wanted: Role| table.header.iter().position(|h| role(h) == Some(wanted));
    let description = find(Role::Description)?;
    let code = find(Role::Code);
    let text = find(Role::StatusText);
    match find(Role::HttpStatus) {
        Some(status) => Some(Columns {
            code,
            status,
            status_text: text,
            description,
        }),
        None => {
            let status = text?;
            let numbered = table
                .rows
                .iter()
                .any(|row| !leading_statuses(&row.cells[status]).0.is_empty());
            numbered.then_some(Columns {
                code,
                status,
                status_text: None,
                description,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::blocks::TableRow;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|cells| TableRow {
                    cells: cells.iter().map(|c| (*c).to_owned()).collect(),
                    line: 1,
                })
                .collect(),
        }
    }

    #[test]
    fn the_nexus_header_is_recognised() {
        let t = table(
            &[
                "Error Code",
                "HTTP Status Code",
                "Status",
                "Error Description",
            ],
            &[],
        );
        assert_eq!(
            identify(&t),
            Some(Columns {
                code: Some(0),
                status: 1,
                status_text: Some(2),
                description: 3
            })
        );
    }

    #[test]
    fn names_match_case_insensitively_with_synonyms() {
        for (status, description) in [
            ("http status", "MESSAGE"),
            ("Status code", "Explanation"),
            ("HTTP  Status", "description:"),
        ] {
            let t = table(&["code", status, description], &[]);
            assert_eq!(
                identify(&t).map(|c| (c.code, c.status, c.description)),
                Some((Some(0), 1, 2)),
                "{status} / {description}"
            );
        }
        let t = table(&["Code", "Reason", "Status Code", "Message"], &[]);
        assert_eq!(identify(&t).map(|c| c.status_text), Some(Some(1)));
    }

    #[test]
    fn a_status_text_column_is_the_status_when_its_cells_start_with_numbers() {
        let t = table(&["Status", "Explanation"], &[&["409 Conflict", "x"]]);
        assert_eq!(
            identify(&t),
            Some(Columns {
                code: None,
                status: 0,
                status_text: None,
                description: 1
            })
        );
        let words = table(&["Status", "Explanation"], &[&["Conflict", "x"]]);
        assert_eq!(identify(&words), None);
    }

    #[test]
    fn a_table_without_status_or_description_is_not_an_error_table() {
        assert_eq!(identify(&table(&["Code", "Description"], &[])), None);
        assert_eq!(identify(&table(&["HTTP Status", "Notes"], &[])), None);
        assert_eq!(identify(&table(&["Parameter", "Type"], &[])), None);
    }
}
