//! The hand-written baseline: the same 21 errors written the way a user writes them today,
//! without `nexus-errors`.
//!
//! It mirrors `spec/errors.toml` row by row (names, codes, statuses, descriptions and the
//! `Display` text `nexus-errors` generates). Keep the two in step: the
//! `check_baseline_mirrors_the_spec` check in `benches/runtime.rs` fails when they drift
//! apart. The build-time harness (`cargo run -p xtask -- build-time`) also compiles this file
//! as the baseline downstream crate, so it must stay a valid crate root.
//!
//! - a `thiserror` enum with one `#[error("…")]` per row;
//! - a `match` per accessor (`code`, `status`, `description`) and for `from_code`;
//! - `serde_json::from_slice` into an owned `#[derive(Deserialize)]` body, then a `match` to
//!   classify: by documented code, then by description, then by a status with a single row.
#![allow(dead_code)] // each consumer (bench, build-time crate) uses a different part

use serde::Deserialize;
use serde_json::Value;

/// Errors of the MX Nexus API, written by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum BaselineError {
    #[error("400 Bad Request [4001]: Required params missing.")]
    RequiredParamsMissing,
    #[error("400 Bad Request [4002]: One or more parameters were not permitted.")]
    ParamsNotPermitted,
    #[error(
        "400 Bad Request [4003]: Cannot create/update goal. Monthly Contribution from the MonthlyCashFlowProfile must be greater than 0."
    )]
    GoalContributionNotPositive,
    #[error("400 Bad Request: The date range provided was invalid.")]
    InvalidDateRange,
    #[error("400 Bad Request: Monthly Cash Flow Profile is invalid.")]
    InvalidMonthlyCashFlowProfile,
    #[error("400 Bad Request: A submitted parameter field is invalid.")]
    InvalidParameterField,
    #[error("400 Bad Request: You cannot aggregate a manual member.")]
    ManualMemberAggregation,
    #[error("400 Bad Request: Account guid is not valid.")]
    InvalidAccountGuid,
    #[error("401 Unauthorized [4011]: The session token used in this request has expired.")]
    SessionTokenExpired,
    #[error("401 Unauthorized: Invalid API token.")]
    InvalidApiToken,
    #[error("403 Forbidden: Operation is forbidden.")]
    OperationForbidden,
    #[error("404 Not Found: We were unable to find the record you requested.")]
    RecordNotFound,
    #[error("405 Method Not Allowed: Method not allowed.")]
    MethodNotAllowed,
    #[error(
        "406 Not Acceptable: The request cannot be accepted. A required header may be missing or invalid."
    )]
    NotAcceptable,
    #[error("422 Unprocessable Entity [4220]: Record could not be saved. See note below.")]
    RecordNotSaved,
    #[error(
        "422 Unprocessable Entity [4221]: When attempting to auto-generate budgets, no category contained the minimum required number of transactions. See the auto-generate budget endpoint for additional information."
    )]
    BudgetAutoGenerationFailed,
    #[error(
        "422 Unprocessable Entity: Record could not be saved. One or more parameters is invalid."
    )]
    InvalidRecordParameters,
    #[error("429 Too Many Requests")]
    TooManyRequests,
    #[error("500 Internal Server Error: An unknown error has occurred.")]
    InternalServerError,
    #[error("404 Not Found: Challenge question expired. Please try again.")]
    ChallengeQuestionExpired,
    #[error(
        "400 Bad Request: The credential GUIDs submitted are no longer valid. Check the institution required credentials endpoint for the most recent credentials."
    )]
    CredentialGuidsInvalid,
}

use BaselineError::*;

impl BaselineError {
    /// Every variant, in the spec's order.
    pub const ALL: [Self; 21] = [
        RequiredParamsMissing,
        ParamsNotPermitted,
        GoalContributionNotPositive,
        InvalidDateRange,
        InvalidMonthlyCashFlowProfile,
        InvalidParameterField,
        ManualMemberAggregation,
        InvalidAccountGuid,
        SessionTokenExpired,
        InvalidApiToken,
        OperationForbidden,
        RecordNotFound,
        MethodNotAllowed,
        NotAcceptable,
        RecordNotSaved,
        BudgetAutoGenerationFailed,
        InvalidRecordParameters,
        TooManyRequests,
        InternalServerError,
        ChallengeQuestionExpired,
        CredentialGuidsInvalid,
    ];

    /// The documented error code, if any.
    pub const fn code(self) -> Option<i64> {
        match self {
            RequiredParamsMissing => Some(4001),
            ParamsNotPermitted => Some(4002),
            GoalContributionNotPositive => Some(4003),
            SessionTokenExpired => Some(4011),
            RecordNotSaved => Some(4220),
            BudgetAutoGenerationFailed => Some(4221),
            _ => None,
        }
    }

