use super::*;

use crate::test_rows::{page_row as page, spec_row as spec};

fn specs() -> Vec<Row> {
    vec![
        spec(
            "RequiredParamsMissing",
            Some(4001),
            400,
            "Bad Request",
            "Required params missing.",
        ),
        spec(
            "InvalidDateRange",
            None,
            400,
            "Bad Request",
            "The date range provided was invalid.",
        ),
        spec(
            "InvalidApiToken",
            None,
            401,
            "Unauthorized",
            "Invalid API token.",
        ),
    ]
}

/// The page that `specs()` was made from.
fn pages() -> Vec<PageRow> {
    specs()
        .into_iter()
        .map(|s| PageRow {
            code: s.code.clone(),
            ..page(None, s.status, &s.status_text, &s.description)
        })
        .collect()
}

fn names(merged: &Merged) -> Vec<&str> {
    merged.entries.iter().map(|e| e.row.name.as_str()).collect()
}

#[test]
fn the_page_the_spec_came_from_changes_nothing() {
    let merged = merge(&pages(), &specs(), false);
    assert!(!differs(&merged));
    assert_eq!(impact(&merged), Impact::None);
    let rows: Vec<Row> = merged.entries.into_iter().map(|e| e.row).collect();
    assert_eq!(rows, specs());
}

#[test]
fn whitespace_only_differences_keep_the_specs_spelling() {
    let mut specs = specs();
    specs[1].notes = vec!["The provided external_guid value exists.".into()];
    let mut pages = pages();
    pages[1].description = "The date range\nprovided was invalid.".into();
    pages[1].notes = vec!["The provided external_guidvalue exists.".into()];
    let merged = merge(&pages, &specs, false);
    assert!(!differs(&merged));
    assert_eq!(merged.entries[1].row, specs[1]);
}

#[test]
fn a_reworded_description_is_a_patch_that_keeps_the_name() {
    let mut pages = pages();
    pages[0].description = "Required parameters are missing.".into();
    let merged = merge(&pages, &specs(), false);
    let entry = &merged.entries[0];
    assert_eq!(entry.row.name, "RequiredParamsMissing");
    assert_eq!(entry.row.description, "Required parameters are missing.");
    assert!(
        matches!(&entry.origin, Origin::Matched { changes, .. } if changes == &[Column::Description])
    );
    assert_eq!(impact(&merged), Impact::Patch);
}

#[test]
fn new_rows_with_and_without_a_code_are_a_minor_change_in_page_order() {
    let mut pages = pages();
    pages.insert(
        1,
        page(Some(4090), 409, "Conflict", "The record already exists."),
    );
    pages.push(page(
        None,
        400,
        "Bad Request",
        "The page size is too large.",
    ));
    let merged = merge(&pages, &specs(), false);
    assert_eq!(
        names(&merged),
        vec![
            "RequiredParamsMissing",
            "RecordAlreadyExists",
            "InvalidDateRange",
            "InvalidApiToken",
            "PageSizeTooLarge",
        ]
    );
    assert!(matches!(
        merged.entries[1].origin,
        Origin::Added { page: 1, .. }
    ));
    assert_eq!(impact(&merged), Impact::Minor);
}

#[test]
fn a_removed_row_is_kept_in_place_unless_pruned() {
    let mut pages = pages();
    pages.remove(1);
    let kept = merge(&pages, &specs(), false);
    assert_eq!(
        names(&kept),
        vec![
            "RequiredParamsMissing",
            "InvalidDateRange",
            "InvalidApiToken"
        ]
    );
    assert_eq!(kept.gone, vec![1]);
    assert!(matches!(kept.entries[1].origin, Origin::Kept { spec: 1 }));
    assert!(differs(&kept));
    assert_eq!(impact(&kept), Impact::None);

    let pruned = merge(&pages, &specs(), true);
    assert_eq!(
        names(&pruned),
        vec!["RequiredParamsMissing", "InvalidApiToken"]
    );
    assert_eq!(impact(&pruned), Impact::Major);
}

#[test]
fn reordered_rows_follow_the_page_and_only_the_moved_row_is_marked() {
    let mut pages = pages();
    let last = pages.pop().expect("a row");
    pages.insert(0, last);
    let merged = merge(&pages, &specs(), false);
    assert_eq!(
        names(&merged),
        vec![
            "InvalidApiToken",
            "RequiredParamsMissing",
            "InvalidDateRange"
        ]
    );
    let moved: Vec<bool> = merged
        .entries
        .iter()
        .map(|e| matches!(e.origin, Origin::Matched { moved: true, .. }))
        .collect();
    assert_eq!(moved, vec![true, false, false]);
    assert_eq!(impact(&merged), Impact::Patch);
}

#[test]
fn a_code_added_to_an_uncoded_row_changes_that_row_and_is_major() {
    let mut pages = pages();
    pages[1].code = Some(nexus_errors_spec::Code::Integer(4004));
    let merged = merge(&pages, &specs(), false);
    assert!(merged.gone.is_empty());
    assert_eq!(merged.entries[1].row.name, "InvalidDateRange");
    assert_eq!(
        merged.entries[1].row.code,
        Some(nexus_errors_spec::Code::Integer(4004))
    );
    assert!(
        matches!(&merged.entries[1].origin, Origin::Matched { changes, .. } if changes == &[Column::Code])
    );
    assert_eq!(impact(&merged), Impact::Major);
}

#[test]
fn changed_notes_are_a_patch() {
    let mut pages = pages();
    pages[2].notes = vec!["Check the token.".into()];
    let merged = merge(&pages, &specs(), false);
    assert_eq!(merged.entries[2].row.notes, vec!["Check the token."]);
    assert_eq!(impact(&merged), Impact::Patch);
}

#[test]
fn longest_increasing_keeps_the_most_rows_in_place() {
    let kept = longest_increasing(&[3, 0, 1, 2, 5, 4]);
    assert_eq!(kept.len(), 4);
    assert!([0, 1, 2].iter().all(|i| kept.contains(i)));
    assert!(!kept.contains(&3));
}
