//! Reading real errors pages of other APIs (see `tests/pages/SOURCES.md`): every row of each,
//! its code, status and description word for word, with the values read from the page text.

use nexus_errors_cli::page::{self, Page, PageRow};
use nexus_errors_cli::spec_edit::body_value;

fn read(fixture: &str) -> Page {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages")
        .join(fixture);
    page::read(&std::fs::read(path).expect("fixture")).expect("an error table")
}

/// A row as `(code, status, description)`.
type Expected<'a> = (Option<&'a str>, u16, &'a str);

fn assert_rows(page: &Page, expected: &[Expected<'_>]) {
    let got: Vec<(Option<String>, u16, &str)> = page
        .rows
        .iter()
        .map(|row| {
            (
                row.code.as_ref().map(ToString::to_string),
                row.status,
                row.description.as_str(),
            )
        })
        .collect();
    let expected: Vec<(Option<String>, u16, &str)> = expected
        .iter()
        .map(|(code, status, description)| (code.map(str::to_owned), *status, *description))
        .collect();
    assert_eq!(got, expected);
}

fn skipped_lines(page: &Page) -> Vec<usize> {
    page.skipped.iter().map(|s| s.line).collect()
}

fn row<'a>(page: &'a Page, description: &str) -> &'a PageRow {
    page.rows
        .iter()
        .find(|row| row.description == description)
        .unwrap_or_else(|| panic!("no row {description:?}"))
}

#[test]
fn azure_storage() {
    let page = read("azure-storage-errors.md");
    assert_rows(
        &page,
        &[
            (
                Some("AccountAlreadyExists"),
                409,
                "The specified account already exists.",
            ),
            (
                Some("AccountBeingCreated"),
                409,
                "The specified account is in the process of being created.",
            ),
            (
                Some("AccountIsDisabled"),
                403,
                "The specified account is disabled.",
            ),
            (
                Some("AuthenticationFailed"),
                403,
                "Server failed to authenticate the request. Make sure the value of the Authorization header is formed correctly including the signature.",
            ),
            (
                Some("ConditionHeadersNotSupported"),
                400,
                "Condition headers are not supported.",
            ),
            (
                Some("ConditionNotMet"),
                304,
                "The condition specified in the conditional header(s) was not met for a read operation.",
            ),
            (
                Some("ConditionNotMet"),
                412,
                "The condition specified in the conditional header(s) was not met for a write operation.",
            ),
            (
                Some("EmptyMetadataKey"),
                400,
                "The key for one of the metadata key-value pairs is empty.",
            ),
            (
                Some("InsufficientAccountPermissions"),
                403,
                "Read operations are currently disabled.",
            ),
            (
                Some("InsufficientAccountPermissions"),
                403,
                "Write operations are not allowed.",
            ),
            (
                Some("InsufficientAccountPermissions"),
                403,
                "The account being accessed does not have sufficient permissions to execute this operation.",
            ),
            (
                Some("InternalError"),
                500,
                "The server encountered an internal error. Please retry the request.",
            ),
            (
                Some("InvalidAuthenticationInfo"),
                400,
                "The authentication information was not provided in the correct format. Verify the value of Authorization header.",
            ),
            (
                Some("InvalidHeaderValue"),
                400,
                "The value provided for one of the HTTP headers was not in the correct format.",
            ),
            (
                Some("InvalidHttpVerb"),
                400,
                "The HTTP verb specified was not recognized by the server.",
            ),
            (
                Some("InvalidInput"),
                400,
                "One of the request inputs is not valid.",
            ),
        ],
    );
    // The row the excerpt cuts.
    assert_eq!(skipped_lines(&page), vec![20]);
    let spelled = row(&page, "Condition headers are not supported.");
    assert_eq!(spelled.page_status_text.as_deref(), Some("BadRequest"));
    assert_eq!(spelled.status_text, "Bad Request");
}

