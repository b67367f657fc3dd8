//! Hostile input: `from_response` on arbitrary bytes, arbitrary JSON and arbitrary statuses,
//! and `from_http` on arbitrary `Retry-After`, `Date` and request id values, never panic,
//! keep the status, and show one bounded line without control characters;
//! deep nesting and bodies of several MiB cost no stack and memory in proportion to the body.
//! Expected rows come from the spec file by the documented rules.

mod common;
mod counting_alloc;

use std::sync::LazyLock;
use std::time::Duration;

use common::Spec;
use common::display_bound::{display_bound, head};
use counting_alloc::peak_during;
use nexus_errors::{MAX_RETRY_AFTER, NexusError, ResponseError, ServerCode};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{Map, Value};

/// The longest request id kept, as `ResponseError::request_id`'s documentation states.
const REQUEST_ID_LIMIT: usize = 256;

// --- what every response must satisfy ----------------------------------------------------

/// Holds for every status and body: status kept, row of that status, one escaped line
/// within the documented bound.
fn check_any(status: u16, body: &[u8]) -> Result<ResponseError, TestCaseError> {
    let error = ResponseError::<NexusError>::from_response(status, body);
    prop_assert_eq!(error.status(), status);
    if let Some(row) = error.row() {
        prop_assert_eq!(row.status(), status);
    }
    prop_assert_eq!(error.row().is_some(), error.resolution().is_some());
    let shown = error.to_string();
    prop_assert!(
        !shown.chars().any(char::is_control),
        "control character in {:?}",
        shown
    );
    let head = match error.row() {
        Some(row) => row.row().display().len(),
        None => {
            let reason = http::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Unknown Status");
            let head = format!("{status} {reason}");
            prop_assert!(
                shown.starts_with(&head),
                "{:?} starts with {:?}",
                shown,
                head
            );
            head.len()
        }
    };
    let bound = display_bound(head, false);
    prop_assert!(
        shown.len() <= bound,
        "{} bytes > {}: {:?}",
        shown.len(),
        bound,
        shown
    );
    Ok(error)
}

static SPEC: LazyLock<Spec> = LazyLock::new(common::nexus_spec);

// --- strategies --------------------------------------------------------------------------

fn status() -> impl Strategy<Value = u16> {
    let table: Vec<u16> = SPEC.error.iter().map(|r| r.status).collect();
    prop_oneof![3 => proptest::sample::select(table), 2 => 400u16..600, 1 => any::<u16>()]
}

/// Text with the characters that cause trouble: controls, ANSI escapes, bidi overrides,
/// quotes, backslashes, multibyte characters; sometimes long.
fn text() -> impl Strategy<Value = String> {
    let tricky = proptest::sample::select(vec![
        '\n', '\r', '\t', '\0', '\u{1b}', '\u{7f}', '\u{85}', '\u{202e}', '\u{2066}', '"', '\\',
        '\'', 'é', '…', '𝄞', ' ',
    ]);
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 .,]{0,16}",
        2 => tricky.prop_map(String::from),
        1 => any::<String>(),
        1 => proptest::sample::select(SPEC.error.iter().map(|r| r.description.clone()).collect::<Vec<_>>()),
    ];
    prop_oneof![
        8 => proptest::collection::vec(piece.clone(), 0..8).prop_map(|p| p.concat()),
        1 => (piece, 20usize..200).prop_map(|(p, n)| p.repeat(n)),
    ]
}

/// Any JSON value, nested a few levels, with the keys the reader looks for.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        proptest::sample::select(SPEC.error.iter().filter_map(|r| r.code).collect::<Vec<_>>())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            Just("error".to_owned()),
            Just("code".to_owned()),
            Just("message".to_owned()),
            text()
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((key, inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A code as a server may send it: a number (documented or not), text, or anything else.
fn code_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => proptest::sample::select(SPEC.error.iter().filter_map(|r| r.code).collect::<Vec<_>>()).prop_map(Value::from),
        2 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => proptest::sample::select(SPEC.error.iter().filter_map(|r| r.code).collect::<Vec<_>>()).prop_map(|c| Value::String(format!(" {c} "))),
        1 => text().prop_map(Value::String),
        1 => json(),
    ]
}

