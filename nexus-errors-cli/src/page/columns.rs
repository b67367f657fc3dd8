//! Stage 3 of reading a page: which table is the error table, and which of its columns holds
//! what, told by what the columns mean: their headers, and their cells.
//!
//! Cells decide where headers cannot: the status column is the one whose cells are statuses,
//! wherever it stands and whatever its header says; a column headed "Status Code" that holds
//! the API's own codes next to it is the code column; a `Description` column that only
//! repeats the reason phrase, next to a column that explains the error, is the status text.
//! Headers are read as what they say: `Stripe error code`, `"Message"` and `ERROR CODE:` are
//! a code, a message and a code.

use super::blocks::Table;
use super::cells::{self, reason_phrase, statuses};

/// Where each column of the error table is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The error code, when the table has one.
    pub code: Option<usize>,
    /// The column the HTTP status is read from.
    pub status: usize,
    /// A separate status-text column (`Bad Request`), when the table has one.
    pub status_text: Option<usize>,
    /// The description.
    pub description: usize,
    /// The other columns (what to do, retry, causes), whose cells become the row's notes.
    pub notes: Vec<usize>,
}

/// Why a table is not the error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotErrors {
    /// No column's cells are HTTP statuses (a table of the body's fields, say).
    NoStatus,
    /// Its statuses are all below 300: a table of success codes.
    Success,
    /// Nothing but the code and the status: no column says what the error is.
    NoDescription,
}

impl NotErrors {
    /// Why, in a sentence's words.
    pub fn why(self) -> &'static str {
        match self {
            NotErrors::NoStatus => "no column holds HTTP statuses",
            NotErrors::Success => "its statuses are all success statuses (below 300)",
            NotErrors::NoDescription => "no column says what the error is",
        }
    }
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Code,
    HttpStatus,
    StatusText,
    Description,
    /// What to do about the error: the description only where nothing else explains it.
    Action,
}

/// Header names, lowercased with words of letters and digits, and the role each gives its
/// column. A header is the longest of these it ends with, so a vendor's name in front
/// (`Stripe error code`) does not matter, and `status code` is not a `code`.
const NAMES: &[(&str, Role)] = &[
    ("code", Role::Code),
    ("codes", Role::Code),
    ("error", Role::Code),
    ("errorcode", Role::Code),
    ("error code", Role::Code),
    ("error codes", Role::Code),
    ("error id", Role::Code),
    ("error type", Role::Code),
    ("id", Role::Code),
    ("http", Role::HttpStatus),
    ("http code", Role::HttpStatus),
    ("httpcode", Role::HttpStatus),
    ("http status", Role::HttpStatus),
    ("http status code", Role::HttpStatus),
    ("http status codes", Role::HttpStatus),
    ("http response code", Role::HttpStatus),
    ("status code", Role::HttpStatus),
    ("status codes", Role::HttpStatus),
    ("response code", Role::HttpStatus),
    ("status", Role::StatusText),
    ("status text", Role::StatusText),
    ("reason", Role::StatusText),
    ("reason phrase", Role::StatusText),
    ("description", Role::Description),
    ("message", Role::Description),
    ("explanation", Role::Description),
    ("details", Role::Description),
    ("detail", Role::Description),
    ("meaning", Role::Description),
    ("cause", Role::Description),
    ("causes", Role::Description),
    ("common cause", Role::Description),
    ("common causes", Role::Description),
    ("action", Role::Action),
    ("solution", Role::Action),
    ("resolution", Role::Action),
    ("what to do", Role::Action),
    ("how to fix", Role::Action),
    ("fix", Role::Action),
    ("recommendation", Role::Action),
    ("suggestion", Role::Action),
    ("handling", Role::Action),
    ("retry", Role::Action),
    ("retryable", Role::Action),
];

