//! The response side: every body shape, every resolution rule, what is kept, and the
//! status-level answers. Expected rows are found in the spec file, not in the generated code.

mod common;

use nexus_errors::{Action, NexusError, Resolution, ResponseError, ServerCode};

fn read(status: u16, body: &str) -> ResponseError {
    ResponseError::<NexusError>::from_response(status, body.as_bytes())
}

fn nested(code: &str, message: &str) -> String {
    format!(
        r#"{{"error":{{"code":{code},"message":{}}}}}"#,
        serde_json::to_string(message).expect("a string")
    )
}

/// A coded row of the spec: (name, code, status, description).
fn coded_row() -> (String, i64, u16, String) {
    let spec = common::nexus_spec();
    let row = spec
        .error
        .iter()
        .find(|r| r.code.is_some())
        .expect("the page documents codes");
    (
        row.name.clone(),
        row.code.unwrap_or_default(),
        row.status,
        row.description.clone(),
    )
}

/// A row without a code whose status has other rows too: only its message can pick it.
fn uncoded_row_sharing_its_status(spec: &common::Spec) -> &common::Row {
    spec.error
        .iter()
        .find(|r| r.code.is_none() && spec.with_status(r.status).len() > 1)
        .expect("an uncoded row sharing its status")
}

fn named(name: &str) -> Option<NexusError> {
    Some(name.parse().expect("a spec name"))
}

// --- body shapes -------------------------------------------------------------------------

#[test]
fn nested_body_resolves_by_code_and_keeps_both_fields() {
    let (name, code, status, description) = coded_row();
    let error = read(status, &nested(&code.to_string(), &description));
    assert_eq!(error.row(), named(&name));
    assert_eq!(error.resolution(), Some(Resolution::Code));
    assert_eq!(error.server_code(), Some(&ServerCode::Number(code)));
    assert_eq!(error.server_message(), Some(description.as_str()));
    assert_eq!(error.status(), status);
}