#[test]
fn wrike() {
    let page = read("wrike-errors.md");
    assert_rows(
        &page,
        &[
            (
                Some("invalid_request"),
                400,
                "Request HTTP type is invalid, request critical data is absent or malformed (e.g., no attachment body)",
            ),
            (
                Some("invalid_parameter"),
                400,
                "Request parameter name or value is invalid",
            ),
            (
                Some("parameter_required"),
                400,
                "Required parameter is absent",
            ),
            (
                Some("not_authorized"),
                401,
                "User is not authorized (authorization is invalid, malformed or expired)",
            ),
            (
                Some("access_forbidden"),
                403,
                "Access to requested entity is denied for user",
            ),
            (
                Some("not_allowed"),
                403,
                "Requested action is not allowed due to license/quota limitations, e.t.c.",
            ),
            (
                Some("resource_not_found"),
                404,
                "Requested entity is not found",
            ),
            (
                Some("method_not_found"),
                404,
                "Requested API method does not exist",
            ),
            (
                Some("too_many_requests"),
                429,
                "IP or access token exceeded limit: 400 requests per minute",
            ),
            (
                Some("rate_limit_exceeded"),
                429,
                "Rate limit exceeded, try again later",
            ),
            (Some("server_error"), 500, "Server side error"),
        ],
    );
    assert!(page.skipped.is_empty());
    let body = page.body.expect("the example body");
    assert_eq!(
        body_value(&body.body).to_string(),
        r#"{ code = ["/error"], message = ["/errorDescription"] }"#
    );
    assert_eq!(body.line, 6);
}

#[test]
fn huawei_cloud_apm() {
    let page = read("huawei-apm-errors.md");
    assert_rows(
        &page,
        &[
            (Some("SVCSTG.ATS.400101"), 400, "Verification fails."),
            (
                Some("SVCSTG.ATS.200103"),
                400,
                "No service information found.",
            ),
            (
                Some("SVCSTG.ATS.200103"),
                400,
                "No instance information found.",
            ),
            (
                Some("SVCSTG.ATS.200103"),
                400,
                "No transaction information found.",
            ),
            (Some("SVCSTG.ATS.200103"), 400, "No tracing data found."),
        ],
    );
    let check = "Solution: Check whether the parameter meets requirements.";
    for row in &page.rows[..4] {
        assert_eq!(row.notes, vec![check]);
    }
    // The excerpt ends inside the last row's solution.
    assert_eq!(page.rows[4].notes, vec!["Solution: Check"]);
    // The two success rows.
    assert_eq!(skipped_lines(&page), vec![17, 22]);
    assert_eq!(
        body_value(&page.body.expect("the example body").body).to_string(),
        r#""flat""#
    );
}

#[test]
fn manageengine_service_desk() {
    let page = read("manageengine-errors.md");
    assert_rows(
        &page,
        &[
            (
                Some("4001"),
                400,
                "Id or Name given in Input does not exist or not in use or user cannot set the value",
            ),
            (
                Some("4002"),
                403,
                "Forbidden / User not allowed to perform the operation.",
            ),
            (
                Some("4004"),
                500,
                "Internal Error (Exact error cannot be sent to user, like some Exception)",
            ),
            (
                Some("4005"),
                400,
                "Reference Exists. (Cannot delete an entity, because it is being used in another module)",
            ),
            (Some("4007"), 404, "Invalid URL or Resource not found."),
            (Some("4008"), 400, "Not Unique"),
            (Some("4009"), 400, "Trying to edit non-editable field"),
            (
                Some("4012"),
                400,
                "Value for mandatory-field is not provided",
            ),
            (Some("4014"), 400, "Trying to edit read-only field"),
            (Some("4015"), 429, "API Rate Limit reached"),
            (
                Some("4016"),
                400,
                "Time mismatch(Can be used for any time mismatch like Start time/End time mismatch, Created time/Responded time mismatch, etc.,)",
            ),
            (Some("4021"), 400, "Data type mismatch"),
            (Some("4022"), 401, "Invalid API Key"),
            (Some("7001"), 400, "Not allowed as per current license"),
        ],
    );
    // `200 | 200 | Success`.
    assert_eq!(skipped_lines(&page), vec![5]);
}

