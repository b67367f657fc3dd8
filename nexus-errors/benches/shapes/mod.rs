//! The other body shapes of issue 16: problem details (RFC 9457), OAuth 2.0 (RFC 6749 §5.2)
//! and flat bodies with string codes. For each, a table (`<shape>.toml`, with its `body` key)
//! and real bodies; `ours` is `ResponseError::from_response` on the generated table, and the
//! baseline a hand-written reader for that shape alone, the way a user writes one today: a
//! `thiserror` enum, `serde_json::from_slice` into an owned `#[derive(Deserialize)]` struct,
//! then the same three rules as `from_response` (code, message, a status with one row).

use nexus_errors::{ErrorTable, ResponseError, ServerCode};
use serde::Deserialize;

/// A failed response: status and body.
pub type Case = (u16, Vec<u8>);

#[nexus_errors::error_table(path = "benches/shapes/problem_details.toml")]
pub enum ProblemTable {}

#[nexus_errors::error_table(path = "benches/shapes/oauth.toml")]
pub enum OAuthTable {}

#[nexus_errors::error_table(path = "benches/shapes/flat.toml")]
pub enum FlatTable {}

/// What either side found: the row's name, the server's code and message.
#[derive(Debug, PartialEq)]
pub struct Read {
    pub status: u16,
    pub row: Option<String>,
    pub code: Option<String>,
    pub message: Option<String>,
}

/// A shape: its name, its bodies, and the two readers, each a whole `from_response`.
pub struct Shape {
    pub name: &'static str,
    pub cases: fn() -> Vec<Case>,
    pub ours: fn(u16, &[u8]),
    pub baseline: fn(u16, &[u8]),
    /// What each side found, for the check that both read every body alike.
    pub compare: fn(u16, &[u8]) -> (Read, Read),
}

pub const SHAPES: [Shape; 3] = [
    Shape {
        name: "problem-details",
        cases: problem_details_cases,
        ours: |status, body| {
            std::hint::black_box(ResponseError::<ProblemTable>::from_response(status, body));
        },
        baseline: |status, body| {
            std::hint::black_box(problem_details_baseline(status, body));
        },
        compare: |status, body| {
            (
                ours::<ProblemTable>(status, body),
                problem_details_baseline(status, body).read(),
            )
        },
    },
    Shape {
        name: "oauth",
        cases: oauth_cases,
        ours: |status, body| {
            std::hint::black_box(ResponseError::<OAuthTable>::from_response(status, body));
        },
        baseline: |status, body| {
            std::hint::black_box(oauth_baseline(status, body));
        },
        compare: |status, body| {
            (
                ours::<OAuthTable>(status, body),
                oauth_baseline(status, body).read(),
            )
        },
    },
    Shape {
        name: "flat",
        cases: flat_cases,
        ours: |status, body| {
            std::hint::black_box(ResponseError::<FlatTable>::from_response(status, body));
        },
        baseline: |status, body| {
            std::hint::black_box(flat_baseline(status, body));
        },
        compare: |status, body| {
            (
                ours::<FlatTable>(status, body),
                flat_baseline(status, body).read(),
            )
        },
    },
];

fn ours<T: ErrorTable + std::fmt::Debug>(status: u16, body: &[u8]) -> Read {
    let error = ResponseError::<T>::from_response(status, body);
    Read {
        status: error.status(),
        row: error.row().map(|row| format!("{row:?}")),
        code: error.server_code().map(|code| match code {
            ServerCode::Text(text) => text.to_string(),
            other => other.to_string(),
        }),
        message: error.server_message().map(str::to_owned),
    }
}

/// The hand-written tables: one `thiserror` enum per API, and its rows written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProblemError {
    #[error(
        "403 Forbidden [https://example.com/probs/out-of-credit]: You do not have enough credit."
    )]
    OutOfCredit,
    #[error("404 Not Found [https://example.com/probs/no-such-account]: No such account.")]
    NoSuchAccount,
    #[error("429 Too Many Requests [https://example.com/probs/rate-limited]: Too many requests.")]
    RateLimited,
}

