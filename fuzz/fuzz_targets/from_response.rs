//! `from_response` on any status and any bytes: never panics, keeps the status, and shows
//! one line with no control character within the documented bound. The body reader itself
//! is checked against serde_json by `body_pointer`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nexus_errors::{NexusError, ResponseError};

/// `"; code "`, `"; message \""`, the closing quote and a `…` after each bounded part.
const FIXED: usize = 7 + 11 + 1 + 2 * 3;
/// The bounds `Display`'s documentation states for the server's code and message.
const DISPLAY_CODE_LIMIT: usize = 32;
const DISPLAY_MESSAGE_LIMIT: usize = 256;

fuzz_target!(|input: &[u8]| {
    let (status, body) = match input {
        [high, low, body @ ..] => (u16::from_be_bytes([*high, *low]), body),
        _ => (502, input),
    };
    let error = ResponseError::<NexusError>::from_response(status, body);
    assert_eq!(error.status(), status);
    if let Some(row) = error.row() {
        assert_eq!(row.status(), status);
    }
    let shown = error.to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    let head = match error.row() {
        Some(row) => row.row().display().len(),
        // The status and its reason phrase: at most 5 digits, a space and 31 bytes.
        None => 5 + 1 + 31,
    };
    assert!(
        shown.len() <= head + DISPLAY_CODE_LIMIT + DISPLAY_MESSAGE_LIMIT + FIXED,
        "{} bytes: {shown:?}",
        shown.len()
    );
    // A kept message is a JSON string of the body, unescaped: never longer than the body.
    assert!(
        error
            .server_message()
            .is_none_or(|message| message.len() <= body.len())
    );
});

