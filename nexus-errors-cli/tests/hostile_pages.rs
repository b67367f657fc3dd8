//! Garbage, empty and half-broken pages: reading and merging never panic, and what the merge
//! writes is always a spec the rules can check.

use nexus_errors_cli::merge::merge;
use nexus_errors_cli::page;
use nexus_errors_cli::spec_edit::{Base, NewApi, write};
use nexus_errors_spec::check;
use proptest::prelude::*;

const SPEC: &str = include_str!("../../spec/errors.toml");
const PAGE: &str = include_str!("pages/nexus-errors-page.txt");

/// Lines that look like parts of an errors page, and some that only nearly do.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("| Error Code | HTTP Status Code | Status | Error Description |".to_owned()),
        Just("| Status | Explanation |".to_owned()),
        Just("|---|---|---|---|".to_owned()),
        Just("|---|---|".to_owned()),
        Just("| null | 429 | Too Many Requests |".to_owned()),
        Just("|".to_owned()),
        Just("| 4001 | 400 | Bad Request | Required params missing. |".to_owned()),
        Just("| 500, 502, 504 Server errors | x |".to_owned()),
        Just("| 2. more | |".to_owned()),
        Just("| 2xx Success | | | |".to_owned()),
        Just("Error code | HTTP status code | User message".to_owned()),
        Just("| ConditionNotMet | Precondition Failed (412) | x |".to_owned()),
        Just("Zähler_voll | Conflict (409) | Ä |".to_owned()),
        Just("| `card_declined` | 402 | Declined. | Retry later |".to_owned()),
        Just("{\"error\": {\"code\": \"x\", \"message\": \"y\"}}| Status | Code |".to_owned()),
        Just("Status Code |".to_owned()),
        Just("- A 422 error with a 4220 code for the following reasons: - One. - Two.".to_owned()),
        Just("* item".to_owned()),
        Just("# Heading".to_owned()),
        Just("> ## Quoted".to_owned()),
        Just(String::new()),
        "[ -~]{0,40}",
        "[|0-9 .:-]{0,20}",
        any::<String>(),
    ]
}

fn page_like() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..24).prop_map(|lines| lines.join("\n"))
}

/// Reads `bytes` as a page and, if it is one, merges it into the Nexus spec and into a new
/// spec, both with and without pruning, and checks what would be written.
fn read_and_merge(bytes: &[u8]) {
    let Ok(page) = page::read(bytes) else {
        return;
    };
    let spec = check("errors.toml", SPEC);
    assert!(spec.diagnostics.is_empty());
    for prune in [false, true] {
        let merged = merge(&page.rows, &spec.table.rows, prune);
        let text = write(Base::Existing(SPEC), &merged.entries).expect("the spec is editable");
        let _ = check("errors.toml", &text);
        let api = NewApi {
            name: "API".into(),
            source: None,
            codes_start_with_status: true,
            body: page.body.as_ref().map(|proposal| proposal.body.clone()),
        };
        let fresh = merge(&page.rows, &[], prune);
        let text = write(Base::New(&api), &fresh.entries).expect("a new spec");
        let _ = check("errors.toml", &text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        read_and_merge(&bytes);
    }

    #[test]
    fn page_like_text_never_panics(text in page_like()) {
        read_and_merge(text.as_bytes());
    }

    #[test]
    fn a_damaged_copy_of_the_page_never_panics(
        cuts in prop::collection::vec((0..PAGE.len(), 0..40usize, "[|\n -]{0,3}"), 1..6)
    ) {
        let mut text = PAGE.as_bytes().to_vec();
        for (at, length, insert) in cuts {
            let at = at.min(text.len());
            let end = (at + length).min(text.len());
            text.splice(at..end, insert.into_bytes());
        }
        read_and_merge(&text);
    }
}

#[test]
fn empty_and_blank_pages_are_errors_not_panics() {
    for input in [&b""[..], b"\n\n", b"   ", b"\xef\xbb\xbf"] {
        assert_eq!(page::read(input), Err(page::PageError::Empty), "{input:?}");
    }
}