const PROBLEM_ROWS: [(ProblemError, &str, u16, &str); 3] = [
    (
        ProblemError::OutOfCredit,
        "https://example.com/probs/out-of-credit",
        403,
        "You do not have enough credit.",
    ),
    (
        ProblemError::NoSuchAccount,
        "https://example.com/probs/no-such-account",
        404,
        "No such account.",
    ),
    (
        ProblemError::RateLimited,
        "https://example.com/probs/rate-limited",
        429,
        "Too many requests.",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OAuthError {
    #[error(
        "400 Bad Request [invalid_request]: The request is missing a required parameter, or is otherwise malformed."
    )]
    InvalidRequest,
    #[error("401 Unauthorized [invalid_client]: Client authentication failed.")]
    InvalidClient,
    #[error(
        "400 Bad Request [invalid_grant]: The provided authorization grant is invalid, expired or revoked."
    )]
    InvalidGrant,
    #[error(
        "400 Bad Request [invalid_scope]: The requested scope is invalid, unknown, or malformed."
    )]
    InvalidScope,
    #[error(
        "400 Bad Request [unauthorized_client]: The authenticated client is not authorized to use this authorization grant type."
    )]
    UnauthorizedClient,
}

const OAUTH_ROWS: [(OAuthError, &str, u16, &str); 5] = [
    (
        OAuthError::InvalidRequest,
        "invalid_request",
        400,
        "The request is missing a required parameter, or is otherwise malformed.",
    ),
    (
        OAuthError::InvalidClient,
        "invalid_client",
        401,
        "Client authentication failed.",
    ),
    (
        OAuthError::InvalidGrant,
        "invalid_grant",
        400,
        "The provided authorization grant is invalid, expired or revoked.",
    ),
    (
        OAuthError::InvalidScope,
        "invalid_scope",
        400,
        "The requested scope is invalid, unknown, or malformed.",
    ),
    (
        OAuthError::UnauthorizedClient,
        "unauthorized_client",
        400,
        "The authenticated client is not authorized to use this authorization grant type.",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FlatError {
    #[error("400 Bad Request [E_VALIDATION]: A field of the request is invalid.")]
    Validation,
    #[error("401 Unauthorized [E_TOKEN_EXPIRED]: The access token has expired.")]
    TokenExpired,
    #[error("429 Too Many Requests [E_LIMIT]: Rate limit exceeded.")]
    Limit,
}

const FLAT_ROWS: [(FlatError, &str, u16, &str); 3] = [
    (
        FlatError::Validation,
        "E_VALIDATION",
        400,
        "A field of the request is invalid.",
    ),
    (
        FlatError::TokenExpired,
        "E_TOKEN_EXPIRED",
        401,
        "The access token has expired.",
    ),
    (FlatError::Limit, "E_LIMIT", 429, "Rate limit exceeded."),
];

/// The three rules, by hand: the code among the rows with the status, then the trimmed
/// message, then a status with one row.
fn classify<E: Copy>(
    rows: &[(E, &str, u16, &str)],
    status: u16,
    code: Option<&str>,
    message: Option<&str>,
) -> Option<E> {
    let with_status = || rows.iter().filter(|row| row.2 == status);
    if let Some(code) = code.map(str::trim) {
        if let Some(row) = with_status().find(|row| row.1 == code) {
            return Some(row.0);
        }
    }
    if let Some(message) = message.map(str::trim) {
        if let Some(row) = with_status().find(|row| row.3 == message) {
            return Some(row.0);
        }
    }
    let mut rows = with_status();
    match (rows.next(), rows.next()) {
        (Some(only), None) => Some(only.0),
        _ => None,
    }
}

/// A failed response, read by hand.
#[derive(Debug)]
pub struct BaselineResponse<E> {
    pub status: u16,
    pub row: Option<E>,
    pub code: Option<String>,
    pub message: Option<String>,
}

impl<E: std::fmt::Debug> BaselineResponse<E> {
    fn read(self) -> Read {
        Read {
            status: self.status,
            row: self.row.map(|row| format!("{row:?}")),
            code: self.code,
            message: self.message,
        }
    }
}

/// Bodies no row of a table matches: an empty body and a proxy's HTML page.
fn others(cases: &mut Vec<Case>) {
    cases.push((502, Vec::new()));
    cases.push((
        503,
        b"<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n".to_vec(),
    ));
}

fn problem_details_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = vec![
        // RFC 9457 §3's example.
        (403, br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#.to_vec()),
        (404, br#"{"type":"https://example.com/probs/no-such-account","title":"No such account.","status":404,"detail":"Account 12345 does not exist.","instance":"/account/12345"}"#.to_vec()),
        (429, br#"{"type":"https://example.com/probs/rate-limited","title":"Too many requests.","status":"429","detail":"Try again in 30 seconds."}"#.to_vec()),
        (404, br#"{"type":"about:blank","title":"Not Found","status":404}"#.to_vec()),
    ];
    others(&mut cases);
    cases
}

#[derive(Deserialize)]
struct ProblemDetails {
    #[serde(rename = "type")]
    kind: Option<String>,
    title: Option<String>,
    detail: Option<String>,
    code: Option<String>,
}

fn problem_details_baseline(status: u16, body: &[u8]) -> BaselineResponse<ProblemError> {
    let (code, message) = match serde_json::from_slice::<ProblemDetails>(body) {
        Ok(problem) => (
            problem.code.or(problem.kind),
            problem.detail.or(problem.title),
        ),
        Err(_) => (None, None),
    };
    BaselineResponse {
        status,
        row: classify(&PROBLEM_ROWS, status, code.as_deref(), message.as_deref()),
        code,
        message,
    }
}

fn oauth_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = vec![
        // RFC 6749 §5.2's example, and the other codes it defines with a description.
        (400, br#"{"error":"invalid_request"}"#.to_vec()),
        (401, br#"{"error":"invalid_client","error_description":"Client authentication failed."}"#.to_vec()),
        (400, br#"{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired or revoked.","error_uri":"https://example.com/docs/errors#invalid_grant"}"#.to_vec()),
        (400, br#"{"error":"unauthorized_client","error_description":"The authenticated client is not authorized to use this authorization grant type."}"#.to_vec()),
        (400, br#"{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, or malformed."}"#.to_vec()),
    ];
    others(&mut cases);
    cases
}

#[derive(Deserialize)]
struct OAuthBody {
    error: Option<String>,
    error_description: Option<String>,
}

fn oauth_baseline(status: u16, body: &[u8]) -> BaselineResponse<OAuthError> {
    let (code, message) = match serde_json::from_slice::<OAuthBody>(body) {
        Ok(error) => (error.error, error.error_description),
        Err(_) => (None, None),
    };
    BaselineResponse {
        status,
        row: classify(&OAUTH_ROWS, status, code.as_deref(), message.as_deref()),
        code,
        message,
    }
}

fn flat_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = vec![
        (400, br#"{"code":"E_VALIDATION","message":"The field 'amount' must be positive."}"#.to_vec()),
        (401, br#"{"code":"E_TOKEN_EXPIRED","message":"The access token has expired.","request_id":"3f1c9a"}"#.to_vec()),
        (429, br#"{"code":"E_LIMIT","message":"Rate limit exceeded.","retry_after":30}"#.to_vec()),
        (400, br#"{"code":"E_UNKNOWN","message":"Something new went wrong."}"#.to_vec()),
    ];
    others(&mut cases);
    cases
}

#[derive(Deserialize)]
struct Flat {
    code: Option<String>,
    message: Option<String>,
}

fn flat_baseline(status: u16, body: &[u8]) -> BaselineResponse<FlatError> {
    let (code, message) = match serde_json::from_slice::<Flat>(body) {
        Ok(flat) => (flat.code, flat.message),
        Err(_) => (None, None),
    };
    BaselineResponse {
        status,
        row: classify(&FLAT_ROWS, status, code.as_deref(), message.as_deref()),
        code,
        message,
    }
}
