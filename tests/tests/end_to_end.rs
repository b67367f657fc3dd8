//! End to end: a real HTTP server on loopback serves every row of the table and hostile
//! responses; reqwest reads them through nexus-errors' `reqwest` helpers. What each response
//! should resolve to is worked out from the spec file by the documented rules, never taken
//! from the code under test. Each test starts its own server on 127.0.0.1, port 0, and stops it.

mod common;

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use acme_payments_errors::PaymentsError;
use axum::Router;
use axum::body::Body;
use axum::response::Response;
use axum::routing::get;
use common::loopback::{Loopback, client};
use common::{Row, Spec};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, DATE, HeaderName, RETRY_AFTER};
use nexus_errors::{
    ErrorTable, NexusError, ReqwestResponseExt, Resolution, ResponseError, ServerCode,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// How much of a streamed body `from_reqwest` reads, as its documentation states: 64 KiB.
const BODY_LIMIT: usize = 64 * 1024;

// --- the server and the client ---------------------------------------------------------

/// Makes one response, afresh for each request.
type Respond = Arc<dyn Fn() -> Response + Send + Sync>;

/// An axum server on loopback that serves one response per path and counts what it served.
struct Server {
    loopback: Loopback,
    served: Arc<AtomicUsize>,
}

impl Server {
    async fn start(routes: Vec<(String, Respond)>) -> Server {
        let served = Arc::new(AtomicUsize::new(0));
        let mut router = Router::new();
        for (path, respond) in routes {
            let served = Arc::clone(&served);
            router = router.route(
                &path,
                get(move || {
                    served.fetch_add(1, Ordering::SeqCst);
                    std::future::ready(respond())
                }),
            );
        }
        Server {
            loopback: Loopback::serve(router).await,
            served,
        }
    }

    fn url(&self, path: &str) -> String {
        self.loopback.url(path)
    }

    /// Requests `path`; the response, whatever its status.
    async fn get(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        client
            .get(self.url(path))
            .send()
            .await
            .expect("the server answers")
    }

    /// A server for these cases, one path each.
    async fn for_cases(cases: &[Case]) -> Server {
        Server::start(
            cases
                .iter()
                .map(|c| (c.path.clone(), Arc::clone(&c.respond)))
                .collect(),
        )
        .await
    }

    /// Stops the server and returns how many responses it served.
    async fn stop(self) -> usize {
        self.loopback.stop().await;
        self.served.load(Ordering::SeqCst)
    }
}

/// A response with this status, headers and body.
fn respond(status: u16, headers: &[(HeaderName, &str)], body: impl Into<Vec<u8>>) -> Respond {
    let headers: Vec<(HeaderName, String)> = headers
        .iter()
        .map(|(name, value)| (name.clone(), (*value).to_owned()))
        .collect();
    let body = body.into();
    Arc::new(move || {
        let mut response = Response::builder().status(status);
        for (name, value) in &headers {
            response = response.header(name, value);
        }
        response
            .body(Body::from(body.clone()))
            .expect("a valid response")
    })
}

/// Requests `path` and reads the failed response with the extension trait.
async fn fetch(client: &reqwest::Client, server: &Server, path: &str) -> ResponseError {
    server
        .get(client, path)
        .await
        .table_error_for_status::<NexusError>()
        .await
        .expect_err("a 4xx or 5xx response is an error")
}

// --- expectations, from the spec ---------------------------------------------------------

/// What a response should read as.
#[derive(Debug, Clone)]
struct Expect {
    status: u16,
    code: Option<i64>,
    message: Option<String>,
    retry_after: Option<Duration>,
}

impl Expect {
    fn new(status: u16, code: Option<i64>, message: Option<&str>) -> Self {
        Expect {
            status,
            code,
            message: message.map(str::to_owned),
            retry_after: None,
        }
    }

    /// The row the documented rules pick, worked out on the spec, and by which rule.
    fn resolution<'s>(&self, spec: &'s Spec) -> (Option<&'s Row>, Option<Resolution>) {
        let code = self.code.map(ServerCode::Number);
        spec.expected_row(self.status, code.as_ref(), self.message.as_deref())
    }

    fn check<T: ErrorTable>(&self, spec: &Spec, error: &ResponseError<T>, what: &str) {
        let (row, resolution) = self.resolution(spec);
        assert_eq!(
            error.row().map(|row| row.row().name()),
            row.map(|row| row.name.as_str()),
            "{what}: row"
        );
        assert_eq!(error.resolution(), resolution, "{what}: resolution");
        assert_eq!(error.status(), self.status, "{what}: status");
        assert_eq!(
            error.server_code(),
            self.code.map(ServerCode::Number).as_ref(),
            "{what}: code"
        );
        assert_eq!(
            error.server_message(),
            self.message.as_deref(),
            "{what}: message"
        );
        assert_eq!(error.retry_after(), self.retry_after, "{what}: retry-after");
        assert_eq!(
            error.is_retryable(),
            matches!(self.status, 408 | 429 | 500 | 502 | 503 | 504),
            "{what}: retryable"
        );
        let shown = error.to_string();
        assert!(!shown.chars().any(char::is_control), "{what}: {shown:?}");
    }
}