#[test]
fn corebill() {
    let page = read("corebill-errors.md");
    assert_rows(
        &page,
        &[
            (None, 400, "Missing required fields, invalid parameters"),
            (None, 401, "Missing or invalid API key"),
            (None, 403, "Insufficient permissions for the operation"),
            (
                None,
                404,
                "Resource doesn’t exist or doesn’t belong to your company",
            ),
            (None, 500, "Server-side error"),
        ],
    );
    assert!(page.skipped.is_empty(), "{:?}", page.skipped);
    let internal = row(&page, "Server-side error");
    assert_eq!(internal.page_status_text.as_deref(), Some("Internal Error"));
}

#[test]
fn quarzo_life() {
    let page = read("quarzo-life-errors.md");
    assert_rows(
        &page,
        &[
            (
                Some("parameter_invalid"),
                400,
                "One or more request parameters do not satisfy the expected schema.",
            ),
            (
                Some("resource_not_found"),
                404,
                "The requested resource does not exist.",
            ),
            (
                Some("conflict"),
                409,
                "The request could not be completed because of a state conflict.",
            ),
            (
                Some("unauthorized"),
                401,
                "Authentication is missing, invalid, or rejected.",
            ),
            (
                Some("internal_server_error"),
                500,
                "An unexpected server-side error occurred.",
            ),
        ],
    );
    assert!(page.skipped.is_empty());
    let skipped: Vec<(usize, &str, &str)> = page
        .skipped_tables
        .iter()
        .map(|t| (t.line, t.header.as_str(), t.why))
        .collect();
    assert_eq!(
        skipped,
        vec![(
            7,
            "Field | Type | Description",
            "no column holds HTTP statuses"
        )]
    );
}

#[test]
fn yetiids() {
    let page = read("yetiids-errors.md");
    assert_rows(
        &page,
        &[
            (
                Some("missing_api_key"),
                401,
                "No Authorization header was provided",
            ),
            (
                Some("invalid_api_key"),
                401,
                "The key is wrong or has been deleted",
            ),
            (Some("invalid_version"), 400, "version must be 4 or 7"),
            (
                Some("invalid_count"),
                400,
                "count must be an integer from 1 to 1000",
            ),
            (
                Some("rate_limited"),
                429,
                "Too many requests this minute — back off and retry",
            ),
            (
                Some("quota_exceeded"),
                429,
                "Monthly quota reached — upgrade for more",
            ),
        ],
    );
    assert_eq!(
        body_value(&page.body.expect("the example body").body).to_string(),
        r#""nexus""#
    );
}

#[test]
fn littlebitlabs() {
    let page = read("littlebitlabs-errors.md");
    assert_rows(
        &page,
        &[
            (
                None,
                400,
                "Malformed JSON body or invalid query param format",
            ),
            (None, 401, "Missing or expired Bearer token"),
            (
                None,
                403,
                "Valid token but insufficient role/permission for this resource",
            ),
            (
                None,
                404,
                "Table or database name does not exist — check /{db}/{table} path",
            ),
            (None, 405, "HTTP verb not supported on this endpoint"),
            (
                None,
                409,
                "Duplicate entry — unique constraint violation (e.g. email already exists)",
            ),
            (
                None,
                422,
                "Column value violates schema constraint (null, type mismatch, length exceeded)",
            ),
            (
                None,
                429,
                "Rate limit exceeded — back off and retry after the Retry-After header value",
            ),
            (
                None,
                500,
                "Unexpected server-side failure — check your request and retry",
            ),
            (
                None,
                502,
                "Upstream database unreachable — retry after a short delay",
            ),
            (
                None,
                503,
                "Server under maintenance or overloaded — retry with exponential backoff",
            ),
        ],
    );
    // The 4xx and 5xx tables; not the header or pagination tables, of other shapes.
    assert_eq!(page.tables, vec![14, 25]);
    let skipped: Vec<(usize, &str)> = page
        .skipped_tables
        .iter()
        .map(|t| (t.line, t.why))
        .collect();
    assert_eq!(
        skipped,
        vec![(8, "its statuses are all success statuses (below 300)")]
    );
    // `{"status": 422, "message": …}` has no code to point at.
    assert_eq!(page.body, None);
}
