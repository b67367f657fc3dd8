use super::*;
use crate::test_rows::page_row;

fn row(status: u16, text: &str, description: &str) -> PageRow {
    page_row(None, status, text, description)
}

fn names(page: &[PageRow], taken: &[&str]) -> Vec<(String, Basis)> {
    let mut taken: HashSet<String> = taken.iter().map(|name| (*name).to_owned()).collect();
    page.iter()
        .map(|r| {
            let proposal = propose(r, page, &mut taken);
            (proposal.name, proposal.basis)
        })
        .collect()
}

fn name(text: &str, basis: Basis) -> (String, Basis) {
    (text.to_owned(), basis)
}

#[test]
fn the_only_row_of_a_status_is_named_after_its_reason_phrase() {
    let page = [
        row(409, "Conflict", "It exists."),
        row(429, "Too Many Requests", ""),
        row(
            500,
            "Internal Server Error",
            "An unknown error has occurred.",
        ),
    ];
    assert_eq!(
        names(&page, &[]),
        [
            name("Conflict", Basis::Status),
            name("TooManyRequests", Basis::Status),
            name("InternalServerError", Basis::Status),
        ]
    );
}

#[test]
fn the_only_row_of_a_status_keeps_the_subject_its_description_gives() {
    let page = [
        row(403, "Forbidden", "Operation is forbidden."),
        row(405, "Method Not Allowed", "Method not allowed."),
        // https://docs.stora.co/2025-09/guides/errors
        row(404, "Not Found", "The requested resource was not found."),
    ];
    assert_eq!(
        names(&page, &[]),
        [
            name("OperationForbidden", Basis::Status),
            name("MethodNotAllowed", Basis::Status),
            name("ResourceNotFound", Basis::Status),
        ]
    );
}

#[test]
fn rows_sharing_a_status_are_named_after_their_descriptions() {
    let page = [
        row(
            400,
            "Bad Request",
            "A submitted parameter field is invalid.",
        ),
        row(400, "Bad Request", "Monthly Cash Flow Profile is invalid."),
        row(400, "Bad Request", "The thing went sideways somehow."),
    ];
    assert_eq!(
        names(&page, &[]),
        [
            name("InvalidParameterField", Basis::Shape),
            name("InvalidMonthlyCashFlowProfile", Basis::Shape),
            name("ThingWentSidewaysSomehow", Basis::FirstWords),
        ]
    );
}

#[test]
fn first_words_stop_before_a_phrase_not_inside_a_clause() {
    let page = [
        row(
            400,
            "Bad Request",
            "The user already has a member connecting it to the same institution.",
        ),
        row(400, "Bad Request", "Other."),
    ];
    assert_eq!(
        names(&page, &[])[0],
        name("UserAlreadyMemberConnecting", Basis::FirstWords)
    );
}

#[test]
fn rows_named_alike_are_told_apart_by_words_never_by_numbers() {
    let page = [
        row(
            422,
            "Unprocessable Entity",
            "Record could not be saved. See note below.",
        ),
        row(
            422,
            "Unprocessable Entity",
            "Record could not be saved. One or more parameters is invalid.",
        ),
        row(404, "Not Found", "Record not found."),
        row(410, "Gone", "Record not found."),
        row(404, "Not Found", "Page not found."),
    ];
    assert_eq!(
        names(&page, &[]),
        [
            name("RecordNotSaved", Basis::Shape),
            name("RecordNotSavedInvalidParameters", Basis::Shape),
            name("RecordNotFound", Basis::Shape),
            name("RecordNotFoundGone", Basis::Shape),
            name("PageNotFound", Basis::Shape),
        ]
    );
}

#[test]
fn names_are_unique_and_valid() {
    let page = [
        row(400, "Bad Request", "Self."),
        row(400, "Bad Request", "2FA required"),
        row(400, "Bad Request", ""),
        row(400, "Bad Request", "Required params missing."),
        row(400, "Bad Request", "Required params missing."),
    ];
    let proposed: Vec<String> = names(&page, &["RequiredParamsMissing"])
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        proposed,
        [
            "SelfBadRequest",
            "Error2faRequired",
            "BadRequest",
            "RequiredParamsMissingBadRequest",
            "RequiredParamsMissingOther",
        ]
    );
    assert!(proposed.iter().all(|n| is_valid(n)));
    assert!(
        proposed
            .iter()
            .all(|n| !n.chars().last().is_some_and(|c| c.is_ascii_digit()))
    );
}

fn coded(code: &str, status: u16, text: &str, description: &str) -> PageRow {
    let mut row = row(status, text, description);
    row.code = Some(Code::Text(code.to_owned()));
    row
}

#[test]
fn string_codes_give_the_names() {
    let page = [
        coded("invalid_json", 400, "Bad Request", "The body is not JSON."),
        coded("RESOURCE_EXHAUSTED", 429, "Too Many Requests", "Quota."),
        coded("NoAuthenticationInformation", 401, "Unauthorized", "Who?"),
    ];
    assert_eq!(
        names(&page, &[]),
        [
            name("InvalidJson", Basis::Code),
            name("ResourceExhausted", Basis::Code),
            name("NoAuthenticationInformation", Basis::Code),
        ]
    );
}

#[test]
fn a_repeated_code_is_told_apart_by_status_or_description_never_a_number() {
    // https://docs.microsoft.com/en-us/rest/api/storageservices/Common-REST-API-Error-Codes
    let page = [
        coded(
            "ConditionNotMet",
            304,
            "Not Modified",
            "Not met for a read operation.",
        ),
        coded(
            "ConditionNotMet",
            412,
            "Precondition Failed",
            "Not met for a write operation.",
        ),
        coded(
            "InsufficientAccountPermissions",
            403,
            "Forbidden",
            "Read operations are currently disabled.",
        ),
        coded(
            "InsufficientAccountPermissions",
            403,
            "Forbidden",
            "Write operations are not allowed.",
        ),
    ];
    assert_eq!(
        names(&page, &[]),
        [
            name("ConditionNotMetNotModified", Basis::Code),
            name("ConditionNotMetPreconditionFailed", Basis::Code),
            name(
                "InsufficientAccountPermissionsReadOperationsCurrentlyDisabled",
                Basis::Code
            ),
            name(
                "InsufficientAccountPermissionsWriteOperationsNotPermitted",
                Basis::Code
            ),
        ]
    );
    let same = [
        coded("dup", 400, "Bad Request", "Same words."),
        coded("dup", 400, "Bad Request", "Same words."),
    ];
    let got = names(&same, &[]);
    assert_ne!(got[0].0, got[1].0);
    assert!(
        got.iter()
            .all(|(n, _)| !n.ends_with(|c: char| c.is_ascii_digit())),
        "{got:?}"
    );
}
