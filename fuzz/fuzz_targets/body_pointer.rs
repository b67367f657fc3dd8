//! The body reader against serde_json: on any bytes and any pointers, it never panics and
//! keeps no string longer than the body; and wherever `serde_json::from_slice::<Value>`
//! reads the body, the code and the message are what `Value::pointer` gives for the same
//! pointers in the same order, read by the same rules (the first string, trimmed and not
//! empty, or number for the code; the first string for the message).
//!
//! Input: lines `c<pointer>` (a code pointer) and `m<pointer>` (a message pointer) in RFC
//! 6901 text, at most four of each, then a NUL byte, then the body. Without a NUL byte the
//! whole input is the body, read with the Nexus pointers.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use nexus_errors::{__body, BodyShape};
use serde_json::Value;

const NEXUS_CODE: [&str; 2] = ["/error/code", "/code"];
const NEXUS_MESSAGE: [&str; 3] = ["/error/message", "/error", "/message"];

fuzz_target!(|input: &[u8]| {
    let (code, message, body) = match input.iter().position(|&b| b == 0) {
        Some(nul) => {
            let header = String::from_utf8_lossy(&input[..nul]);
            let pick = |kind: char| -> Vec<String> {
                header
                    .lines()
                    .filter_map(|line| line.strip_prefix(kind))
                    .filter(|pointer| pointer.is_empty() || pointer.starts_with('/'))
                    .take(4)
                    .map(str::to_owned)
                    .collect()
            };
            (pick('c'), pick('m'), &input[nul + 1..])
        }
        None => (
            NEXUS_CODE.map(str::to_owned).to_vec(),
            NEXUS_MESSAGE.map(str::to_owned).to_vec(),
            input,
        ),
    };
    let code_tokens: Vec<Vec<String>> = code.iter().map(|p| tokens(p)).collect();
    let message_tokens: Vec<Vec<String>> = message.iter().map(|p| tokens(p)).collect();
    let (code_refs, message_refs) = (borrow(&code_tokens), borrow(&message_tokens));
    let code_slices: Vec<&[&str]> = code_refs.iter().map(Vec::as_slice).collect();
    let message_slices: Vec<&[&str]> = message_refs.iter().map(Vec::as_slice).collect();

    let (found_code, found_message) = __body::read(body, &code_slices, &message_slices);
    let shown = || String::from_utf8_lossy(body);
    assert!(
        found_message.as_ref().is_none_or(|m| m.len() <= body.len()),
        "{:?}",
        shown()
    );
    for shape in [
        BodyShape::NEXUS,
        BodyShape::PROBLEM_DETAILS,
        BodyShape::OAUTH,
        BodyShape::FLAT,
    ] {
        let _ = __body::read_shape(body, &shape);
    }

    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return;
    };
    let (expected_code, expected_message) = if value.is_object() {
        (
            code.iter().find_map(|p| code_of(value.pointer(p)?)),
            message
                .iter()
                .find_map(|p| Some(Cow::Borrowed(value.pointer(p)?.as_str()?))),
        )
    } else {
        // Only an object has fields.
        (None, None)
    };
    assert_eq!(found_code, expected_code, "code of {:?} by {code:?}", shown());
    assert_eq!(
        found_message, expected_message,
        "message of {:?} by {message:?}",
        shown()
    );
});

fn borrow(list: &[Vec<String>]) -> Vec<Vec<&str>> {
    list.iter()
        .map(|tokens| tokens.iter().map(String::as_str).collect())
        .collect()
}

/// A pointer's reference tokens, unescaped as RFC 6901 §4 says: `~1` to `/`, then `~0` to `~`.
fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// A code as the reader's rules take it from a JSON value; `Ok` a number, `Err` text.
fn code_of(value: &Value) -> Option<__body::Code<'static>> {
    match value {
        Value::String(text) => {
            let text = text.trim();
            (!text.is_empty()).then(|| Err(Cow::Owned(text.to_owned())))
        }
        Value::Number(number) => Some(match (number.as_i64(), number.as_u64(), number.as_f64()) {
            (Some(integer), _, _) => Ok(integer),
            (None, Some(unsigned), _) => Err(Cow::Owned(unsigned.to_string())),
            (None, None, Some(float)) if float.fract() == 0.0 && (-9.2e18..=9.2e18).contains(&float) => {
                #[allow(clippy::cast_possible_truncation)]
                Ok(float as i64)
            }
            (None, None, float) => Err(Cow::Owned(float.unwrap_or(f64::NAN).to_string())),
        }),
        _ => None,
    }
}
