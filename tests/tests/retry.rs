//! Retrying against a live server on loopback: the backon recipe of the documentation waits
//! as long as `Retry-After` asks, measured on the server between the two requests; and
//! reqwest-retry with `StatusRetryStrategy` retries what `is_retryable` names, and nothing
//! else, counted on the server. Each test starts its own server on 127.0.0.1, port 0.

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::response::Response;
use axum::routing::get;
use backon::{ExponentialBuilder, Retryable};
use common::loopback::{Loopback, client};
use http::header::RETRY_AFTER;
use nexus_errors::{NexusError, ReqwestResponseExt, ResponseError, StatusRetryStrategy};
use reqwest_retry::RetryTransientMiddleware;
use reqwest_retry::policies::ExponentialBackoff;

/// What the server answers to the `n`th request (from 0) on a path.
type Script = fn(usize) -> Response;

/// A server whose paths follow scripts and record when each request came.
struct Server {
    loopback: Loopback,
    arrivals: Arc<Mutex<Vec<(String, Instant)>>>,
}

impl Server {
    async fn start(scripts: &[(&str, Script)]) -> Server {
        let arrivals: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
        let mut router = Router::new();
        for &(path, script) in scripts {
            let arrivals = Arc::clone(&arrivals);
            let path_owned = path.to_owned();
            router = router.route(
                path,
                get(move || {
                    let mut arrivals = arrivals.lock().expect("not poisoned");
                    let n = arrivals.iter().filter(|(p, _)| *p == path_owned).count();
                    arrivals.push((path_owned.clone(), Instant::now()));
                    std::future::ready(script(n))
                }),
            );
        }
        Server {
            loopback: Loopback::serve(router).await,
            arrivals,
        }
    }

    fn url(&self, path: &str) -> String {
        self.loopback.url(path)
    }

    /// When each request on `path` came, in order.
    fn arrivals(&self, path: &str) -> Vec<Instant> {
        let arrivals = self.arrivals.lock().expect("not poisoned");
        arrivals
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, at)| *at)
            .collect()
    }

    async fn stop(self) {
        self.loopback.stop().await;
    }
}

/// The row's own response, with a `Retry-After` if given.
fn row_response(row: NexusError, retry_after: Option<&'static str>) -> Response {
    let mut response = row.row().to_http_response().map(Body::from);
    if let Some(value) = retry_after {
        response
            .headers_mut()
            .insert(RETRY_AFTER, http::HeaderValue::from_static(value));
    }
    response
}

fn ok() -> Response {
    Response::new(Body::from("members"))
}

fn status(code: u16) -> Response {
    Response::builder()
        .status(code)
        .body(Body::empty())
        .expect("a valid response")
}

// --- backon: the recipe of the documentation ------------------------------------------------

/// The documented recipe: API errors retried by `is_retryable`, each wait the server's
/// `Retry-After` where it gave one, else the backoff's; a transport error ends it.
async fn fetch_with_backon(
    client: &reqwest::Client,
    url: &str,
    backoff: ExponentialBuilder,
) -> Result<String, Box<dyn std::error::Error>> {
    let attempt = || async {
        match client.get(url).send().await {
            Ok(response) => response
                .table_error_for_status::<NexusError>()
                .await
                .map(Ok),
            Err(transport) => Ok(Err(transport)),
        }
    };
    let response = attempt
        .retry(backoff)
        .when(ResponseError::is_retryable)
        .adjust(|e, d| d.map(|d| e.retry_after().unwrap_or(d)))
        .await??;
    Ok(response.text().await?)
}

/// A backoff whose own delays are 10 ms: any wait near a second is the server's.
fn short_backoff(retries: usize) -> ExponentialBuilder {
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(10))
        .with_max_delay(Duration::from_millis(10))
        .with_max_times(retries)
}

