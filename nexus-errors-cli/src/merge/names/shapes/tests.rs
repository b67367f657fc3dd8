//! One test per shape: a description from the Nexus page where it has one, and one from
//! another API's public errors page, with the page's address.

use super::super::clause_of;
use super::super::words::sentences;
use super::recognise;

/// The name the first telling sentence of `description` has, if a shape fits it.
fn name(description: &str) -> Option<String> {
    let sentence = sentences(description).into_iter().next()?;
    recognise(&clause_of(sentence))
}

#[test]
fn x_is_not_valid_or_invalid_is_invalid_x() {
    assert_eq!(
        name("Account guid is not valid.").as_deref(),
        Some("InvalidAccountGuid")
    );
    assert_eq!(
        name("The date range provided was invalid.").as_deref(),
        Some("InvalidDateRange")
    );
    // https://docs.nansen.ai/api/nansen-apis/error-codes
    assert_eq!(
        name("The bearer token is not valid.").as_deref(),
        Some("InvalidBearerToken")
    );
    // https://docs.stora.co/2025-09/guides/errors
    assert_eq!(
        name("The request URL param is invalid.").as_deref(),
        Some("InvalidRequestUrlParam")
    );
}

#[test]
fn invalid_x_keeps_its_lead() {
    assert_eq!(
        name("Invalid API token.").as_deref(),
        Some("InvalidApiToken")
    );
    // https://mori-7d8a16e6.mintlify.app/errors
    assert_eq!(
        name("Invalid idempotency key").as_deref(),
        Some("InvalidIdempotencyKey")
    );
}

#[test]
fn x_has_expired_is_x_expired() {
    assert_eq!(
        name("The session token used in this request has expired.").as_deref(),
        Some("SessionTokenExpired")
    );
    assert_eq!(
        name("Challenge question expired. Please try again.").as_deref(),
        Some("ChallengeQuestionExpired")
    );
    // https://developers.intercom.com/docs/references/rest-api/errors/error-codes/
    assert_eq!(
        name("The token is expired").as_deref(),
        Some("TokenExpired")
    );
}

#[test]
fn x_is_no_longer_valid_says_so() {
    assert_eq!(
        name("The credential GUIDs submitted are no longer valid. Check the endpoint.").as_deref(),
        Some("CredentialGuidsNoLongerValid")
    );
}

#[test]
fn unable_to_find_x_and_x_was_not_found_are_x_not_found() {
    assert_eq!(
        name("We were unable to find the record you requested.").as_deref(),
        Some("RecordNotFound")
    );
    // https://docs.stora.co/2025-09/guides/errors
    assert_eq!(
        name("The requested resource was not found.").as_deref(),
        Some("ResourceNotFound")
    );
    // https://docs.stora.co/2025-09/guides/errors
    assert_eq!(
        name("The requested endpoint does not exist.").as_deref(),
        Some("EndpointNotFound")
    );
    // https://developers.intercom.com/docs/references/rest-api/errors/error-codes/
    assert_eq!(
        name("The token or API Key does not exist").as_deref(),
        Some("TokenOrApiKeyNotFound")
    );
    assert_eq!(
        name("We could not find your account.").as_deref(),
        Some("AccountNotFound")
    );
}

#[test]
fn x_could_not_be_saved_is_x_not_saved() {
    assert_eq!(
        name("Record could not be saved. See note below.").as_deref(),
        Some("RecordNotSaved")
    );
    assert_eq!(
        name("The invoice was not saved.").as_deref(),
        Some("InvoiceNotSaved")
    );
}

#[test]
fn x_not_permitted_or_not_allowed_is_x_not_permitted() {
    assert_eq!(
        name("One or more parameters were not permitted.").as_deref(),
        Some("ParametersNotPermitted")
    );
    // https://developers.intercom.com/docs/references/rest-api/errors/error-codes/
    assert_eq!(
        name("The token or API Key is not allowed to access the resource").as_deref(),
        Some("TokenOrApiKeyNotPermitted")
    );
}

#[test]
fn x_already_exists_is_x_already_exists() {
    // https://developers.intercom.com/docs/references/2.17/rest-api/errors/error-codes
    assert_eq!(
        name("The resource already exists").as_deref(),
        Some("ResourceAlreadyExists")
    );
    // https://diaspora.github.io/api-documentation/errors.html
    assert_eq!(
        name("Entity already exists").as_deref(),
        Some("EntityAlreadyExists")
    );
}

#[test]
fn x_is_missing_or_not_provided_is_x_missing() {
    assert_eq!(
        name("Required params missing.").as_deref(),
        Some("RequiredParamsMissing")
    );
    // https://developers.intercom.com/docs/references/rest-api/errors/error-codes/
    assert_eq!(
        name("A required parameter was not supplied").as_deref(),
        Some("RequiredParameterMissing")
    );
    assert_eq!(name("Missing API key.").as_deref(), Some("ApiKeyMissing"));
    assert_eq!(
        name("The email was not provided.").as_deref(),
        Some("EmailMissing")
    );
}

#[test]
fn x_does_not_match_is_x_mismatch() {
    // https://mori-7d8a16e6.mintlify.app/errors
    assert_eq!(
        name("Order type does not match").as_deref(),
        Some("OrderTypeMismatch")
    );
    // https://docs.nansen.ai/api/nansen-apis/error-codes
    assert_eq!(
        name("The request body does not match the schema for the expected parameters.").as_deref(),
        Some("RequestBodyMismatch")
    );
    assert_eq!(
        name("Currency mismatch.").as_deref(),
        Some("CurrencyMismatch")
    );
}

#[test]
fn a_limit_reached_or_exceeded_says_so() {
    // https://docs.nansen.ai/api/nansen-apis/error-codes
    assert_eq!(
        name("The rate limit has been reached. Rate limit is 1 per second (60 per minute).")
            .as_deref(),
        Some("RateLimitReached")
    );
    // https://developer.affinity.co/pages/external-api-v2/error-codes
    assert_eq!(
        name("You have exceeded the rate limit.").as_deref(),
        Some("RateLimitExceeded")
    );
    // https://docs.stora.co/2025-09/guides/errors
    assert_eq!(
        name("Rate Limit Exceeded. You have reached the maximum number of requests. Please try again later.").as_deref(),
        Some("RateLimitExceeded")
    );
}

#[test]
fn an_attempt_that_failed_is_its_action_failed() {
    assert_eq!(
        name("When attempting to auto-generate budgets, no category contained the minimum required number of transactions.").as_deref(),
        Some("AutoGenerateBudgetsFailed")
    );
    assert_eq!(
        name("Failed to parse the request body.").as_deref(),
        Some("ParseRequestBodyFailed")
    );
}

#[test]
fn what_cannot_be_done_is_cannot_and_the_action() {
    assert_eq!(
        name("You cannot aggregate a manual member.").as_deref(),
        Some("CannotAggregateManualMember")
    );
    // https://help.aliyun.com/en/ram/developer-reference/api-accessanalyzer-2024-02-01-errorcodes
    assert_eq!(
        name("You cannot update finding's status to Resolved").as_deref(),
        Some("CannotUpdateFindingStatus")
    );
}

#[test]
fn a_description_of_no_shape_is_not_recognised() {
    assert_eq!(name("An unknown error has occurred."), None);
    // https://docs.stora.co/2025-09/guides/errors
    assert_eq!(name("Unexpected internal error."), None);
    assert_eq!(name(""), None);
    // A state with nothing before it has no subject to name.
    assert_eq!(name("Expired."), None);
}