/// The code `from_response` keeps for a code value in the body.
fn kept_code(value: &Value) -> Option<ServerCode> {
    match value {
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(n), _) => Some(ServerCode::Number(n)),
            // A float is a code when whole and within i64 (4011.0); else it is kept written out.
            (None, Some(f))
                if n.is_f64() && f.fract() == 0.0 && (-9.2e18..=9.2e18).contains(&f) =>
            {
                Some(ServerCode::Number(f as i64))
            }
            (None, Some(f)) if n.is_f64() => Some(ServerCode::Text(f.to_string().into())),
            _ => Some(ServerCode::Text(n.to_string().into())),
        },
        Value::String(s) => Some(s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| ServerCode::Text(s.to_owned().into())),
        _ => None,
    }
}

// --- properties --------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(status in status(), body in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_any(status, &body)?;
    }

    #[test]
    fn arbitrary_json_whole_or_cut(status in status(), value in json(), cut in any::<proptest::sample::Index>()) {
        let body = serde_json::to_vec(&value).expect("a JSON value serializes");
        check_any(status, &body)?;
        check_any(status, &body[..cut.index(body.len() + 1)])?;
    }

    #[test]
    fn error_bodies_keep_code_and_message_and_resolve_by_the_rules(
        (status, message) in prop_oneof![
            2 => (status(), proptest::option::of(prop_oneof![4 => text().prop_map(Value::String), 1 => json()])),
            // A row's own description, padded, under its status or another.
            1 => (proptest::sample::select(SPEC.error.iter().map(|r| (r.status, r.description.clone())).collect::<Vec<_>>()), status(), any::<bool>(), "[ \t\n]{0,2}")
                .prop_map(|((own, description), other, keep, pad)| (if keep { own } else { other }, Some(Value::String(format!("{pad}{description}{pad}"))))),
        ],
        code in proptest::option::of(code_value()),
        nested in any::<bool>(),
        extra in proptest::option::of(json()),
    ) {
        let mut fields = Map::new();
        if let Some(extra) = &extra {
            fields.insert("extra".to_owned(), extra.clone());
        }
        if let Some(code) = &code {
            fields.insert("code".to_owned(), code.clone());
        }
        if let Some(message) = &message {
            fields.insert("message".to_owned(), message.clone());
        }
        let body = if nested { serde_json::json!({ "error": fields }) } else { Value::Object(fields) };
        let error = check_any(status, &serde_json::to_vec(&body).expect("serializes"))?;
        // The code as the body carries it: a float goes through its JSON text, which serde_json
        // reads back to the nearest float it can (not always the same bits for extreme values).
        let code = code
            .as_ref()
            .map(|c| serde_json::from_str::<Value>(&c.to_string()).expect("its own JSON text"))
            .as_ref()
            .and_then(kept_code);
        let message = message.as_ref().and_then(Value::as_str);
        prop_assert_eq!(error.server_code(), code.as_ref());
        prop_assert_eq!(error.server_message(), message);
        let (row, resolution) = SPEC.expected_row(status, code.as_ref(), message);
        prop_assert_eq!(error.row().map(NexusError::name), row.map(|r| r.name.as_str()));
        prop_assert_eq!(error.resolution(), resolution);
    }
}

// --- headers: Retry-After, Date and request ids ------------------------------------------

/// Bytes a header value may hold (the http crate refuses other control characters).
fn header_bytes() -> impl Strategy<Value = Vec<u8>> {
    let any_bytes = proptest::collection::vec(any::<u8>(), 0..64).prop_map(|bytes| {
        bytes
            .into_iter()
            .filter(|&b| b == b'\t' || (b >= 0x20 && b != 0x7f))
            .collect()
    });
    let digits = "[ \t]{0,2}[0-9]{1,30}[ \t]{0,2}".prop_map(String::into_bytes);
    // Dates in the three forms, with fields in and out of range.
    let weekday = proptest::sample::select(vec![
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "Xyz",
        "Monday",
        "Wednesday",
    ]);
    let month = proptest::sample::select(vec![
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Foo",
    ]);
    let imf = (
        weekday.clone(),
        0u32..40,
        month.clone(),
        0u32..12000,
        0u32..30,
        0u32..70,
        0u32..70,
    )
        .prop_map(|(w, d, m, y, h, mi, s)| {
            format!("{w}, {d:02} {m} {y} {h:02}:{mi:02}:{s:02} GMT").into_bytes()
        });
    let rfc850 = (
        weekday.clone(),
        0u32..40,
        month.clone(),
        0u32..100,
        0u32..30,
        0u32..70,
        0u32..70,
    )
        .prop_map(|(w, d, m, y, h, mi, s)| {
            format!("{w}, {d:02}-{m}-{y:02} {h:02}:{mi:02}:{s:02} GMT").into_bytes()
        });
    let asctime = (
        weekday,
        month,
        0u32..40,
        0u32..30,
        0u32..70,
        0u32..70,
        0u32..12000,
    )
        .prop_map(|(w, m, d, h, mi, s, y)| {
            format!("{w} {m} {d:>2} {h:02}:{mi:02}:{s:02} {y}").into_bytes()
        });
    prop_oneof![3 => any_bytes, 2 => digits, 2 => imf, 1 => rfc850, 1 => asctime]
}