#[test]
fn flat_body_resolves_by_code() {
    let (name, code, status, _) = coded_row();
    let error = read(
        status,
        &format!(r#"{{"code":{code},"message":"whatever"}}"#),
    );
    assert_eq!(error.row(), named(&name));
    assert_eq!(error.server_message(), Some("whatever"));
}

#[test]
fn error_as_a_string_is_the_message() {
    let spec = common::nexus_spec();
    let row = uncoded_row_sharing_its_status(&spec);
    let body = format!(
        r#"{{"error":{}}}"#,
        serde_json::to_string(&row.description).expect("a string")
    );
    let error = read(row.status, &body);
    assert_eq!(error.row(), named(&row.name));
    assert_eq!(error.resolution(), Some(Resolution::Message));
    assert_eq!(error.server_code(), None);
}

#[test]
fn codes_as_strings_are_trimmed_and_still_resolve() {
    let (name, code, status, _) = coded_row();
    let error = read(
        status,
        &format!(r#"{{"error":{{"code":"  {code} ","message":"m"}}}}"#),
    );
    assert_eq!(error.row(), named(&name));
    assert_eq!(
        error.server_code(),
        Some(&ServerCode::Text(code.to_string().into()))
    );
}

#[test]
fn null_absent_and_non_numeric_codes_fall_through_to_other_rules() {
    let spec = common::nexus_spec();
    let row = uncoded_row_sharing_its_status(&spec);
    let message = serde_json::to_string(&row.description).expect("a string");
    for code in ["null", r#""E_UNKNOWN""#, "[1,2]", "{}", "true"] {
        let error = read(
            row.status,
            &format!(r#"{{"error":{{"code":{code},"message":{message}}}}}"#),
        );
        assert_eq!(error.row(), named(&row.name), "code {code}");
        assert_eq!(error.resolution(), Some(Resolution::Message), "code {code}");
    }
    let error = read(row.status, &format!(r#"{{"message":{message}}}"#));
    assert_eq!(error.row(), named(&row.name));
    assert_eq!(error.server_code(), None);
}

#[test]
fn extra_fields_are_ignored() {
    let (name, code, status, _) = coded_row();
    let body = format!(
        r#"{{"request_id":"abc","error":{{"details":[1,{{"x":null}}],"code":{code},"message":"m","extra":true}},"meta":{{}}}}"#
    );
    assert_eq!(read(status, &body).row(), named(&name));
}

#[test]
fn empty_non_json_and_invalid_utf8_bodies_keep_the_status() {
    let unique = unique_status();
    for body in [
        &b""[..],
        b"<html><body>Bad Gateway</body></html>",
        b"\xff\xfe\x00garbage",
        b"{\"error\":{\"code\":",
        b"null",
        b"[]",
    ] {
        let error = ResponseError::<NexusError>::from_response(unique.0, body);
        assert_eq!(error.status(), unique.0);
        assert_eq!(error.row(), named(&unique.1), "body {body:?}");
        assert_eq!(error.resolution(), Some(Resolution::Status));
        let error = ResponseError::<NexusError>::from_response(502u16, body);
        assert_eq!((error.row(), error.resolution()), (None, None));
        assert_eq!(error.to_string(), "502 Bad Gateway");
    }
}

#[test]
fn a_body_in_invalid_utf8_after_valid_fields_keeps_what_came_first() {
    let (name, code, status, _) = coded_row();
    let mut body = format!(r#"{{"error":{{"code":{code},"message":"bad "#).into_bytes();
    body.extend_from_slice(b"\xff\"}}");
    let error = ResponseError::<NexusError>::from_response(status, &body);
    assert_eq!(error.row(), named(&name));
    assert_eq!(error.server_message(), None);
}

// --- resolution rules --------------------------------------------------------------------

/// A status with exactly one row in the spec: (status, name).
fn unique_status() -> (u16, String) {
    let spec = common::nexus_spec();
    let row = spec
        .error
        .iter()
        .find(|r| spec.with_status(r.status).len() == 1)
        .expect("some status has one row");
    (row.status, row.name.clone())
}

#[test]
fn rule_1_code_needs_the_rows_status() {
    let (name, code, status, _) = coded_row();
    // Same code, another status that has several rows: the code alone does not decide.
    let other = if status == 400 { 422 } else { 400 };
    let error = read(other, &nested(&code.to_string(), "no such description"));
    assert_ne!(error.row(), named(&name));
    assert_eq!(error.resolution(), None);
    // With its own status the code wins even over another row's description.
    let spec = common::nexus_spec();
    let sibling = spec
        .with_status(status)
        .into_iter()
        .find(|r| r.name != name)
        .map(|r| r.description.clone());
    if let Some(sibling) = sibling {
        assert_eq!(
            read(status, &nested(&code.to_string(), &sibling)).row(),
            named(&name)
        );
    }
}

#[test]
fn rule_2_message_matches_a_description_of_that_status_after_trimming() {
    let spec = common::nexus_spec();
    for row in spec.error.iter().filter(|r| !r.description.is_empty()) {
        let padded = format!("  {}\n", row.description);
        let error = read(row.status, &nested("null", &padded));
        assert_eq!(error.row(), named(&row.name), "{}", row.name);
        assert_eq!(
            error.server_message(),
            Some(padded.as_str()),
            "the message is kept as sent"
        );
        assert_eq!(
            error.resolution(),
            Some(Resolution::Message),
            "rule 2 comes before rule 3"
        );
    }
}

#[test]
fn rule_2_ignores_descriptions_of_other_statuses() {
    let spec = common::nexus_spec();
    let row = spec
        .error
        .iter()
        .find(|r| r.status == 400 && r.code.is_none())
        .expect("an uncoded 400");
    let error = read(401, &nested("null", &row.description));
    assert_ne!(error.row(), named(&row.name));
}

#[test]
fn rule_3_a_status_with_one_row_resolves_alone() {
    let (status, name) = unique_status();
    let error = read(
        status,
        r#"{"error":{"code":999999,"message":"something new"}}"#,
    );
    assert_eq!(error.row(), named(&name));
    assert_eq!(error.resolution(), Some(Resolution::Status));
    assert_eq!(error.server_code(), Some(&ServerCode::Number(999_999)));
    assert_eq!(error.server_message(), Some("something new"));
}

#[test]
fn statuses_with_several_rows_or_none_do_not_resolve_alone() {
    let spec = common::nexus_spec();
    for status in [400, 401, 404, 422, 418, 503, 200, 0, 999, 1000, u16::MAX] {
        if spec.with_status(status).len() == 1 {
            continue;
        }
        let error = read(status, "");
        assert_eq!(
            (error.row(), error.resolution()),
            (None, None),
            "status {status}"
        );
        assert_eq!(error.status(), status);
    }
}

#[test]
fn status_accepts_http_status_code() {
    let (status, name) = unique_status();
    let code = http::StatusCode::from_u16(status).expect("valid");
    assert_eq!(
        ResponseError::<NexusError>::from_response(code, b"").row(),
        named(&name)
    );
}

// --- status-level answers ----------------------------------------------------------------

#[test]
fn retry_and_reauthentication_follow_the_status_alone() {
    for status in 0..=1000u16 {
        let error = read(status, "");
        let retryable = matches!(status, 408 | 429 | 500 | 502 | 503 | 504);
        assert_eq!(error.is_retryable(), retryable, "{status}");
        assert_eq!(error.needs_reauthentication(), status == 401, "{status}");
        assert_eq!(
            error.is_client_error(),
            (400..500).contains(&status),
            "{status}"
        );
        assert_eq!(
            error.is_server_error(),
            (500..600).contains(&status),
            "{status}"
        );
        // Throttling is 429 alone (RFC 6585, "Too Many Requests"); it is also retryable.
        let throttled = status == 429;
        assert_eq!(error.is_throttled(), throttled, "{status}");
        let action = match status {
            401 => Action::Reauthenticate,
            429 => Action::WaitAndRetry,
            _ if retryable => Action::Retry,
            400..=499 => Action::FixRequest,
            500..=599 => Action::ReportToProvider,
            _ => Action::Inspect,
        };
        assert_eq!(error.action(), action, "{status}");
    }
}

// --- Display ------------------------------------------------------------------------------

#[test]
fn display_shows_the_row_and_only_what_the_server_adds() {
    let (_, code, status, description) = coded_row();
    let error = read(status, &nested(&code.to_string(), &description));
    let row_text = error.row().map(|r| r.to_string()).expect("resolved");
    assert_eq!(error.to_string(), row_text);

    let error = read(status, &nested(&code.to_string(), "Token gone"));
    assert_eq!(
        error.to_string(),
        format!("{row_text}; message \"Token gone\"")
    );

    let error = read(418, r#"{"code":"E42","message":"short and stout"}"#);
    assert_eq!(
        error.to_string(),
        "418 I'm a teapot; code E42; message \"short and stout\""
    );
}

#[test]
fn display_escapes_control_characters_and_bounds_length() {
    let forged = "ok\n2026-01-01 INFO login succeeded\u{1b}[2J\u{202e}";
    let error = read(418, &nested(r#""E\r\n1""#, forged));
    let shown = error.to_string();
    assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
    assert!(
        shown.contains(r"ok\n2026-01-01 INFO login succeeded\u{1b}[2J\u{202e}"),
        "{shown}"
    );
    assert!(shown.contains(r"code E\r\n1"), "{shown}");

    let huge = "x".repeat(10 * 1024 * 1024);
    let error = read(418, &nested(&format!("\"{}\"", "c".repeat(1000)), &huge));
    let shown = error.to_string();
    let bound = common::display_bound::display_bound("418 I'm a teapot".len(), false);
    assert!(shown.len() <= bound, "{} bytes", shown.len());
    assert_eq!(
        error.server_message().map(str::len),
        Some(huge.len()),
        "the message itself is kept whole"
    );
}

// --- fits the ecosystem -------------------------------------------------------------------

#[derive(Debug, thiserror::Error)]
enum ClientError {
    #[error("the Nexus API refused the request")]
    Api(#[from] ResponseError),
}

fn call(status: u16, body: &[u8]) -> Result<(), ClientError> {
    Err(ResponseError::<NexusError>::from_response(status, body))?
}

fn call_anyhow(status: u16, body: &[u8]) -> anyhow::Result<()> {
    Err(ResponseError::<NexusError>::from_response(status, body))?;
    Ok(())
}

#[test]
fn question_mark_works_with_thiserror_and_anyhow() {
    let (name, code, status, description) = coded_row();
    let body = nested(&code.to_string(), &description);
    let Err(ClientError::Api(error)) = call(status, body.as_bytes()) else {
        panic!("an API error")
    };
    assert_eq!(error.row(), named(&name));
    let error = call_anyhow(status, body.as_bytes()).expect_err("an error");
    let typed = error
        .downcast_ref::<ResponseError>()
        .expect("downcasts to ResponseError");
    assert_eq!(typed.row(), named(&name));
    fn assert_send_sync<T: Send + Sync + 'static>(_: &T) {}
    assert_send_sync(typed);
}
