//! The `explain` example, run as its binary runs it (its `cli.rs`, included by path) on
//! responses saved with `curl -si` from a local server, with CRLF line endings as curl
//! wrote them. Expected values are read off the saved files and the spec's 429 row.

#[path = "../examples/explain/cli.rs"]
mod cli;

const SAVED_429: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/429-retry-after.http"
);
const SAVED_503: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/503-retry-after-date.http"
);

/// Runs `explain ARGS` with `stdin`; returns the exit code, standard output and error.
fn explain(args: &[&str], stdin: &[u8]) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(&args, &mut &stdin[..], &mut out, &mut err);
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8 output");
    (code, text(out), text(err))
}

/// The value of a header in a saved response, found by hand.
fn header<'a>(saved: &'a str, name: &str) -> &'a str {
    saved
        .split("\r\n")
        .find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
        .unwrap_or_else(|| panic!("the saved response has {name}"))
}

fn line<'a>(out: &'a str, label: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("a {label:?} line in\n{out}"))
}

#[test]
fn the_saved_429_is_explained_with_its_wait_request_id_and_throttling() {
    let saved = std::fs::read_to_string(SAVED_429).expect("the fixture");
    // As curl wrote it: CRLF after every header line, then the body.
    let (head, body) = saved.split_once("\r\n\r\n").expect("a head and a body");
    assert!(
        !head.replace("\r\n", "").contains('\n'),
        "CRLF line endings"
    );
    assert!(head.starts_with("HTTP/1.1 429 "));
    let (retry_after, request_id) = (
        header(&saved, "Retry-After"),
        header(&saved, "X-Request-Id"),
    );
    assert_eq!(retry_after, "30");

    let (code, out, err) = explain(&[SAVED_429], b"");
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    // The spec's one 429 row, and the advice `Action` documents for it.
    assert_eq!(
        line(&out, "row "),
        "row            TooManyRequests (matched by its message)"
    );
    assert_eq!(
        line(&out, "action"),
        "action         wait for Retry-After, then retry"
    );
    assert_eq!(line(&out, "retry"), "retry          yes");
    assert_eq!(line(&out, "throttled"), "throttled      yes");
    assert_eq!(
        line(&out, "wait"),
        "wait           30 s (Retry-After: \"30\")"
    );
    assert_eq!(
        line(&out, "request id"),
        format!("request id     \"{request_id}\" (from x-request-id)")
    );
    assert_eq!(
        line(&out, "error"),
        format!("error          429 Too Many Requests; request id \"{request_id}\"")
    );
    assert_eq!(line(&out, "server code"), "server code    none sent");
    assert_eq!(body, r#"{"error":{"code":null,"message":""}}"#);
    assert_eq!(
        line(&out, "server message"),
        "server message \"\" (as sent)"
    );

    // The same bytes on standard input, as `curl -si … | explain -`.
    assert_eq!(explain(&["-"], saved.as_bytes()), (0, out, String::new()));
}

#[test]
fn a_date_is_read_against_the_saved_date() {
    let saved = std::fs::read_to_string(SAVED_503).expect("the fixture");
    // Saved with Retry-After two minutes after Date.
    assert_eq!(header(&saved, "Date"), "Thu, 26 Nov 2026 12:10:00 GMT");
    assert_eq!(
        header(&saved, "Retry-After"),
        "Thu, 26 Nov 2026 12:12:00 GMT"
    );
    let (code, out, _) = explain(&[SAVED_503], b"");
    assert_eq!(code, 0);
    assert_eq!(
        line(&out, "wait"),
        "wait           2 min 0 s (Retry-After: \"Thu, 26 Nov 2026 12:12:00 GMT\", a date read against the response's Date)"
    );
    assert_eq!(line(&out, "throttled"), "throttled      no");
    assert_eq!(line(&out, "action"), "action         retry with backoff");
    assert_eq!(
        line(&out, "request id"),
        "request id     \"req_8Kq2vT\" (from request-id)"
    );
}

#[test]
fn http2_heads_bare_newlines_and_interim_responses_read_the_same() {
    let saved = std::fs::read_to_string(SAVED_429).expect("the fixture");
    let (_, expected, _) = explain(&["-"], saved.as_bytes());
    // curl's form for HTTP/2: no reason phrase, lower-case names.
    let (head, body) = saved.split_once("\r\n\r\n").expect("a head and a body");
    let mut http2 = String::from("HTTP/2 429 \r\n");
    for header in head.split("\r\n").skip(1) {
        let (name, value) = header.split_once(':').expect("a header");
        http2.push_str(&format!("{}:{value}\r\n", name.to_ascii_lowercase()));
    }
    http2.push_str("\r\n");
    http2.push_str(body);
    let bare = saved.replace("\r\n", "\n");
    let continued = format!("HTTP/1.1 100 Continue\r\n\r\n{saved}");
    let proxied = format!("HTTP/1.1 200 Connection established\r\n\r\n{http2}");
    for input in [http2.as_str(), &bare, &continued, &proxied] {
        assert_eq!(
            explain(&["-"], input.as_bytes()),
            (0, expected.clone(), String::new()),
            "{input:?}"
        );
    }
}

#[test]
fn what_is_not_a_response_is_refused_with_the_reason() {
    for (input, reason) in [
        (&b"{\"error\":{}}"[..], "must start with `HTTP/`"),
        (b"", "must start with `HTTP/`"),
        (
            b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\n",
            "cut short",
        ),
        (b"HTTP/1.1 4x9 Nope\r\n\r\n", "not an HTTP response head"),
        (b"HTTP/1.1 042 Odd\r\n\r\n", "042 is not an HTTP status"),
    ] {
        let (code, out, err) = explain(&["-"], input);
        assert_eq!((code, out.as_str()), (2, ""), "{input:?}");
        assert!(err.contains(reason), "{input:?}: {err}");
        assert!(err.contains("usage: explain"), "{err}");
    }
    let (code, _, err) = explain(&["/no/such/file.http"], b"");
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /no/such/file.http"), "{err}");
    assert_eq!(explain(&["a", "b", "c"], b"").0, 2);
    assert_eq!(explain(&["99999"], b"").0, 2);
}

#[test]
fn the_older_forms_still_work() {
    let (code, out, _) = explain(
        &[
            "401",
            r#"{"error":{"code":4011,"message":"The session token used in this request has expired."}}"#,
        ],
        b"",
    );
    assert_eq!(code, 0);
    assert_eq!(
        line(&out, "row "),
        "row            SessionTokenExpired (matched by its code)"
    );
    // No headers: no wait and no request id lines.
    assert!(
        !out.contains("wait ") && !out.contains("request id"),
        "{out}"
    );

    let (code, out, _) = explain(&["400", "-"], br#"{"code":4001}"#);
    assert_eq!(code, 0);
    assert_eq!(line(&out, "server code"), "server code    4001 (as sent)");

    let (code, out, _) = explain(&[], b"");
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!(
        "{} errors documented by the MX Nexus API",
        nexus_errors::NexusError::COUNT
    )));
    let (code, out, _) = explain(&["--help"], b"");
    assert_eq!((code, out.starts_with("usage: explain")), (0, true));
}
