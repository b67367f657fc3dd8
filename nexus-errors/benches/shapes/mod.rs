//! The other body shapes of issue 16: problem details (RFC 9457), OAuth 2.0 (RFC 6749 §5.2)
//! and flat bodies with string codes. For each, real bodies and a hand-written reader for
//! that shape alone, the way a user writes one today: `serde_json::from_slice` into an owned
//! `#[derive(Deserialize)]` struct, then a `match` on the code into a `thiserror` enum.
//!
//! `ours` reads the same bodies with `nexus_errors`'s one reader and the shape's preset,
//! then classifies and keeps the code and the message as `ResponseError` does (owned). The
//! classification is the same `match` on both sides, so the two differ in the reading alone.

use std::borrow::Cow;

use nexus_errors::{__body, BodyShape};
use serde::Deserialize;

/// A failed response: status and body.
pub type Case = (u16, Vec<u8>);

/// Rows of the three tables, by their string codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ShapeError {
    // RFC 6749 §5.2's codes.
    #[error("400 Bad Request [invalid_request]")]
    InvalidRequest,
    #[error("401 Unauthorized [invalid_client]")]
    InvalidClient,
    #[error("400 Bad Request [invalid_grant]")]
    InvalidGrant,
    #[error("400 Bad Request [invalid_scope]")]
    InvalidScope,
    // Problem types, RFC 9457 §3's and two more of the same kind.
    #[error("403 Forbidden [https://example.com/probs/out-of-credit]")]
    OutOfCredit,
    #[error("404 Not Found [https://example.com/probs/no-such-account]")]
    NoSuchAccount,
    #[error("429 Too Many Requests [https://example.com/probs/rate-limited]")]
    RateLimited,
    // Flat string codes.
    #[error("400 Bad Request [E_VALIDATION]")]
    Validation,
    #[error("401 Unauthorized [E_TOKEN_EXPIRED]")]
    TokenExpired,
    #[error("429 Too Many Requests [E_LIMIT]")]
    Limit,
}

/// One table's classification: the row whose code the body carries.
pub fn classify(code: Option<&str>) -> Option<ShapeError> {
    Some(match code? {
        "invalid_request" => ShapeError::InvalidRequest,
        "invalid_client" => ShapeError::InvalidClient,
        "invalid_grant" => ShapeError::InvalidGrant,
        "invalid_scope" => ShapeError::InvalidScope,
        "https://example.com/probs/out-of-credit" => ShapeError::OutOfCredit,
        "https://example.com/probs/no-such-account" => ShapeError::NoSuchAccount,
        "https://example.com/probs/rate-limited" => ShapeError::RateLimited,
        "E_VALIDATION" => ShapeError::Validation,
        "E_TOKEN_EXPIRED" => ShapeError::TokenExpired,
        "E_LIMIT" => ShapeError::Limit,
        _ => return None,
    })
}

/// What either side keeps of a response.
#[derive(Debug, PartialEq)]
pub struct Read {
    pub status: u16,
    pub row: Option<ShapeError>,
    pub code: Option<Box<str>>,
    pub message: Option<Box<str>>,
}

/// A shape: its name, its preset, its bodies and its hand-written reader.
pub struct Shape {
    pub name: &'static str,
    pub preset: BodyShape,
    pub cases: fn() -> Vec<Case>,
    pub baseline: fn(u16, &[u8]) -> Read,
}

pub const SHAPES: [Shape; 3] = [
    Shape {
        name: "problem-details",
        preset: BodyShape::PROBLEM_DETAILS,
        cases: problem_details_cases,
        baseline: problem_details_baseline,
    },
    Shape {
        name: "oauth",
        preset: BodyShape::OAUTH,
        cases: oauth_cases,
        baseline: oauth_baseline,
    },
    Shape {
        name: "flat",
        preset: BodyShape::FLAT,
        cases: flat_cases,
        baseline: flat_baseline,
    },
];

/// `nexus_errors`' reader on any shape, then the same classification as the baseline.
pub fn ours(shape: &BodyShape, status: u16, body: &[u8]) -> Read {
    let (code, message) = __body::read_shape(body, shape);
    let code: Option<Box<str>> = code.map(|code| match code {
        Ok(number) => number.to_string().into(),
        Err(text) => text.into(),
    });
    Read {
        status,
        row: classify(code.as_deref()),
        code,
        message: message.map(Cow::into),
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

fn problem_details_baseline(status: u16, body: &[u8]) -> Read {
    let (code, message) = match serde_json::from_slice::<ProblemDetails>(body) {
        Ok(problem) => (
            problem.code.or(problem.kind),
            problem.detail.or(problem.title),
        ),
        Err(_) => (None, None),
    };
    Read {
        status,
        row: classify(code.as_deref()),
        code: code.map(String::into_boxed_str),
        message: message.map(String::into_boxed_str),
    }
}

fn oauth_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = vec![
        // RFC 6749 §5.2's example, and the other codes it defines with a description.
        (400, br#"{"error":"invalid_request"}"#.to_vec()),
        (401, br#"{"error":"invalid_client","error_description":"Client authentication failed."}"#.to_vec()),
        (400, br#"{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired or revoked.","error_uri":"https://example.com/docs/errors#invalid_grant"}"#.to_vec()),
        (400, br#"{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, or malformed."}"#.to_vec()),
    ];
    others(&mut cases);
    cases
}

#[derive(Deserialize)]
struct OAuthError {
    error: Option<String>,
    error_description: Option<String>,
}

fn oauth_baseline(status: u16, body: &[u8]) -> Read {
    let (code, message) = match serde_json::from_slice::<OAuthError>(body) {
        Ok(error) => (error.error, error.error_description),
        Err(_) => (None, None),
    };
    Read {
        status,
        row: classify(code.as_deref()),
        code: code.map(String::into_boxed_str),
        message: message.map(String::into_boxed_str),
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

fn flat_baseline(status: u16, body: &[u8]) -> Read {
    let (code, message) = match serde_json::from_slice::<Flat>(body) {
        Ok(flat) => (flat.code, flat.message),
        Err(_) => (None, None),
    };
    Read {
        status,
        row: classify(code.as_deref()),
        code: code.map(String::into_boxed_str),
        message: message.map(String::into_boxed_str),
    }
}