/// The words of a header: quotes, emphasis and punctuation gone, lowercase.
fn header_words(header: &str) -> Vec<String> {
    header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn role(header: &str) -> Option<Role> {
    let words = header_words(header);
    NAMES
        .iter()
        .filter(|(name, _)| {
            let name: Vec<&str> = name.split(' ').collect();
            words.len() >= name.len() && words[words.len() - name.len()..] == name[..]
        })
        .max_by_key(|(name, _)| name.len())
        .map(|(_, role)| *role)
}

/// The columns of `table` when it is an error table, else why it is not.
pub fn identify(table: &Table) -> Result<Columns, NotErrors> {
    let width = table.header.len();
    let roles: Vec<Option<Role>> = table.header.iter().map(|h| role(h)).collect();
    let column = |index: usize| -> Vec<&str> {
        table
            .rows
            .iter()
            .filter_map(|row| row.cells.get(index).map(|cell| cell.trim()))
            .filter(|cell| !cell.is_empty())
            .collect()
    };
    let status = status_column(table, &roles).ok_or(NotErrors::NoStatus)?;
    let error_statuses = column(status)
        .into_iter()
        .flat_map(|cell| statuses(cell).0)
        .any(|status| status >= 300);
    if !error_statuses {
        return Err(NotErrors::Success);
    }
    let mut free: Vec<usize> = (0..width)
        .filter(|&i| i != status && !column(i).is_empty())
        .collect();
    let row_statuses: Vec<Option<u16>> = table
        .rows
        .iter()
        .map(|row| {
            row.cells
                .get(status)
                .and_then(|cell| statuses(cell).0.first().copied())
        })
        .collect();
    let repeats_reason = |index: usize| repeats_reason_phrase(table, index, &row_statuses);
    let code = code_column(&free, &roles, &column, &repeats_reason);
    free.retain(|&i| Some(i) != code);
    let by_header = free
        .iter()
        .copied()
        .find(|&i| roles[i] == Some(Role::StatusText));
    // A column that only repeats the reason phrase is the status text, unless it is the only
    // column left to describe the error.
    let status_text = by_header.or_else(|| {
        let repeating = free.iter().copied().find(|&i| repeats_reason(i))?;
        (free.len() > 1).then_some(repeating)
    });
    free.retain(|&i| Some(i) != status_text);

    let description = free
        .iter()
        .copied()
        .find(|&i| roles[i] == Some(Role::Description))
        .or_else(|| {
            free.iter()
                .copied()
                .find(|&i| roles[i] != Some(Role::Action))
        })
        .or_else(|| free.first().copied())
        .ok_or(NotErrors::NoDescription)?;
    free.retain(|&i| i != description);
    Ok(Columns {
        code,
        status,
        status_text,
        description,
        notes: free,
    })
}

/// The column whose cells are statuses: at least half of its cells start with a status or
/// end with one in parentheses, not counting rows that fill only that cell (a category such
/// as `4xx Client errors`, or an item of a list that goes on from the row before). Where
/// several columns are, the header decides, then the first.
fn status_column(table: &Table, roles: &[Option<Role>]) -> Option<usize> {
    let rank = |role: Option<Role>| match role {
        Some(Role::HttpStatus) => 0,
        Some(Role::StatusText) => 1,
        None => 2,
        Some(Role::Code) => 3,
        Some(Role::Description | Role::Action) => 4,
    };
    let filled = |cell: &String| !cell.trim().is_empty();
    (0..table.header.len())
        .filter(|&i| {
            let own: Vec<(&str, bool)> = table
                .rows
                .iter()
                .filter(|row| row.cells.get(i).is_some_and(filled))
                .map(|row| {
                    let others = row
                        .cells
                        .iter()
                        .enumerate()
                        .any(|(j, c)| j != i && filled(c));
                    (row.cells[i].as_str(), others)
                })
                .collect();
            let with_others: Vec<&str> = own.iter().filter(|c| c.1).map(|c| c.0).collect();
            let cells = if with_others.is_empty() {
                own.iter().map(|c| c.0).collect()
            } else {
                with_others
            };
            let numbered = cells.iter().filter(|c| !statuses(c).0.is_empty()).count();
            numbered > 0 && numbered * 2 >= cells.len()
        })
        .min_by_key(|&i| (rank(roles[i]), i))
}

/// The code column among `free` ones: one headed as a code, else one headed as a status code
/// (the status is elsewhere, so it holds the API's codes), else one whose cells are all words
/// or numbers without spaces. Most of its cells must read as codes, and they must not be the
/// reason phrases (`Error: Unauthorized`).
fn code_column<'a>(
    free: &[usize],
    roles: &[Option<Role>],
    column: &impl Fn(usize) -> Vec<&'a str>,
    repeats_reason: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let reads_as_codes = |i: usize, all: bool| {
        let cells = column(i);
        let codes = cells.iter().filter(|c| cells::code(c).is_ok()).count();
        if all {
            codes == cells.len()
        } else {
            codes * 2 >= cells.len()
        }
    };
    // Codes have no spaces: a column with reason phrases of several words holds the phrases,
    // though `not_found` and `Conflict` are words of both.
    let phrases = |i: usize| {
        repeats_reason(i)
            && column(i)
                .iter()
                .any(|cell| cell.contains(char::is_whitespace))
    };
    let headed = |wanted: Role| {
        free.iter()
            .copied()
            .find(|&i| roles[i] == Some(wanted) && reads_as_codes(i, false) && !phrases(i))
    };
    headed(Role::Code)
        .or_else(|| headed(Role::HttpStatus))
        .or_else(|| {
            free.iter()
                .copied()
                .find(|&i| roles[i].is_none() && reads_as_codes(i, true) && !repeats_reason(i))
        })
}

/// Whether the cells of column `index` only repeat the reason phrase of their row's status:
/// at least half are it (in either spelling, `Bad Request` or `BadRequest`), and the rest are
/// as short as one.
fn repeats_reason_phrase(table: &Table, index: usize, statuses: &[Option<u16>]) -> bool {
    let mut exact = 0;
    let mut cells = 0;
    for (row, status) in table.rows.iter().zip(statuses) {
        let Some(cell) = row.cells.get(index).map(|c| c.trim()) else {
            continue;
        };
        if cell.is_empty() {
            continue;
        }
        cells += 1;
        let reason = status.and_then(reason_phrase);
        if reason.is_some_and(|reason| squeeze(reason) == squeeze(cell)) {
            exact += 1;
        } else if !reason_like(cell) {
            return false;
        }
    }
    cells > 0 && exact * 2 >= cells
}

/// Whether `cell` is as short as a reason phrase: at most four words, not a sentence.
fn reason_like(cell: &str) -> bool {
    cell.split_whitespace().count() <= 4 && !cell.ends_with('.')
}

/// Lowercase letters and digits only: `Bad Request` and `BadRequest` are alike.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests;
