//! What a response's headers add to the error: the `Retry-After` wait (both forms, with and
//! without `Date`), the request id (by the documented precedence, hostile values included),
//! and `Display` staying one bounded line with them. Read through `from_http`, as a client
//! would; the dates here are checked against `date -u -d @SECONDS`, not against our parser.

mod common;

use std::time::{Duration, SystemTime};

use common::display_bound::{display_bound, head};
use nexus_errors::{MAX_RETRY_AFTER, NexusError, REQUEST_ID_HEADERS, ResponseError};

/// The longest request id kept, as `ResponseError::request_id`'s documentation states.
const REQUEST_ID_LIMIT: usize = 256;

/// `Wed, 21 Oct 2015 07:28:00 GMT`.
const OCT_21_2015: &str = "Wed, 21 Oct 2015 07:28:00 GMT";

fn read(status: u16, headers: &[(&str, &[u8])]) -> ResponseError {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    ResponseError::from_http(&response.body(Vec::new()).expect("a valid response"))
}

fn wait(headers: &[(&str, &str)]) -> Option<Duration> {
    let headers: Vec<(&str, &[u8])> = headers.iter().map(|(n, v)| (*n, v.as_bytes())).collect();
    read(429, &headers).retry_after()
}

// --- Retry-After ---------------------------------------------------------------------------

#[test]
fn delta_seconds_are_that_many_seconds_up_to_a_day() {
    assert_eq!(wait(&[("retry-after", "1")]), Some(Duration::from_secs(1)));
    assert_eq!(
        wait(&[("retry-after", "3600")]),
        Some(Duration::from_secs(3600))
    );
    assert_eq!(
        wait(&[("retry-after", "86400")]),
        Some(Duration::from_secs(86_400))
    );
    assert_eq!(wait(&[("retry-after", "86401")]), Some(MAX_RETRY_AFTER));
    assert_eq!(MAX_RETRY_AFTER, Duration::from_secs(86_400));
}

#[test]
fn a_date_is_read_against_the_date_header() {
    // 07:28:00 less 07:23:00 is five minutes, whatever this machine's clock says.
    assert_eq!(
        wait(&[
            ("date", "Wed, 21 Oct 2015 07:23:00 GMT"),
            ("retry-after", OCT_21_2015)
        ]),
        Some(Duration::from_secs(300))
    );
    // The day before, to the second: within the cap.
    assert_eq!(
        wait(&[
            ("date", "Tue, 20 Oct 2015 07:28:00 GMT"),
            ("retry-after", OCT_21_2015)
        ]),
        Some(Duration::from_secs(86_400))
    );
    // Two days before: capped.
    assert_eq!(
        wait(&[
            ("date", "Mon, 19 Oct 2015 07:28:00 GMT"),
            ("retry-after", OCT_21_2015)
        ]),
        Some(MAX_RETRY_AFTER)
    );
}

#[test]
fn a_date_in_the_past_is_no_wait() {
    assert_eq!(
        wait(&[
            ("date", "Wed, 21 Oct 2015 07:28:01 GMT"),
            ("retry-after", OCT_21_2015)
        ]),
        Some(Duration::ZERO)
    );
    // Without `Date`, against the clock: 2015 is past.
    assert_eq!(wait(&[("retry-after", OCT_21_2015)]), Some(Duration::ZERO));
}

#[test]
fn a_date_without_a_date_header_is_read_against_the_clock() {
    // A date an hour from now, written by hand from the clock (RFC 9110's IMF-fixdate).
    let in_an_hour = SystemTime::now() + Duration::from_secs(3600);
    let value = imf_fixdate(in_an_hour);
    let waited = wait(&[("retry-after", &value)]).expect("a date");
    // The header has whole seconds, and the clock moved on a little since it was written.
    assert!(
        waited <= Duration::from_secs(3600) && waited >= Duration::from_secs(3600 - 60),
        "{waited:?} for {value}"
    );
    // A `Date` that is not a date does not change that.
    let waited = wait(&[("date", "not a date"), ("retry-after", &value)]).expect("a date");
    assert!(waited <= Duration::from_secs(3600) && waited >= Duration::from_secs(3600 - 60));
    // Far ahead: the cap.
    assert_eq!(
        wait(&[("retry-after", "Fri, 31 Dec 9999 23:59:59 GMT")]),
        Some(MAX_RETRY_AFTER)
    );
}