    /// The HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            RequiredParamsMissing
            | ParamsNotPermitted
            | GoalContributionNotPositive
            | InvalidDateRange
            | InvalidMonthlyCashFlowProfile
            | InvalidParameterField
            | ManualMemberAggregation
            | InvalidAccountGuid
            | CredentialGuidsInvalid => 400,
            SessionTokenExpired | InvalidApiToken => 401,
            OperationForbidden => 403,
            RecordNotFound | ChallengeQuestionExpired => 404,
            MethodNotAllowed => 405,
            NotAcceptable => 406,
            RecordNotSaved | BudgetAutoGenerationFailed | InvalidRecordParameters => 422,
            TooManyRequests => 429,
            InternalServerError => 500,
        }
    }

    /// The documented description.
    pub const fn description(self) -> &'static str {
        match self {
            RequiredParamsMissing => "Required params missing.",
            ParamsNotPermitted => "One or more parameters were not permitted.",
            GoalContributionNotPositive => {
                "Cannot create/update goal. Monthly Contribution from the MonthlyCashFlowProfile must be greater than 0."
            }
            InvalidDateRange => "The date range provided was invalid.",
            InvalidMonthlyCashFlowProfile => "Monthly Cash Flow Profile is invalid.",
            InvalidParameterField => "A submitted parameter field is invalid.",
            ManualMemberAggregation => "You cannot aggregate a manual member.",
            InvalidAccountGuid => "Account guid is not valid.",
            SessionTokenExpired => "The session token used in this request has expired.",
            InvalidApiToken => "Invalid API token.",
            OperationForbidden => "Operation is forbidden.",
            RecordNotFound => "We were unable to find the record you requested.",
            MethodNotAllowed => "Method not allowed.",
            NotAcceptable => {
                "The request cannot be accepted. A required header may be missing or invalid."
            }
            RecordNotSaved => "Record could not be saved. See note below.",
            BudgetAutoGenerationFailed => {
                "When attempting to auto-generate budgets, no category contained the minimum required number of transactions. See the auto-generate budget endpoint for additional information."
            }
            InvalidRecordParameters => {
                "Record could not be saved. One or more parameters is invalid."
            }
            TooManyRequests => "",
            InternalServerError => "An unknown error has occurred.",
            ChallengeQuestionExpired => "Challenge question expired. Please try again.",
            CredentialGuidsInvalid => {
                "The credential GUIDs submitted are no longer valid. Check the institution required credentials endpoint for the most recent credentials."
            }
        }
    }

    /// The variant with this documented code, if any.
    pub const fn from_code(code: i64) -> Option<Self> {
        match code {
            4001 => Some(RequiredParamsMissing),
            4002 => Some(ParamsNotPermitted),
            4003 => Some(GoalContributionNotPositive),
            4011 => Some(SessionTokenExpired),
            4220 => Some(RecordNotSaved),
            4221 => Some(BudgetAutoGenerationFailed),
            _ => None,
        }
    }
}

/// `{"error":{"code":…,"message":…}}` or the flat `{"code":…,"message":…}`.
#[derive(Deserialize)]
struct Body {
    error: Option<Inner>,
    code: Option<Value>,
    message: Option<String>,
}

#[derive(Deserialize)]
struct Inner {
    code: Option<Value>,
    message: Option<String>,
}

/// A failed response, read by hand.
#[derive(Debug)]
pub struct BaselineResponse {
    pub status: u16,
    pub row: Option<BaselineError>,
    pub code: Option<Value>,
    pub message: Option<String>,
}

/// Reads a failed response: deserialize the body into owned fields, then classify.
pub fn from_response(status: u16, body: &[u8]) -> BaselineResponse {
    let (code, message) = match serde_json::from_slice::<Body>(body) {
        Ok(Body {
            error: Some(inner), ..
        }) => (inner.code, inner.message),
        Ok(Body {
            error: None,
            code,
            message,
        }) => (code, message),
        Err(_) => (None, None),
    };
    let row = classify(status, code.as_ref(), message.as_deref());
    BaselineResponse {
        status,
        row,
        code,
        message,
    }
}

fn classify(status: u16, code: Option<&Value>, message: Option<&str>) -> Option<BaselineError> {
    let code = match code {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    if let Some(row) = code.and_then(BaselineError::from_code) {
        if row.status() == status {
            return Some(row);
        }
    }
    let by_message = match (status, message.map(str::trim)) {
        (400, Some("Required params missing.")) => Some(RequiredParamsMissing),
        (400, Some("One or more parameters were not permitted.")) => Some(ParamsNotPermitted),
        (
            400,
            Some(
                "Cannot create/update goal. Monthly Contribution from the MonthlyCashFlowProfile must be greater than 0.",
            ),
        ) => Some(GoalContributionNotPositive),
        (400, Some("The date range provided was invalid.")) => Some(InvalidDateRange),
        (400, Some("Monthly Cash Flow Profile is invalid.")) => Some(InvalidMonthlyCashFlowProfile),
        (400, Some("A submitted parameter field is invalid.")) => Some(InvalidParameterField),
        (400, Some("You cannot aggregate a manual member.")) => Some(ManualMemberAggregation),
        (400, Some("Account guid is not valid.")) => Some(InvalidAccountGuid),
        (
            400,
            Some(
                "The credential GUIDs submitted are no longer valid. Check the institution required credentials endpoint for the most recent credentials.",
            ),
        ) => Some(CredentialGuidsInvalid),
        (401, Some("The session token used in this request has expired.")) => {
            Some(SessionTokenExpired)
        }
        (401, Some("Invalid API token.")) => Some(InvalidApiToken),
        (404, Some("We were unable to find the record you requested.")) => Some(RecordNotFound),
        (404, Some("Challenge question expired. Please try again.")) => {
            Some(ChallengeQuestionExpired)
        }
        (422, Some("Record could not be saved. See note below.")) => Some(RecordNotSaved),
        (
            422,
            Some(
                "When attempting to auto-generate budgets, no category contained the minimum required number of transactions. See the auto-generate budget endpoint for additional information.",
            ),
        ) => Some(BudgetAutoGenerationFailed),
        (422, Some("Record could not be saved. One or more parameters is invalid.")) => {
            Some(InvalidRecordParameters)
        }
        _ => None,
    };
    by_message.or(match status {
        403 => Some(OperationForbidden),
        405 => Some(MethodNotAllowed),
        406 => Some(NotAcceptable),
        429 => Some(TooManyRequests),
        500 => Some(InternalServerError),
        _ => None,
    })
}
