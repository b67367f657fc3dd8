//! Which spec row each page row is. A row's code identifies it when it has one (with its
//! status and description where one code is on several rows); a row without one is told by
//! its status and description. Rows left over are tried again more loosely, so
//! that a code added to (or dropped from) a row, or a coded row whose status moved, is a change
//! of that row rather than a removal and an addition.

use nexus_errors_spec::Row;

use super::same_text::same_text;
use crate::page::PageRow;

/// One way a page row can be a spec row.
type Rule = fn(&PageRow, &Row) -> bool;

/// For each page row, the index of the spec row it is, if any. Each spec row is used once.
pub fn match_rows(page: &[PageRow], spec: &[Row]) -> Vec<Option<usize>> {
    let mut matches = vec![None; page.len()];
    let mut used = vec![false; spec.len()];
    let passes: [Rule; 5] = [
        // The rules: by (code, status, description) first, so the rows of a code repeated
        // under one status find their own …
        |p, s| {
            p.code.is_some()
                && p.code == s.code
                && p.status == s.status
                && same_text(&p.description, &s.description)
        },
        // … then by (code, status) when the page row has a code …
        |p, s| p.code.is_some() && p.code == s.code && p.status == s.status,
        // … else by (status, description).
        |p, s| {
            p.code.is_none() && p.status == s.status && same_text(&p.description, &s.description)
        },
        // Fallbacks for rows still unmatched: the code was added, dropped or changed …
        |p, s| p.status == s.status && same_text(&p.description, &s.description),
        // … or the status of a coded row changed.
        |p, s| p.code.is_some() && p.code == s.code,
    ];
    for pass in passes {
        for (index, row) in page.iter().enumerate() {
            if matches[index].is_some() {
                continue;
            }
            let found = spec
                .iter()
                .enumerate()
                .position(|(i, s)| !used[i] && pass(row, s));
            if let Some(found) = found {
                used[found] = true;
                matches[index] = Some(found);
            }
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rows::{page_row, spec_row};

    fn page(code: Option<u16>, status: u16, description: &str) -> PageRow {
        page_row(code, status, "", description)
    }

    fn spec(name: &str, code: Option<u16>, status: u16, description: &str) -> Row {
        spec_row(name, code, status, "", description)
    }

    #[test]
    fn coded_rows_match_by_code_and_status_whatever_their_description() {
        let specs = [
            spec("A", Some(4001), 400, "Old."),
            spec("B", Some(4002), 400, "x"),
        ];
        let pages = [page(Some(4002), 400, "x"), page(Some(4001), 400, "New.")];
        assert_eq!(match_rows(&pages, &specs), vec![Some(1), Some(0)]);
    }

    #[test]
    fn uncoded_rows_match_by_status_and_description_with_the_whitespace_rule() {
        let specs = [
            spec("A", None, 400, "The provided external_guid value."),
            spec("B", None, 401, "The provided external_guid value."),
        ];
        let pages = [page(None, 401, "The provided external_guidvalue.")];
        assert_eq!(match_rows(&pages, &specs), vec![Some(1)]);
    }

    #[test]
    fn a_code_added_to_an_uncoded_row_is_the_same_row() {
        let specs = [spec("A", None, 400, "Bad date.")];
        assert_eq!(
            match_rows(&[page(Some(4005), 400, "Bad date.")], &specs),
            vec![Some(0)]
        );
    }

    #[test]
    fn a_coded_row_whose_status_moved_is_the_same_row() {
        let specs = [spec("A", Some(4011), 401, "Expired.")];
        assert_eq!(
            match_rows(&[page(Some(4011), 403, "Gone.")], &specs),
            vec![Some(0)]
        );
    }

    #[test]
    fn a_reworded_uncoded_row_and_new_rows_match_nothing() {
        let specs = [spec("A", None, 400, "Old words.")];
        let pages = [
            page(None, 400, "New words."),
            page(Some(4009), 400, "Other."),
        ];
        assert_eq!(match_rows(&pages, &specs), vec![None, None]);
    }

    #[test]
    fn rows_of_one_code_under_one_status_match_by_description_in_any_order() {
        let specs = [
            spec("Read", Some(4031), 403, "Read operations are disabled."),
            spec(
                "Write",
                Some(4031),
                403,
                "Write operations are not allowed.",
            ),
        ];
        let pages = [
            page(Some(4031), 403, "Write operations are not allowed."),
            page(Some(4031), 403, "Read operations are disabled."),
            page(Some(4031), 403, "A third reason."),
        ];
        assert_eq!(match_rows(&pages, &specs), vec![Some(1), Some(0), None]);
    }

    #[test]
    fn each_spec_row_is_matched_once() {
        let specs = [spec("A", None, 400, "Same.")];
        let pages = [page(None, 400, "Same."), page(None, 400, "Same.")];
        assert_eq!(match_rows(&pages, &specs), vec![Some(0), None]);
    }
}