/// One served response and what it should read as.
struct Case {
    path: String,
    respond: Respond,
    expect: Expect,
}

/// Serves the cases, reads each once with `nexus_error_for_status`, checks it, and returns
/// how many responses were served.
async fn run(spec: &Spec, cases: Vec<Case>) -> usize {
    let server = Server::for_cases(&cases).await;
    let client = client();
    for case in &cases {
        let error = fetch(&client, &server, &case.path).await;
        case.expect.check(spec, &error, &case.path);
    }
    drop(client);
    let served = server.stop().await;
    assert_eq!(served, cases.len(), "one response per case");
    served
}

/// The spec's statuses, each once, ascending.
fn statuses(spec: &Spec) -> Vec<u16> {
    let mut statuses: Vec<u16> = spec.error.iter().map(|r| r.status).collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses
}

fn nexus(name: &str) -> NexusError {
    name.parse().expect("a row of the spec")
}

/// A row of `T`'s table served as the API sends it, under `prefix/<name>`: it should read
/// back as that row.
fn row_case<T: ErrorTable>(prefix: &str, row: &Row) -> Case {
    let error = T::from_name(&row.name).expect("a row of the table's spec");
    Case {
        path: format!("{prefix}/{}", row.name),
        respond: Arc::new(move || error.row().to_http_response().map(Body::from)),
        expect: Expect::new(row.status, row.code, Some(&row.description)),
    }
}

// --- the table ---------------------------------------------------------------------------

#[tokio::test]
async fn every_row_served_as_a_real_response_resolves_to_it() {
    let spec = common::nexus_spec();
    assert_eq!(spec.error.len(), NexusError::COUNT);
    let cases: Vec<Case> = spec
        .error
        .iter()
        .map(|row| row_case::<NexusError>("/row", row))
        .collect();
    // Rows sharing their status without a code can only be told apart by their message.
    assert!(
        spec.error
            .iter()
            .any(|r| r.code.is_none() && spec.with_status(r.status).len() > 1)
    );
    for case in &cases {
        let name = case.path.trim_start_matches("/row/");
        assert_eq!(
            case.expect.resolution(&spec).0.map(|row| row.name.as_str()),
            Some(name),
            "the spec resolves {name} to itself"
        );
    }
    run(&spec, cases).await;
}

