//! The bound on `ResponseError`'s `Display` that its documentation states, written once for
//! every suite that checks it: the head, each bounded part at its limit with a `…` after it,
//! and the fixed text around the parts.

use nexus_errors::{ErrorTable, ResponseError};

// The bounds `Display`'s documentation states for the server's code, its message and the
// request id, in bytes of escaped text.
const DISPLAY_CODE_LIMIT: usize = 32;
const DISPLAY_MESSAGE_LIMIT: usize = 256;
const DISPLAY_REQUEST_ID_LIMIT: usize = 256;

/// `"; code "` (7), `"; message \""` and its closing quote (12), and a `…` after each.
const CODE_AND_MESSAGE: usize = 7 + 12 + 2 * '…'.len_utf8();
/// `"; request id \""` and its closing quote (15), and a `…`.
const REQUEST_ID: usize = 15 + '…'.len_utf8();

// The documentation of `Display` states 43 bytes of fixed text for the three parts.
const _: () = assert!(CODE_AND_MESSAGE + REQUEST_ID == 43);

/// The head `Display` starts with: the row's text, else the status and its reason phrase.
pub fn head<T: ErrorTable>(error: &ResponseError<T>) -> String {
    match error.row() {
        Some(row) => row.row().display().to_owned(),
        None => format!(
            "{} {}",
            error.status(),
            http::StatusCode::from_u16(error.status())
                .ok()
                .and_then(|status| status.canonical_reason())
                .unwrap_or("Unknown Status")
        ),
    }
}

/// The most bytes `Display` may write after a head of `head` bytes; without a request id
/// the request id's part and its text are left out, for a tighter check.
pub fn display_bound(head: usize, with_request_id: bool) -> usize {
    let code_and_message = head + DISPLAY_CODE_LIMIT + DISPLAY_MESSAGE_LIMIT + CODE_AND_MESSAGE;
    if with_request_id {
        code_and_message + DISPLAY_REQUEST_ID_LIMIT + REQUEST_ID
    } else {
        code_and_message
    }
}
