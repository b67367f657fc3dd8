use serde_json::Value;

use super::*;

fn nexus(body: &str) -> (Option<RawCode<'_>>, Option<Cow<'_, str>>) {
    let fields = read(body.as_bytes(), &BodyShape::NEXUS);
    (fields.code, fields.message.map(Sent::into_text))
}

fn with(shape: BodyShape, body: &str) -> (Option<RawCode<'_>>, Option<&str>) {
    let fields = read(body.as_bytes(), &shape);
    let message = match fields.message.map(Sent::into_text) {
        Some(Cow::Borrowed(message)) => Some(message),
        Some(Cow::Owned(message)) => panic!("{message:?} is a copy, from {body}"),
        None => None,
    };
    (fields.code, message)
}

fn text(s: &str) -> Option<RawCode<'_>> {
    Some(RawCode::Text(Sent::Text(Cow::Borrowed(s))))
}

fn owned(s: &str) -> Option<RawCode<'static>> {
    Some(owned_text(s.to_owned()))
}

fn owned_text(s: String) -> RawCode<'static> {
    RawCode::Text(Sent::Text(Cow::Owned(s)))
}

fn number(n: i64) -> Option<RawCode<'static>> {
    Some(RawCode::Number(n))
}

#[test]
fn nested_flat_and_string_shapes() {
    assert_eq!(
        nexus(r#"{"error":{"code":4011,"message":"m"}}"#),
        (number(4011), Some("m".into()))
    );
    assert_eq!(
        nexus(r#"{"code":4011,"message":"m"}"#),
        (number(4011), Some("m".into()))
    );
    assert_eq!(nexus(r#"{"error":"m"}"#), (None, Some("m".into())));
}

#[test]
fn codes_of_every_type() {
    assert_eq!(nexus(r#"{"code":" 4011 "}"#).0, text("4011"));
    assert_eq!(nexus(r#"{"code":"  "}"#).0, None);
    assert_eq!(nexus(r#"{"code":""}"#).0, None);
    assert_eq!(nexus(r#"{"code":null}"#).0, None);
    assert_eq!(nexus(r#"{"code":4011.0}"#).0, number(4011));
    assert_eq!(nexus(r#"{"code":4e3}"#).0, number(4000));
    assert_eq!(nexus(r#"{"code":-0}"#).0, number(0));
    assert_eq!(nexus(r#"{"code":-7}"#).0, number(-7));
    assert_eq!(nexus(r#"{"code":4011.5}"#).0, owned("4011.5"));
    assert_eq!(nexus(r#"{"code":9223372036854775807}"#).0, number(i64::MAX));
    assert_eq!(
        nexus(r#"{"code":-9223372036854775808}"#).0,
        number(i64::MIN)
    );
    // Past i64 but within u64: its digits, borrowed.
    assert_eq!(
        nexus(r#"{"code":18446744073709551615}"#).0,
        text("18446744073709551615")
    );
    // Past u64: the nearest f64, written out.
    assert_eq!(
        nexus(r#"{"code":99999999999999999999}"#).0,
        owned("100000000000000000000")
    );
    assert_eq!(nexus(r#"{"code":1e400,"message":"m"}"#).0, None);
    assert_eq!(
        nexus(r#"{"code":[1,{"a":2}],"message":"m"}"#),
        (None, Some("m".into()))
    );
    // An escaped code is unescaped, then trimmed like any other.
    assert_eq!(nexus(r#"{"code":" 4\u00301 "}"#).0, owned("401"));
    assert_eq!(nexus(r#"{"code":"4\u00301"}"#).0, owned("401"));
    assert_eq!(nexus(r#"{"code":"\u0020"}"#).0, None);
}

#[test]
fn the_nested_object_wins_over_flat_fields() {
    assert_eq!(
        nexus(r#"{"code":1,"message":"flat","error":{"code":2,"message":"nested"}}"#),
        (number(2), Some("nested".into()))
    );
    assert_eq!(
        nexus(r#"{"code":1,"error":{"message":"nested"}}"#),
        (number(1), Some("nested".into()))
    );
    assert_eq!(
        nexus(r#"{"message":"flat","error":"string"}"#),
        (None, Some("string".into()))
    );
    assert_eq!(
        nexus(r#"{"message":"flat","error":{"code":2}}"#),
        (number(2), Some("flat".into()))
    );
}

#[test]
fn unexpected_types_and_extra_fields_are_skipped() {
    assert_eq!(
        nexus(r#"{"message":42,"extra":{"deep":[true,null]},"code":7}"#),
        (number(7), None)
    );
    assert_eq!(
        nexus(r#"{"error":{"error":{"code":9}},"code":7}"#),
        (number(7), None)
    );
    assert_eq!(nexus(r#"[{"code":7}]"#), (None, None));
    // An object where a code or a message belongs is skipped whole; what follows is read.
    assert_eq!(
        nexus(r#"{"error":{"code":{"a":[1]},"message":"m"}}"#),
        (None, Some("m".into()))
    );
    assert_eq!(nexus(r#"{"message":{"a":{}},"code":7}"#), (number(7), None));
    assert_eq!(nexus(r#"{"message":5,"code":true}"#), (None, None));
    assert_eq!(
        nexus(r#"{"a":true,"b":false,"c":null,"d":"","e":0,"message":"m"}"#),
        (None, Some("m".into()))
    );
}

#[test]
fn strings_are_borrowed_unless_escaped() {
    let (_, message) = nexus(r#"{"message":"plain"}"#);
    assert!(matches!(message, Some(Cow::Borrowed("plain"))));
    let (_, message) = nexus(r#"{"message":"tab\there"}"#);
    assert!(matches!(message, Some(Cow::Owned(ref m)) if m == "tab\there"));
    let (code, _) = nexus(r#"{"code":" E_LIMIT "}"#);
    assert!(matches!(code, Some(RawCode::Text(Sent::Ascii(b"E_LIMIT")))));
}

#[test]
fn what_came_before_a_break_is_kept() {
    assert_eq!(
        nexus(r#"{"error":{"code":4011,"message":"The sess"#),
        (number(4011), None)
    );
    assert_eq!(nexus(r#"{"code":7,}"#), (number(7), None));
    assert_eq!(nexus(r#"{"code":07}"#), (None, None));
    assert_eq!(
        nexus("{\"code\":7,\"message\":\"a\tb\"}"),
        (number(7), None)
    );
    assert_eq!(nexus(r#"{"code":7,"message":tru}"#), (number(7), None));
    assert_eq!(nexus(r#"{"code":7 "message":"m"}"#), (number(7), None));
    assert_eq!(
        nexus(r#"{"code":7,"x":[1}, "message":"m"}"#),
        (number(7), None)
    );
    assert_eq!(
        nexus(r#"{"code":7,"error":{"message":"m" "#),
        (number(7), Some("m".into()))
    );
    assert_eq!(nexus(r#"{"code":7, message:"m"}"#), (number(7), None));
}

#[test]
fn what_follows_the_object_is_not_read() {
    assert_eq!(nexus(r#"{"code":1}<html>"#), (number(1), None));
    assert_eq!(
        nexus(r#"{"code":1}{"code":2,"message":"m"}"#),
        (number(1), None)
    );
    assert_eq!(nexus("{\"code\":7}\u{ff}\u{0}"), (number(7), None));
    assert_eq!(
        read(b"{\"code\":7}\xff", &BodyShape::NEXUS),
        Fields {
            code: number(7),
            message: None
        }
    );
}

#[test]
fn bodies_that_are_not_objects_have_no_fields() {
    for body in [
        &b""[..],
        b" \t\r\n",
        b"<html>502 Bad Gateway</html>",
        br#"[{"code":7}]"#,
        br#""error""#,
        b"null",
        b"4011",
        b"\xff{",
        b"\x0c{\"code\":7}",
    ] {
        assert_eq!(read(body, &BodyShape::NEXUS), Fields::default());
    }
    assert_eq!(
        read(b" \t\r\n{\"code\":7}", &BodyShape::NEXUS).code,
        number(7)
    );
}

#[test]
fn deep_nesting_is_skipped_without_overflowing() {
    let deep = format!(
        "{{\"code\":5,\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(nexus(&deep).0, number(5));
    // Past the deep value, the reader goes on.
    let deep = format!(
        "{{\"x\":{}0{},\"code\":5}}",
        "[{\"a\":".repeat(50_000),
        "}]".repeat(50_000)
    );
    assert_eq!(nexus(&deep).0, number(5));
}

#[test]
fn a_later_duplicate_replaces_what_came_before_it() {
    // As serde_json's `Value` reads them: the last of two equal keys counts, whole.
    assert_eq!(nexus(r#"{"code":"x","code":5}"#).0, number(5));
    assert_eq!(nexus(r#"{"code":5,"code":"  "}"#).0, None);
    assert_eq!(nexus(r#"{"code":5,"code":null}"#).0, None);
    assert_eq!(
        nexus(r#"{"error":{"code":1,"message":"a"},"error":{"message":"b"}}"#),
        (None, Some("b".into()))
    );
    assert_eq!(
        nexus(r#"{"error":"a","error":{"code":2}}"#),
        (number(2), None)
    );
}

#[test]
fn keys_are_compared_unescaped() {
    assert_eq!(
        nexus(r#"{"\u0063ode":7,"mess\u0061ge":"m"}"#),
        (number(7), Some("m".into()))
    );
    assert_eq!(nexus(r#"{"cod\u0065x":7}"#).0, None);
    let shape = BodyShape::__from_pointers(&[&["a/b"], &["é"]], &[&["\""]]);
    assert_eq!(
        with(shape, r#"{"a\/b":1,"\"":"q"}"#),
        (number(1), Some("q"))
    );
    assert_eq!(with(shape, r#"{"\u00e9":"x"}"#).0, text("x"));
}

#[test]
fn the_problem_details_example_of_rfc_9457() {
    // RFC 9457 §3, https://www.rfc-editor.org/rfc/rfc9457#section-3
    let body = r#"{
        "type": "https://example.com/probs/out-of-credit",
        "title": "You do not have enough credit.",
        "detail": "Your current balance is 30, but that costs 50.",
        "instance": "/account/12345/msgs/abc",
        "balance": 30,
        "accounts": ["/account/12345", "/account/67890"]
    }"#;
    assert_eq!(
        with(BodyShape::PROBLEM_DETAILS, body),
        (
            text("https://example.com/probs/out-of-credit"),
            Some("Your current balance is 30, but that costs 50.")
        )
    );
    // RFC 9457 §4.2.1: `about:blank`, the type when none is given, with only a title.
    assert_eq!(
        with(
            BodyShape::PROBLEM_DETAILS,
            r#"{"type":"about:blank","title":"Not Found","status":"404"}"#
        ),
        (text("about:blank"), Some("Not Found"))
    );
    // A `code` extension member (Unity Relay's `ErrorResponseBody`,
    // https://docs.unity.com/ugs/en-us/packages/com.unity.services.relay/1.1/api/Unity.Services.Relay.Models.ErrorResponseBody)
    // wins over the type.
    assert_eq!(
        with(
            BodyShape::PROBLEM_DETAILS,
            r#"{"status":404,"detail":"allocation not found","title":"Not Found","type":"https://example.com/not-found","code":15002}"#
        ),
        (number(15002), Some("allocation not found"))
    );
}

#[test]
fn oauth_errors_of_rfc_6749() {
    // RFC 6749 §5.2, https://www.rfc-editor.org/rfc/rfc6749#section-5.2
    assert_eq!(
        with(BodyShape::OAUTH, r#"{"error":"invalid_request"}"#),
        (text("invalid_request"), None)
    );
    let body = r#"{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, or malformed.","error_uri":"https://example.com/errors/scope"}"#;
    assert_eq!(
        with(BodyShape::OAUTH, body),
        (
            text("invalid_scope"),
            Some("The requested scope is invalid, unknown, or malformed.")
        )
    );
    // The Nexus shape takes this `error` for the message: the misreading the shapes fix.
    assert_eq!(with(BodyShape::NEXUS, body), (None, Some("invalid_scope")));
}

#[test]
fn flat_bodies_under_other_names() {
    // Tencent Cloud, https://www.tencentcloud.com/document/api/214/11603
    assert_eq!(
        with(
            BodyShape::FLAT,
            r#"{"code": "5100","message": "(100004) incorrect projectId"}"#
        ),
        (text("5100"), Some("(100004) incorrect projectId"))
    );
    // Broadcom's `ApiError`,
    // https://developer.broadcom.com/xapis/usage-management-public-apis/latest/data-structures/ApiError
    assert_eq!(
        with(
            BodyShape::FLAT,
            r#"{"error_code":"string","error_message":"A description of the error that occurred","error_details":[{"error_code":"inner","error_message":"inner"}]}"#
        ),
        (
            text("string"),
            Some("A description of the error that occurred")
        )
    );
    // Oracle Content Management,
    // https://docs.oracle.com/en/cloud/paas/content-cloud/rest-api-documents/Error-Messages.html
    assert_eq!(
        with(
            BodyShape::FLAT,
            r#"{"errorCode":-16,"errorKey":"resource.not.found","errorMessage":"A folder or file with the specified name or ID does not exist."}"#
        ),
        (
            number(-16),
            Some("A folder or file with the specified name or ID does not exist.")
        )
    );
    // Oracle EDM: `errorCode` with a plain `message`,
    // https://docs.oracle.com/en/cloud/saas/enterprise-data-management-cloud/edmra/edmcs_error_messages.html
    assert_eq!(
        with(
            BodyShape::FLAT,
            r#"{"statusCode":401,"status":"Unauthorized","message":"Invalid credentials for user edmcs.epm_cloud_user","errorCode":-1,"operation":"Authentication"}"#
        ),
        (
            number(-1),
            Some("Invalid credentials for user edmcs.epm_cloud_user")
        )
    );
}

#[test]
fn shapes_of_other_apis_by_their_own_pointers() {
    // Google's AIP-193, https://google.aip.dev/193: `/error/code` is the HTTP status and
    // `/error/status` the code.
    let google = BodyShape::__from_pointers(&[&["error", "status"]], &[&["error", "message"]]);
    let body = r#"{"error":{"code":429,"message":"Quota exceeded for quota metric 'Requests'.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED"}]}}"#;
    assert_eq!(
        with(google, body),
        (
            text("RESOURCE_EXHAUSTED"),
            Some("Quota exceeded for quota metric 'Requests'.")
        )
    );
    // An array of errors, Broadcom's `errorResponse`,
    // https://developer.broadcom.com/xapis/rbac-authorization-permissions-api/2.1/data-structures/errorResponse
    let first = BodyShape::__from_pointers(
        &[&["errors", "0", "code"]],
        &[&["errors", "0", "message"], &["errors", "1", "message"]],
    );
    assert_eq!(
        with(first, r#"{"errors":[{"code":"code","message":"message"}]}"#),
        (text("code"), Some("message"))
    );
    assert_eq!(
        with(first, r#"{"errors":[{"code":88},{"message":"second"}]}"#),
        (number(88), Some("second"))
    );
    assert_eq!(
        with(first, r#"{"errors":{"0":{"code":88}}}"#),
        (number(88), None)
    );
    assert_eq!(with(first, r#"{"errors":[]}"#), (None, None));
    assert_eq!(
        with(first, r#"{"errors":[ 1 , {"code" : 2} ]}"#),
        (None, None)
    );
}

/// What `Value::pointer` gives for `pointers`, in order, read by this module's rules: the
/// independent answer the reader must match on any body serde_json parses.
fn by_serde(
    body: &[u8],
    code: &[&[&str]],
    message: &[&[&str]],
) -> Option<(Option<RawCode<'static>>, Option<String>)> {
    let value: Value = serde_json::from_slice(body).ok()?;
    if !value.is_object() {
        return Some((None, None));
    }
    let pointer = |tokens: &[&str]| -> String {
        tokens
            .iter()
            .map(|t| format!("/{}", t.replace('~', "~0").replace('/', "~1")))
            .collect()
    };
    let code = code
        .iter()
        .find_map(|tokens| match value.pointer(&pointer(tokens))? {
            Value::String(s) if !s.trim().is_empty() => Some(owned_text(s.trim().to_owned())),
            Value::Number(n) => Some(match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => RawCode::Number(i),
                (None, Some(u), _) => owned_text(u.to_string()),
                (None, None, Some(f)) if f.fract() == 0.0 && (-9.2e18..=9.2e18).contains(&f) =>
                {
                    #[allow(clippy::cast_possible_truncation)]
                    RawCode::Number(f as i64)
                }
                (None, None, f) => owned_text(f.unwrap_or(f64::NAN).to_string()),
            }),
            _ => None,
        });
    let message = message
        .iter()
        .find_map(|tokens| value.pointer(&pointer(tokens))?.as_str().map(str::to_owned));
    Some((code, message))
}

#[test]
fn agrees_with_serde_json_on_mutated_bodies() {
    let seeds: &[&str] = &[
        r#"{"error":{"code":4011,"message":"The session token used in this request has expired."}}"#,
        r#" { "code" : -7 , "message" : "m" , "extra" : true, "n": null } "#,
        r#"{"code":1,"message":"flat","error":{"code":2,"message":"nested"}}"#,
        r#"{"error":"m","code":"  42 ","message":null,"error":{"code":3}}"#,
        r#"{"error":{"error":"x","code":null,"message":5}}"#,
        r#"{"code":4011.0,"message":"a\nb\u00e9"}"#,
        r#"{"code":99999999999999999999,"x":[[{}],[]]}"#,
        r#"{"errors":[{"code":1},{"message":"two"},[3]],"a/b":{"~":"t"}}"#,
        r#"{"type":"about:blank","title":"T","detail":"D","code":"E1"}"#,
    ];
    let pointers: &[&[&str]] = &[
        &["error", "code"],
        &["code"],
        &["error", "message"],
        &["error"],
        &["message"],
        &["errors", "0", "code"],
        &["errors", "1", "message"],
        &["errors", "2", "0"],
        &["a/b", "~"],
        &["x", "0", "0"],
        &["title"],
        &[],
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"{}[]\":,\\ 0123456789-.eEnulltruefalse/~u\x01\xc3\xa9\xff";
    let mut compared = 0;
    for seed in seeds {
        for _ in 0..6_000 {
            let mut body = seed.as_bytes().to_vec();
            for _ in 0..(next() % 4) {
                let at = (next() as usize) % (body.len() + 1);
                let byte = alphabet[(next() as usize) % alphabet.len()];
                match next() % 3 {
                    0 if at < body.len() => {
                        body.remove(at);
                    }
                    1 if at < body.len() => body[at] = byte,
                    _ => body.insert(at, byte),
                }
            }
            let pick = |next: &mut dyn FnMut() -> u64| -> Vec<&[&str]> {
                (0..next() % 4)
                    .map(|_| pointers[(next() as usize) % pointers.len()])
                    .collect()
            };
            let code = pick(&mut next);
            let message = pick(&mut next);
            let found = read_pointers(&body, &Plan::of(&code, &message));
            let shown = String::from_utf8_lossy(&body);
            if let Some(expected) = by_serde(&body, &code, &message) {
                compared += 1;
                assert_eq!(found.code, expected.0, "{shown} {code:?}");
                assert_eq!(
                    found.message.as_ref().map(Sent::as_bytes),
                    expected.1.as_ref().map(String::as_bytes),
                    "{shown} {message:?}"
                );
            }
            // Whatever the bytes, a kept string is never longer than the body.
            assert!(
                found
                    .message
                    .is_none_or(|m| m.as_bytes().len() <= body.len()),
                "{shown}"
            );
        }
    }
    // Most mutations break the JSON; enough must survive for the comparison to mean much.
    assert!(compared > 10_000, "{compared}");
}

#[test]
fn the_hook_reads_as_the_reader_does() {
    let body = br#"{"error":"invalid_scope","error_description":"Scope x is unknown.","code":7}"#;
    assert_eq!(
        hook::read(body, &[&["nope"], &["code"]], &[&["error"]]),
        (Some(Ok(7)), Some(Cow::Borrowed("invalid_scope")))
    );
    assert_eq!(
        hook::read_shape(body, &BodyShape::OAUTH),
        (
            Some(Err(Cow::Borrowed("invalid_scope"))),
            Some(Cow::Borrowed("Scope x is unknown."))
        )
    );
    assert_eq!(hook::read(b"<html>", &[&["code"]], &[]), (None, None));
}

#[test]
fn same_bytes_is_slice_equality() {
    // Every length a word loop treats apart (below 4, below 8, whole words, a tail that
    // overlaps), each byte changed in turn, and a length off by one.
    let text: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
    for length in 0..=text.len() {
        let a = &text[..length];
        // A copy, so that no comparison can pass on the address alone.
        let copy = a.to_vec();
        assert!(same_bytes(a, &copy), "{length}");
        for at in 0..length {
            let mut b = a.to_vec();
            b[at] ^= 0x20;
            assert!(!same_bytes(a, &b), "{length}, byte {at}");
        }
        if length > 0 {
            assert!(!same_bytes(a, &text[..length - 1]), "{length}");
            assert!(!same_bytes(&text[..length - 1], a), "{length}");
        }
    }
}
