//! The no-allocation claims, checked with a counting global allocator.
//!
//! - `from_response` on a row's exact body (the description as the message, the documented
//!   code as a number, or as a string in a string-coded table) allocates nothing;
//! - `from_http` on such a response reads `Retry-After` (either form, against `Date`) without
//!   allocating, and allocates once more only to keep a request id;
//! - `Display` of a table enum, and of such a `ResponseError`, into a `String` with enough
//!   capacity allocates nothing.
//!
//! Allocations are counted per thread, so tests running in parallel do not disturb each other.

// Declaring the module installs it as this binary's global allocator.
mod counting_alloc;

use std::fmt::Write as _;

use std::borrow::Cow;

use counting_alloc::allocations_during;
use nexus_errors::{ErrorTable, NexusError, Resolution, ResponseError, ServerCode};

// String-coded tables, one per shape that carries a string code beside its message: their
// documented codes are borrowed from the rows, not copied.
#[nexus_errors::error_table(path = "benches/shapes/oauth.toml")]
enum OAuthTable {}

#[nexus_errors::error_table(path = "benches/shapes/flat.toml")]
enum FlatTable {}

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
        ResponseError::<NexusError>::from_response(
            400u16,
            br#"{"error":{"message":"not in the table"}}"#,
        )
    });
    assert_eq!(n, 1, "an unknown message is kept, owned");
}

#[test]
fn from_response_on_a_rows_exact_body_allocates_nothing() {
    for &row in NexusError::ALL {
        let body = exact_body(row);
        let (error, n) =
            allocations_during(|| ResponseError::<NexusError>::from_response(row.status(), &body));
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
    let (error, n) = allocations_during(|| {
        ResponseError::<NexusError>::from_response(401u16, br#"{"error":{"code":4011}}"#)
    });
    assert_eq!(
        (error.row(), error.resolution()),
        (
            Some(NexusError::SessionTokenExpired),
            Some(Resolution::Code)
        )
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
        let error = ResponseError::<NexusError>::from_response(row.status(), &exact_body(row));
        out.clear();
        let (result, n) = allocations_during(|| write!(out, "{error}"));
        result.expect("writing to a String never fails");
        assert_eq!(out, row.to_string());
        assert_eq!(n, 0, "{row:?}: Display of the response allocated {n} times");
    }
}

#[test]
fn from_http_reads_its_headers_without_allocating_but_for_the_request_id() {
    for &row in NexusError::ALL {
        let body = exact_body(row);
        let mut response = http::Response::new(body.as_slice());
        *response.status_mut() = http::StatusCode::from(row);
        let headers = response.headers_mut();
        headers.insert("retry-after", http::HeaderValue::from_static("30"));
        headers.insert(
            "date",
            http::HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        let (error, n) =
            allocations_during(|| nexus_errors::ResponseError::<NexusError>::from_http(&response));
        assert_eq!(error.row(), Some(row));
        assert_eq!(
            error.retry_after(),
            Some(std::time::Duration::from_secs(30))
        );
        assert_eq!(n, 0, "{row:?}: from_http allocated {n} times");

        // An HTTP-date, read against `Date`: no allocation either.
        response.headers_mut().insert(
            "retry-after",
            http::HeaderValue::from_static("Wed, 21 Oct 2015 07:29:00 GMT"),
        );
        let (error, n) =
            allocations_during(|| nexus_errors::ResponseError::<NexusError>::from_http(&response));
        assert_eq!(
            error.retry_after(),
            Some(std::time::Duration::from_secs(60))
        );
        assert_eq!(n, 0, "{row:?}: from_http allocated {n} times for a date");

        // The request id is kept, owned: one allocation.
        response
            .headers_mut()
            .insert("x-request-id", http::HeaderValue::from_static("req-1"));
        let (error, n) =
            allocations_during(|| nexus_errors::ResponseError::<NexusError>::from_http(&response));
        assert_eq!(error.request_id(), Some("req-1"));
        assert_eq!(
            n, 1,
            "{row:?}: from_http allocated {n} times with a request id"
        );
    }
}

/// Every row of `T` read back from its own error body (`Row::error_body`, the table's body
/// shape), with the code and message as the spec writes them: no allocation, and the
/// server's code is the row's own `&'static str`.
fn string_coded_rows_allocate_nothing<T: ErrorTable + std::fmt::Debug>() {
    for &row in T::ALL {
        let body = row.row().error_body();
        let (error, n) = allocations_during(|| {
            ResponseError::<T>::from_response(row.row().status(), body.as_bytes())
        });
        assert_eq!(error.row(), Some(row), "{body}");
        assert_eq!(
            n, 0,
            "{row:?}: from_response allocated {n} times for {body}"
        );
        assert!(
            matches!(
                error.server_code(),
                Some(ServerCode::Text(Cow::Borrowed(_)))
            ),
            "{row:?}: {:?}",
            error.server_code()
        );
        assert_eq!(error.server_message(), Some(row.row().description()));
    }
}

#[test]
fn from_response_on_a_string_coded_rows_exact_body_allocates_nothing() {
    string_coded_rows_allocate_nothing::<OAuthTable>();
    string_coded_rows_allocate_nothing::<FlatTable>();
}

#[test]
fn a_string_code_is_copied_only_when_no_row_documents_it() {
    // Spaces around a documented code are trimmed, and the row's text is still borrowed.
    let (error, n) = allocations_during(|| {
        ResponseError::<OAuthTable>::from_response(
            401u16,
            br#"{"error":"  invalid_client ","error_description":"Client authentication failed."}"#,
        )
    });
    assert_eq!(error.row(), Some(OAuthTable::InvalidClient));
    assert_eq!(n, 0);
    // A code no row documents, with a message of its own: both are kept, owned.
    let (error, n) = allocations_during(|| {
        ResponseError::<OAuthTable>::from_response(
            400u16,
            br#"{"error":"invalid_target","error_description":"Unknown resource."}"#,
        )
    });
    assert_eq!(error.row(), None);
    assert_eq!(n, 2, "the code and the message, one copy each");
    assert_eq!(
        error.server_code(),
        Some(&ServerCode::Text(Cow::Owned("invalid_target".to_owned())))
    );
}