#[tokio::test]
async fn unknown_errors_keep_code_and_message_and_resolve_by_status_alone() {
    let spec = common::nexus_spec();
    let code = 9999;
    let message = "Something the documentation does not list.";
    assert!(
        spec.error
            .iter()
            .all(|r| r.code != Some(9999) && r.description != message)
    );
    let body = format!(r#"{{"error":{{"code":{code},"message":"{message}"}}}}"#);
    // Every status of the table, and one the table does not have.
    let mut all = statuses(&spec);
    all.push(409);
    assert!(spec.with_status(409).is_empty());
    let cases: Vec<Case> = all
        .iter()
        .map(|&status| Case {
            path: format!("/unknown/{status}"),
            respond: respond(status, &[(CONTENT_TYPE, "application/json")], body.clone()),
            expect: Expect::new(status, Some(code), Some(message)),
        })
        .collect();
    let single = cases
        .iter()
        .filter(|c| c.expect.resolution(&spec).1 == Some(Resolution::Status))
        .count();
    let none = cases
        .iter()
        .filter(|c| c.expect.resolution(&spec).1.is_none())
        .count();
    assert!(
        single > 0 && none > 0,
        "both outcomes are covered: {single} single-row statuses, {none} without a row"
    );
    assert_eq!(single + none, cases.len());
    run(&spec, cases).await;
}

// --- hostile and broken responses --------------------------------------------------------

#[tokio::test]
async fn proxy_html_pages_and_empty_bodies_keep_the_status() {
    let spec = common::nexus_spec();
    let mut cases = Vec::new();
    for (status, reason) in [(502u16, "Bad Gateway"), (503, "Service Unavailable")] {
        let page = format!(
            "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
        );
        cases.push(Case {
            path: format!("/html/{status}"),
            respond: respond(status, &[(CONTENT_TYPE, "text/html")], page),
            expect: Expect::new(status, None, None),
        });
    }
    for status in statuses(&spec).into_iter().chain([502]) {
        cases.push(Case {
            path: format!("/empty/{status}"),
            respond: respond(status, &[], Vec::new()),
            expect: Expect::new(status, None, None),
        });
    }
    // The proxy pages: no row, retryable, and shown as the bare status line.
    let server = Server::for_cases(&cases).await;
    let client = client();
    for (path, shown) in [
        ("/html/502", "502 Bad Gateway"),
        ("/html/503", "503 Service Unavailable"),
    ] {
        let error =
            ResponseError::<NexusError>::from_reqwest(server.get(&client, path).await).await;
        assert_eq!(error.row(), None, "{path}");
        assert!(error.is_retryable(), "{path}");
        assert_eq!(error.to_string(), shown);
    }
    drop(client);
    assert_eq!(server.stop().await, 2);
    run(&spec, cases).await;
}

#[tokio::test]
async fn truncated_bodies_keep_what_came_before_the_cut() {
    let spec = common::nexus_spec();
    // Every row's body, cut in the middle of its message, served with a Content-Length
    // that matches the bytes sent: the code, if any, came before the cut.
    let cases: Vec<Case> = spec
        .error
        .iter()
        .map(|row| {
            let body = nexus(&row.name).row().error_body();
            let start =
                body.find(r#""message":""#).expect("a message field") + r#""message":""#.len();
            let cut = body.as_bytes()[..start + row.description.len() / 2].to_vec();
            let length = cut.len().to_string();
            Case {
                path: format!("/cut/{}", row.name),
                respond: respond(
                    row.status,
                    &[
                        (CONTENT_TYPE, "application/json"),
                        (CONTENT_LENGTH, &length),
                    ],
                    cut,
                ),
                expect: Expect::new(row.status, row.code, None),
            }
        })
        .collect();
    run(&spec, cases).await;
}

#[tokio::test]
async fn a_body_cut_by_the_connection_closing_is_read_as_far_as_it_came() {
    let spec = common::nexus_spec();
    let row = spec
        .error
        .iter()
        .find(|r| r.code.is_some() && spec.with_status(r.status).len() > 1)
        .expect("a coded row sharing its status");
    let body = nexus(&row.name).row().error_body();
    let sent = body.as_bytes()[..body.len() - 10].to_vec();
    // A raw server: it announces the whole body, sends part of it and closes the connection.
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let url = format!(
        "http://{}/closing",
        listener.local_addr().expect("its address")
    );
    let head = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        row.status,
        row.status_text,
        body.len()
    );
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await?;
        let mut request = Vec::new();
        let mut buffer = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 64 * 1024 {
            let n = socket.read(&mut buffer).await?;
            if n == 0 {
                break;
            }
            request.extend_from_slice(&buffer[..n]);
        }
        socket.write_all(head.as_bytes()).await?;
        socket.write_all(&sent).await?;
        socket.shutdown().await
    });
    let response = client().get(url).send().await.expect("the head arrives");
    let error = response
        .table_error_for_status::<NexusError>()
        .await
        .expect_err("a failed response");
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the raw server ends")
        .expect("joins")
        .expect("no I/O error");
    Expect::new(row.status, row.code, None).check(&spec, &error, "closed early");
    assert_eq!(error.row().map(NexusError::name), Some(row.name.as_str()));
}