#[test]
fn malformed_values_are_no_wait_at_all() {
    for value in [
        "",
        "soon",
        "-5",
        "1.5",
        "0x10",
        "5 seconds",
        // The wrong weekday for that date.
        "Thu, 21 Oct 2015 07:28:00 GMT",
        "21 Oct 2015 07:28:00 GMT",
    ] {
        assert_eq!(wait(&[("retry-after", value)]), None, "{value:?}");
    }
    assert_eq!(wait(&[]), None);
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` form, computed with the civil-from-days algorithm (days
/// since 1970-01-01 to year, month, day), independent of the crate under test.
fn imf_fixdate(time: SystemTime) -> String {
    let seconds = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{weekday}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        months[(month - 1) as usize],
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[test]
fn the_date_writer_of_these_tests_agrees_with_known_dates() {
    let at = |s: u64| imf_fixdate(SystemTime::UNIX_EPOCH + Duration::from_secs(s));
    assert_eq!(at(1_445_412_480), OCT_21_2015);
    assert_eq!(at(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
    assert_eq!(at(951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT");
}

// --- request ids ---------------------------------------------------------------------------

#[test]
fn the_request_id_headers_are_the_documented_ones_in_order() {
    assert_eq!(
        REQUEST_ID_HEADERS,
        ["x-request-id", "request-id", "x-amzn-requestid"]
    );
    for (i, name) in REQUEST_ID_HEADERS.iter().enumerate() {
        // Every header after this one is present too; this one wins.
        let mut headers: Vec<(&str, &[u8])> = REQUEST_ID_HEADERS[i + 1..]
            .iter()
            .map(|later| (*later, &b"later"[..]))
            .collect();
        headers.push((name, b"this-one"));
        assert_eq!(read(500, &headers).request_id(), Some("this-one"), "{name}");
    }
    // Header names are case-insensitive.
    assert_eq!(
        read(500, &[("X-Amzn-RequestId", b"c6af9ac6-7b61")]).request_id(),
        Some("c6af9ac6-7b61")
    );
}

/// Holds for any response: one line, no control character, within the documented bound.
fn assert_one_bounded_line(error: &ResponseError) {
    let shown = error.to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    let bound = display_bound(head(error).len(), true);
    assert!(shown.len() <= bound, "{} > {bound}: {shown}", shown.len());
}

#[test]
fn hostile_request_ids_are_kept_as_received_and_shown_escaped() {
    for (value, shown) in [
        // A tab (the one control character a header value may carry).
        ("a\tb", r#"; request id "a\tb""#),
        // Bidirectional overrides and isolates, which could reorder a log line.
        (
            "id\u{202e}gnp.exe\u{2066}",
            r#"; request id "id\u{202e}gnp.exe\u{2066}""#,
        ),
        // Quotes, which could close the quoted id early and forge a field.
        (
            r#"x"; message "forged"#,
            r#"; request id "x\"; message \"forged""#,
        ),
        // A line separator, which some viewers break lines on.
        ("a\u{2028}b", r#"; request id "a\u{2028}b""#),
    ] {
        let error = read(502, &[("x-request-id", value.as_bytes())]);
        assert_eq!(error.request_id(), Some(value));
        let text = error.to_string();
        assert_eq!(text, format!("502 Bad Gateway{shown}"));
        assert_one_bounded_line(&error);
    }
}

#[test]
fn control_characters_never_reach_a_request_id() {
    // The http crate refuses them in a header value, so no response can carry them.
    for control in ['\n', '\r', '\0', '\u{1b}', '\u{7f}'] {
        let value = format!("a{control}b");
        assert!(
            http::HeaderValue::from_bytes(value.as_bytes()).is_err(),
            "{control:?}"
        );
    }
}

#[test]
fn long_or_invalid_request_ids_are_dropped_not_cut() {
    let ten_kb = "r".repeat(10 * 1024);
    let just_over = "r".repeat(REQUEST_ID_LIMIT + 1);
    let at_the_bound = "r".repeat(REQUEST_ID_LIMIT);
    for dropped in [ten_kb.as_bytes(), just_over.as_bytes(), b"\xff\xfe", b""] {
        let error = read(503, &[("x-request-id", dropped)]);
        assert_eq!(error.request_id(), None, "{} bytes", dropped.len());
        assert_eq!(error.to_string(), "503 Service Unavailable");
        // The next header in the precedence is read instead.
        let error = read(503, &[("x-request-id", dropped), ("request-id", b"req_2")]);
        assert_eq!(error.request_id(), Some("req_2"));
    }
    let error = read(503, &[("x-request-id", at_the_bound.as_bytes())]);
    assert_eq!(error.request_id(), Some(at_the_bound.as_str()));
    // Shown whole: plain ASCII does not grow when escaped.
    assert_eq!(
        error.to_string(),
        format!("503 Service Unavailable; request id \"{at_the_bound}\"")
    );
}

#[test]
fn display_reaches_its_bound_and_not_beyond() {
    // The longest code, message and request id, each of characters escaping to 8 bytes.
    let body = serde_json::json!({ "error": { "code": "\u{202e}".repeat(1000), "message": "\u{202e}".repeat(100_000) } });
    let id = "\u{202e}".repeat(REQUEST_ID_LIMIT / 3);
    let response = http::Response::builder()
        .status(418)
        .header("x-request-id", &id)
        .body(serde_json::to_vec(&body).expect("serializes"))
        .expect("a valid response");
    let error: ResponseError = ResponseError::from_http(&response);
    assert_eq!(error.request_id(), Some(id.as_str()));
    assert_one_bounded_line(&error);
    let shown = error.to_string();
    assert_eq!(shown.matches('…').count(), 3, "{shown}");
    // Each part stops within one escape (8 bytes) of its limit.
    let least = display_bound("418 I'm a teapot".len(), true) - 3 * 7;
    assert!(shown.len() >= least, "{} < {least}", shown.len());
}

#[test]
fn a_documented_body_with_a_request_id_shows_the_row_then_the_id() {
    let response = NexusError::TooManyRequests.row().to_http_response();
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .insert("x-request-id", http::HeaderValue::from_static("7f3a"));
    parts
        .headers
        .insert("retry-after", http::HeaderValue::from_static("30"));
    let error: ResponseError = ResponseError::from_parts(&parts, body.as_bytes());
    assert_eq!(error.row(), Some(NexusError::TooManyRequests));
    assert!(error.is_throttled());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(
        error.to_string(),
        format!("{}; request id \"7f3a\"", NexusError::TooManyRequests)
    );
}