/// The wait delta-seconds ask for, worked out on the text: digits only, up to a day.
fn delta_seconds(value: &[u8]) -> Option<Duration> {
    let digits = std::str::from_utf8(value).ok()?.trim_matches([' ', '\t']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Past 6 digits (after leading zeros) a count is more than a day.
    let significant = digits.trim_start_matches('0');
    let seconds = if significant.len() > 6 {
        u64::MAX
    } else {
        significant.parse().unwrap_or(0)
    };
    Some(Duration::from_secs(seconds.min(86_400)))
}

fn response_with(headers: &[(&str, &[u8])]) -> Option<http::Response<Vec<u8>>> {
    let mut response = http::Response::builder().status(429);
    for (name, value) in headers {
        response = response.header(*name, http::HeaderValue::from_bytes(value).ok()?);
    }
    response.body(Vec::new()).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_retry_after_and_date_values(value in header_bytes(), date in proptest::option::of(header_bytes())) {
        let mut headers: Vec<(&str, &[u8])> = vec![("retry-after", &value)];
        if let Some(date) = &date {
            headers.push(("date", date));
        }
        let response = response_with(&headers).expect("header_bytes makes valid values");
        let error: ResponseError = ResponseError::from_http(&response);
        let wait = error.retry_after();
        prop_assert!(wait.is_none_or(|wait| wait <= MAX_RETRY_AFTER), "{:?}", wait);
        if let Some(expected) = delta_seconds(&value) {
            prop_assert_eq!(wait, Some(expected));
        }
        // Anything else is a wait only if it is a date, and no text but digits, a date and
        // surrounding whitespace is one.
        if wait.is_some() && delta_seconds(&value).is_none() {
            prop_assert!(value.trim_ascii().ends_with(b"GMT") || value.trim_ascii().len() == 24, "{:?}", String::from_utf8_lossy(&value));
        }
    }

    #[test]
    fn arbitrary_request_ids(status in status(), body in proptest::collection::vec(any::<u8>(), 0..128), id in prop_oneof![3 => header_bytes(), 1 => text().prop_map(String::into_bytes)]) {
        // Only values the http crate accepts can arrive in a response.
        let Ok(value) = http::HeaderValue::from_bytes(&id) else { return Ok(()) };
        let Ok(mut response) = http::Response::builder().status(status.clamp(100, 999)).body(body) else { return Ok(()) };
        response.headers_mut().insert("x-request-id", value);
        let error: ResponseError = ResponseError::from_http(&response);
        let expected = std::str::from_utf8(&id).ok().filter(|id| (1..=REQUEST_ID_LIMIT).contains(&id.len()));
        prop_assert_eq!(error.request_id(), expected);
        let shown = error.to_string();
        prop_assert!(!shown.chars().any(char::is_control), "{:?}", shown);
        let bound = display_bound(head(&error).len(), true);
        prop_assert!(shown.len() <= bound, "{} > {}: {:?}", shown.len(), bound, shown);
    }
}

// --- pathological bodies -----------------------------------------------------------------

/// A status with several rows, so that no body resolves by status alone.
fn shared_status() -> u16 {
    SPEC.error
        .iter()
        .map(|r| r.status)
        .find(|&s| SPEC.with_status(s).len() > 1)
        .expect("a status with several rows")
}

#[test]
fn a_million_open_brackets_do_not_overflow_the_stack() {
    let status = shared_status();
    for deep in [
        "[".repeat(1_000_000),
        format!(
            "{{\"code\":{},\"message\":\"m\",\"x\":{}",
            7,
            "[".repeat(1_000_000)
        ),
        "{\"error\":".repeat(1_000_000),
        "{\"a\":".repeat(1_000_000),
    ] {
        let (error, peak) =
            peak_during(|| ResponseError::<NexusError>::from_response(status, deep.as_bytes()));
        assert_eq!(error.status(), status);
        assert_eq!(error.row(), None);
        // No recursion: serde_json skips what the reader does not look into with one byte of
        // heap per open bracket, in a buffer that grows by doubling.
        let brackets = deep.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
        assert!(
            peak <= 2 * brackets + 1024,
            "{peak} bytes allocated for {brackets} open brackets"
        );
    }
    // What came before the nesting is kept.
    let deep = format!(
        "{{\"code\":7,\"message\":\"m\",\"x\":{}",
        "[".repeat(1_000_000)
    );
    let error = ResponseError::<NexusError>::from_response(status, deep.as_bytes());
    assert_eq!(
        (error.server_code(), error.server_message()),
        (Some(&ServerCode::Number(7)), Some("m"))
    );
}

const MIB: usize = 1024 * 1024;

#[test]
fn an_8_mib_message_is_kept_whole_with_memory_bounded_by_the_body() {
    let (row, code) = SPEC.coded_row();
    for unit in ["x", "tab\tnew\nline\u{1b}[31m\u{202e}é"] {
        let message = unit.repeat(8 * MIB / unit.len());
        let body = serde_json::to_vec(
            &serde_json::json!({ "error": { "code": code, "message": message } }),
        )
        .expect("serializes");
        let (error, peak) =
            peak_during(|| ResponseError::<NexusError>::from_response(row.status, &body));
        assert_eq!(error.row().map(NexusError::name), Some(row.name.as_str()));
        assert_eq!(error.server_message(), Some(message.as_str()));
        // The kept message, plus serde_json's buffer for an escaped string (which grows by doubling).
        // The message is live at the end, so a counter that missed it would fail the first check.
        assert!(
            message.len() <= peak && peak <= 2 * body.len(),
            "{peak} bytes allocated for a {} byte body",
            body.len()
        );
        let shown = error.to_string();
        let bound = display_bound(head(&error).len(), false);
        assert!(shown.len() <= bound, "{} > {bound}", shown.len());
        assert!(!shown.chars().any(char::is_control));
    }
}

#[test]
fn an_8_mib_array_of_junk_costs_next_to_nothing() {
    // The junk is the message's value, where a string is expected: skipped, not kept.
    let status = shared_status();
    let item = r#"[1,-2.5e300,"x\n\u0041",{"error":{"code":4011}},null,true,"message"],"#;
    let mut body = String::from(r#"{"error":{"message":"#);
    body.push('[');
    while body.len() < 8 * MIB {
        body.push_str(item);
    }
    body.push_str("0]}}");
    let (error, peak) =
        peak_during(|| ResponseError::<NexusError>::from_response(status, body.as_bytes()));
    assert_eq!(
        (error.row(), error.server_code(), error.server_message()),
        (None, None, None)
    );
    assert!(
        peak < 1024,
        "{peak} bytes allocated for {} bytes of junk",
        body.len()
    );

    // And 8 MiB that is not JSON at all.
    let junk: Vec<u8> = (0..8 * MIB)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let (error, peak) = peak_during(|| ResponseError::<NexusError>::from_response(status, &junk));
    assert_eq!((error.row(), error.status()), (None, status));
    assert!(
        peak < 1024,
        "{peak} bytes allocated for {} bytes of junk",
        junk.len()
    );
}

#[test]
fn the_display_bound_is_reached_and_not_exceeded() {
    // The longest code and message a body can carry: both are cut, with `…`.
    let status = shared_status();
    let body = serde_json::json!({ "error": { "code": "\u{1b}".repeat(1000), "message": "\u{202e}".repeat(1000) } });
    let error = check_any(status, &serde_json::to_vec(&body).expect("serializes"))
        .expect("the properties hold");
    let shown = error.to_string();
    let head = format!(
        "{status} {}",
        http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or_default()
    );
    let bound = display_bound(head.len(), false);
    // Each escape is 6 or 8 bytes, so each part ends up to 7 bytes short of its limit.
    assert!(
        shown.len() + 14 >= bound && shown.len() <= bound,
        "{} of {bound}: {shown}",
        shown.len()
    );
    assert_eq!(shown.matches('…').count(), 2);
}