#[tokio::test]
async fn bodies_past_the_bound_are_read_up_to_it_and_no_further() {
    let spec = common::nexus_spec();
    let (row, code) = spec.coded_row();

    let prefix = format!(r#"{{"error":{{"code":{code},"message":""#);
    // A message whose closing quote is the last byte within the bound, then a second
    // "message" that would replace it if anything past the bound were read.
    let body = |padding: usize| {
        let mut body = prefix.clone().into_bytes();
        body.resize(body.len() + padding, b'x');
        body.extend_from_slice(br#"","message":"read past the bound"}}"#);
        body.resize(body.len() + 1024 * 1024, b' ');
        body
    };
    let fits = BODY_LIMIT - prefix.len() - 1;
    let within = body(fits);
    assert_eq!(within[BODY_LIMIT - 1], b'"');
    let beyond = body(fits + 1);
    assert_eq!(beyond[BODY_LIMIT - 1], b'x');

    // And a 64 MiB body streamed in 64 KiB chunks, counted as the server produces them.
    const CHUNK: usize = 64 * 1024;
    const CHUNKS: usize = 1024;
    let produced = Arc::new(AtomicUsize::new(0));
    let streamed: Respond = {
        let produced = Arc::clone(&produced);
        let (status, prefix) = (row.status, prefix.clone());
        Arc::new(move || {
            let produced = Arc::clone(&produced);
            let chunks = std::iter::once(prefix.clone().into_bytes())
                .chain(std::iter::repeat_n(vec![b'x'; CHUNK], CHUNKS))
                .map(move |chunk| {
                    produced.fetch_add(chunk.len(), Ordering::SeqCst);
                    Ok::<_, Infallible>(chunk)
                });
            Response::builder()
                .status(status)
                .body(Body::from_stream(futures_util::stream::iter(chunks)))
                .expect("a valid response")
        })
    };

    let json = [(CONTENT_TYPE, "application/json")];
    let cases = vec![
        Case {
            path: "/bound/within".into(),
            respond: respond(row.status, &json, within),
            expect: Expect::new(row.status, Some(code), Some("x".repeat(fits).as_str())),
        },
        Case {
            path: "/bound/beyond".into(),
            respond: respond(row.status, &json, beyond),
            expect: Expect::new(row.status, Some(code), None),
        },
        Case {
            path: "/bound/streamed".into(),
            respond: streamed,
            expect: Expect::new(row.status, Some(code), None),
        },
    ];
    let started = std::time::Instant::now();
    run(&spec, cases).await;
    let produced = produced.load(Ordering::SeqCst);
    // The client stopped reading at the bound: the server could only fill the socket buffers
    // past it, far from the whole body.
    assert!(
        produced < CHUNK * CHUNKS / 4,
        "the server produced {produced} bytes of {}",
        CHUNK * CHUNKS
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn retry_after_is_read_in_both_forms() {
    let spec = common::nexus_spec();
    let limited = spec.with_status(429);
    let [row] = limited.as_slice() else {
        panic!("the spec has one 429 row")
    };
    let body = nexus(&row.name).row().error_body();
    let message = Some(row.description.as_str());
    let html = "<html><body>Service Unavailable</body></html>";
    let case = |path: &str,
                status: u16,
                retry_after: Option<&str>,
                body: &str,
                message: Option<&str>,
                delay: Option<u64>| {
        let mut headers: Vec<(HeaderName, &str)> = retry_after
            .map(|value| (RETRY_AFTER, value))
            .into_iter()
            .collect();
        // The server's clock, which a date is read against: two minutes before it.
        headers.push((DATE, "Wed, 21 Oct 2026 07:26:00 GMT"));
        let mut expect = Expect::new(status, None, message);
        expect.retry_after = delay.map(Duration::from_secs);
        Case {
            path: path.into(),
            respond: respond(status, &headers, body),
            expect,
        }
    };
    let cases = vec![
        case("/429/seconds", 429, Some("17"), &body, message, Some(17)),
        case("/429/none", 429, None, &body, message, None),
        case("/429/garbage", 429, Some("soon"), &body, message, None),
        case("/503/seconds", 503, Some("120"), html, None, Some(120)),
        // The HTTP-date form, read against the response's `Date`.
        case(
            "/503/date",
            503,
            Some("Wed, 21 Oct 2026 07:28:00 GMT"),
            html,
            None,
            Some(120),
        ),
        case(
            "/503/past",
            503,
            Some("Wed, 21 Oct 2026 07:25:00 GMT"),
            html,
            None,
            Some(0),
        ),
    ];
    run(&spec, cases).await;
}

// --- successes and other tables ----------------------------------------------------------

#[tokio::test]
async fn successes_pass_through_with_their_body_unread() {
    let ok = r#"{"members":[]}"#;
    let server = Server::start(vec![
        (
            "/ok".into(),
            respond(200, &[(CONTENT_TYPE, "application/json")], ok),
        ),
        ("/no-content".into(), respond(204, &[], Vec::new())),
        ("/not-modified".into(), respond(304, &[], Vec::new())),
    ])
    .await;
    let client = client();
    let response = server
        .get(&client, "/ok")
        .await
        .table_error_for_status::<NexusError>()
        .await
        .expect("a success passes through");
    assert_eq!(response.text().await.expect("the body is still there"), ok);
    for (path, status) in [("/no-content", 204), ("/not-modified", 304)] {
        let response = server
            .get(&client, path)
            .await
            .table_error_for_status::<NexusError>()
            .await
            .expect("not an error status");
        assert_eq!(response.status().as_u16(), status);
    }
    drop(client);
    assert_eq!(server.stop().await, 3);
}

#[tokio::test]
async fn another_table_reads_through_the_same_helpers() {
    let spec = common::downstream_spec();
    let cases: Vec<Case> = spec
        .error
        .iter()
        .map(|row| row_case::<PaymentsError>("/acme", row))
        .collect();
    let server = Server::for_cases(&cases).await;
    let client = client();
    for case in &cases {
        let error = server
            .get(&client, &case.path)
            .await
            .table_error_for_status::<PaymentsError>()
            .await
            .expect_err("a failed response");
        case.expect.check(&spec, &error, &case.path);
        assert_eq!(
            error.row().map(PaymentsError::name),
            case.path.strip_prefix("/acme/")
        );
    }
    drop(client);
    assert_eq!(server.stop().await, cases.len());
}