#[tokio::test]
async fn backon_waits_as_long_as_retry_after_asks() {
    let server = Server::start(&[("/throttled-once", |n| match n {
        0 => row_response(NexusError::TooManyRequests, Some("1")),
        _ => ok(),
    })])
    .await;
    let body = fetch_with_backon(&client(), &server.url("/throttled-once"), short_backoff(3))
        .await
        .expect("the second request succeeds");
    assert_eq!(body, "members");
    let arrivals = server.arrivals("/throttled-once");
    assert_eq!(arrivals.len(), 2, "one 429, then one success");
    let waited = arrivals[1] - arrivals[0];
    // The server asked for one second; the backoff alone would have waited 10 ms.
    assert!(waited >= Duration::from_secs(1), "{waited:?}");
    assert!(waited < Duration::from_secs(3), "{waited:?}");
    server.stop().await;
}

#[tokio::test]
async fn backon_stops_when_its_retries_are_spent_even_if_the_server_asks_for_more() {
    let server = Server::start(&[
        ("/always-throttled", |_| {
            row_response(NexusError::TooManyRequests, Some("0"))
        }),
        ("/bad-request", |_| status(400)),
    ])
    .await;
    let client = client();
    let error = fetch_with_backon(&client, &server.url("/always-throttled"), short_backoff(2))
        .await
        .expect_err("still throttled");
    let error = error
        .downcast_ref::<ResponseError>()
        .expect("the last ResponseError");
    assert!(error.is_throttled());
    assert_eq!(
        server.arrivals("/always-throttled").len(),
        3,
        "the first request and two retries"
    );
    // Not retryable: one request.
    let error = fetch_with_backon(&client, &server.url("/bad-request"), short_backoff(2))
        .await
        .expect_err("a 400");
    assert_eq!(
        error
            .downcast_ref::<ResponseError>()
            .map(ResponseError::status),
        Some(400)
    );
    assert_eq!(server.arrivals("/bad-request").len(), 1);
    server.stop().await;
}

// --- reqwest-retry with StatusRetryStrategy ------------------------------------------------

fn retrying_client(retries: u32) -> reqwest_middleware::ClientWithMiddleware {
    let policy = ExponentialBackoff::builder()
        .retry_bounds(Duration::from_millis(5), Duration::from_millis(20))
        .build_with_max_retries(retries);
    reqwest_middleware::ClientBuilder::new(client())
        .with(RetryTransientMiddleware::new_with_policy_and_strategy(
            policy,
            StatusRetryStrategy,
        ))
        .build()
}

#[tokio::test]
async fn reqwest_retry_retries_what_is_retryable_and_nothing_else() {
    let server = Server::start(&[
        ("/unavailable-once", |n| match n {
            0 => status(503),
            _ => ok(),
        }),
        ("/bad-request", |_| status(400)),
        // reqwest-retry's default strategy retries any 5xx; the status rule does not.
        ("/not-implemented", |_| status(501)),
        ("/always-throttled", |_| {
            row_response(NexusError::TooManyRequests, Some("1"))
        }),
    ])
    .await;
    let client = retrying_client(3);
    let get = |path: &str| client.get(server.url(path)).send();

    let response = get("/unavailable-once").await.expect("a response");
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.expect("a body"), "members");
    assert_eq!(server.arrivals("/unavailable-once").len(), 2);

    for (path, code) in [("/bad-request", 400), ("/not-implemented", 501)] {
        let response = get(path).await.expect("a response");
        assert_eq!(response.status(), code);
        assert_eq!(server.arrivals(path).len(), 1, "{path} is not retried");
    }

    // Retried on the policy's schedule, the server's one second ignored: reqwest-retry
    // cannot see `Retry-After`, as documented.
    let started = Instant::now();
    let response = get("/always-throttled").await.expect("a response");
    let error = ResponseError::<NexusError>::from_reqwest(response).await;
    assert!(error.is_throttled());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(1)));
    let arrivals = server.arrivals("/always-throttled");
    assert_eq!(arrivals.len(), 4, "the first request and three retries");
    assert!(
        arrivals[3] - arrivals[0] < Duration::from_secs(1),
        "{:?}: the policy's delays, not Retry-After",
        started.elapsed()
    );
    server.stop().await;
}
