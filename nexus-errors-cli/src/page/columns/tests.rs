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
        line: 1,
    }
}

fn found(header: &[&str], rows: &[&[&str]]) -> Columns {
    identify(&table(header, rows)).expect("an error table")
}

#[test]
fn the_nexus_header_is_recognised() {
    let columns = found(
        &[
            "Error Code",
            "HTTP Status Code",
            "Status",
            "Error Description",
        ],
        &[&["4011", "401", "Unauthorized", "Expired."]],
    );
    assert_eq!(
        columns,
        Columns {
            code: Some(0),
            status: 1,
            status_text: Some(2),
            description: 3,
            notes: vec![],
        }
    );
}

#[test]
fn headers_are_read_as_what_they_say() {
    for header in [
        ["code", "http status", "MESSAGE"],
        ["Stripe error code", "Status code", "Explanation"],
        ["\"Code\"", "HTTP  Status", "description:"],
        ["ERROR", "HTTP CODE", "DETAILS"],
        ["Error code", "HTTP status code", "User message"],
    ] {
        let columns = found(&header, &[&["x1", "404", "Gone."]]);
        assert_eq!(
            (columns.code, columns.status, columns.description),
            (Some(0), 1, 2),
            "{header:?}"
        );
    }
}

#[test]
fn the_status_column_is_the_one_whose_cells_are_statuses_wherever_it_stands() {
    let last = found(
        &["Error", "Description", "Status"],
        &[
            &["not_found", "No such thing.", "404"],
            &["gone", "Gone.", "410"],
        ],
    );
    assert_eq!((last.code, last.status, last.description), (Some(0), 2, 1));
    let in_parentheses = found(
        &["Error code", "HTTP status code", "User message"],
        &[&["ConditionNotMet", "Precondition Failed (412)", "x"]],
    );
    assert_eq!(in_parentheses.status, 1);
    let unnamed = found(
        &["Code", "Name", "Common Cause"],
        &[&["400", "Bad Request", "x"]],
    );
    assert_eq!(
        (
            unnamed.code,
            unnamed.status,
            unnamed.status_text,
            unnamed.description
        ),
        (None, 0, Some(1), 2)
    );
}

#[test]
fn a_status_code_column_of_the_apis_codes_beside_the_http_status_is_the_code() {
    let columns = found(
        &["Status Code", "Http Status code", "Description"],
        &[
            &["200", "200", "Success"],
            &["4001", "400", "Bad id."],
            &["4022", "401", "Bad key."],
        ],
    );
    assert_eq!((columns.code, columns.status), (Some(0), 1));
}

#[test]
fn a_description_that_repeats_the_reason_phrase_yields_to_the_prose_column() {
    let columns = found(
        &["Code", "Description", "Common causes"],
        &[
            &["400", "Bad Request", "Missing required fields"],
            &["401", "Unauthorized", "Missing or invalid API key"],
            &["500", "Internal Error", "Server-side error"],
        ],
    );
    assert_eq!(
        (columns.status, columns.status_text, columns.description),
        (0, Some(1), 2)
    );
    // With nothing else to describe the error, it stays the description.
    let alone = found(&["Status Code", "Description"], &[&["400", "Bad Request"]]);
    assert_eq!((alone.status_text, alone.description), (None, 1));
}

#[test]
fn other_columns_are_notes_and_what_to_do_describes_only_when_nothing_else_does() {
    let columns = found(
        &[
            "Status Code",
            "Error Code",
            "Error Message",
            "Solution",
            "Retry?",
        ],
        &[&["400", "E.1", "Bad.", "Fix it.", "No"]],
    );
    assert_eq!((columns.description, columns.notes), (2, vec![3, 4]));
    let action = found(
        &["Code", "Status", "Action"],
        &[&["500", "Internal Server Error", "Retry"]],
    );
    assert_eq!((action.status_text, action.description), (Some(1), 2));
}

#[test]
fn a_status_text_column_is_the_status_when_its_cells_start_with_numbers() {
    let columns = found(&["Status", "Explanation"], &[&["409 Conflict", "x"]]);
    assert_eq!(
        (columns.status, columns.status_text, columns.description),
        (0, None, 1)
    );
}

#[test]
fn tables_that_are_not_error_tables_say_why() {
    let fields = table(
        &["Field", "Type", "Description"],
        &[&["errors[].code", "string", "Stable code."]],
    );
    assert_eq!(identify(&fields), Err(NotErrors::NoStatus));
    let success = table(&["Code", "Name"], &[&["200", "OK"], &["201", "Created"]]);
    assert_eq!(identify(&success), Err(NotErrors::Success));
    let bare = table(&["Status"], &[&["404"]]);
    assert_eq!(identify(&bare), Err(NotErrors::NoDescription));
    let words = table(&["Status", "Explanation"], &[&["Conflict", "x"]]);
    assert_eq!(identify(&words), Err(NotErrors::NoStatus));
}

#[test]
fn a_code_header_over_reason_phrases_is_the_status_text() {
    let columns = found(
        &["Status", "Error", "Description"],
        &[
            &["400", "Bad Request", "Bad."],
            &["401", "Unauthorized", "Who?"],
            &["403", "Forbidden", "No."],
            &["404", "Not Found", "Gone."],
        ],
    );
    assert_eq!(
        (columns.code, columns.status_text, columns.description),
        (None, Some(1), 2)
    );
}
