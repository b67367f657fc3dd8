//! The no-allocation claims, checked with a counting global allocator.
//!
//! - `from_response` on a row's exact body (the description as the message, the documented
//!   code as a number) allocates nothing;
//! - `Display` of a table enum, and of such a `ResponseError`, into a `String` with enough
//!   capacity allocates nothing.
//!
//! Allocations are counted per thread, so tests running in parallel do not disturb each other.

// The workspace's one counting allocator, shared with the tests crate's memory tests;
// declaring the module installs it as this binary's global allocator.
#[path = "../../tests/tests/counting_alloc/mod.rs"]
mod counting_alloc;

use std::fmt::Write as _;

use counting_alloc::allocations_during;
use nexus_errors::{NexusError, Resolution};

/// The body the API sends for `row`: `{"error":{"code":…,"message":<description>}}`, without
/// `code` when the row has none.
fn exact_body(row: NexusError) -> Vec<u8> {
    let mut inner = serde_json::Map::new();
    if let Some(code) = row.code() {
        inner.insert("code".into(), code.into());
    }
    inner.insert("message".into(), row.description().into());
    serde_json::to_vec(&serde_json::json!({ "error": inner })).expect("a JSON value serializes")
}

#[test]
fn the_counter_sees_allocations() {
    let (_, n) = allocations_during(|| String::from("x"));
    assert_eq!(n, 1);
    let (_, n) = allocations_during(|| {
        nexus_errors::from_response(400u16, br#"{"error":{"message":"not in the table"}}"#)
    });
    assert_eq!(n, 1, "an unknown message is kept, owned");
}

#[test]
fn from_response_on_a_rows_exact_body_allocates_nothing() {
    for &row in NexusError::ALL {
        let body = exact_body(row);
        let (error, n) = allocations_during(|| nexus_errors::from_response(row.status(), &body));
        assert_eq!(error.row(), Some(row), "{}", String::from_utf8_lossy(&body));
        assert_eq!(
            n,
            0,
            "{row:?}: from_response allocated {n} times for {}",
            String::from_utf8_lossy(&body)
        );
        let ((), n) = allocations_during(|| drop(error));
        assert_eq!(n, 0);
    }
}

#[test]
fn from_response_by_code_alone_allocates_nothing() {
    let (error, n) =
        allocations_during(|| nexus_errors::from_response(401u16, br#"{"error":{"code":4011}}"#));
    assert_eq!(
        (error.row(), error.resolution()),
        (Some(NexusError::SessionTokenExpired), Resolution::Code)
    );
    assert_eq!(n, 0);
}

#[test]
fn display_into_a_string_with_capacity_allocates_nothing() {
    let mut out = String::with_capacity(512);
    for &row in NexusError::ALL {
        out.clear();
        let (result, n) = allocations_during(|| write!(out, "{row}"));
        result.expect("writing to a String never fails");
        assert_eq!(out, row.row().display());
        assert_eq!(n, 0, "{row:?}: Display allocated {n} times");
    }
}

#[test]
fn display_of_a_matched_response_allocates_nothing() {
    let mut out = String::with_capacity(512);
    for &row in NexusError::ALL {
        let error = nexus_errors::from_response(row.status(), &exact_body(row));
        out.clear();
        let (result, n) = allocations_during(|| write!(out, "{error}"));
        result.expect("writing to a String never fails");
        assert_eq!(out, row.to_string());
        assert_eq!(n, 0, "{row:?}: Display of the response allocated {n} times");
    }
}
