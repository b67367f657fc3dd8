//! The `miette` feature: `Diagnostic` for `ResponseError` and for generated enums of both
//! forms, in this workspace and in the example downstream crate, which gets the impls
//! through the macro. Names, advice and urls come from the spec files and the documented
//! rules, not from the code under test.

mod common;

use std::fmt::Display;

use acme_payments_errors::{PaymentFailure, PaymentsError};
use miette::Diagnostic;
use nexus_errors::{Action, ErrorTable, NexusError, ResponseError};

fn text(value: Option<Box<dyn Display + '_>>) -> Option<String> {
    value.map(|value| value.to_string())
}

/// The advice the documentation of `Action` gives for a status, by the status rule.
fn advice(status: u16) -> &'static str {
    match status {
        401 => "authenticate again (get a new session token), then retry",
        429 => "wait for Retry-After, then retry",
        408 | 500 | 502 | 503 | 504 => "retry with backoff",
        400..=499 => "fix the request before sending it again",
        500..=599 => "the server failed; report it to the API provider",
        _ => "not an error status; inspect the response",
    }
}

#[test]
fn every_nexus_row_has_a_namespaced_code_the_advice_and_the_source() {
    let spec = common::nexus_spec();
    // "Nexus API" in snake case, as documented.
    assert_eq!(spec.api.name, "Nexus API");
    let source = spec.api.source.clone();
    assert!(source.is_some());
    assert_eq!(NexusError::api().name(), spec.api.name);
    assert_eq!(NexusError::api().source(), source.as_deref());
    assert_eq!(<NexusError as ErrorTable>::api(), NexusError::api());
    for row in &spec.error {
        let error: NexusError = row.name.parse().expect("a row");
        let expected_code = format!("nexus_api::{}", row.name);
        assert_eq!(text(Diagnostic::code(&error)), Some(expected_code.clone()));
        assert_eq!(text(error.help()).as_deref(), Some(advice(row.status)));
        assert_eq!(text(error.url()), source);

        // The same through a response that resolves to the row.
        let read: ResponseError =
            ResponseError::from_response(row.status, row_body(error).as_bytes());
        assert_eq!(read.row(), Some(error));
        assert_eq!(text(Diagnostic::code(&read)), Some(expected_code));
        assert_eq!(text(read.help()).as_deref(), Some(advice(row.status)));
        assert_eq!(text(read.url()), source);
    }
}

fn row_body(row: NexusError) -> String {
    row.row().error_body()
}

#[test]
fn a_response_without_a_row_is_named_by_its_status() {
    for status in [0u16, 200, 418, 502, 503, 599, 999] {
        let error = ResponseError::<NexusError>::from_response(status, b"<html>oops</html>");
        assert_eq!(error.row(), None, "{status}");
        assert_eq!(
            text(Diagnostic::code(&error)),
            Some(format!("nexus_api::http_{status}"))
        );
        assert_eq!(text(error.help()).as_deref(), Some(advice(status)));
        assert_eq!(
            error.help().map(|h| h.to_string()),
            Some(Action::for_status(status).to_string())
        );
    }
}

#[test]
fn the_downstream_crate_gets_the_impls_in_both_forms() {
    let spec = common::downstream_spec();
    assert_eq!(spec.api.name, "Acme Payments API");
    assert_eq!(spec.api.source, None);
    for row in &spec.error {
        let generated: PaymentsError = row.name.parse().expect("a row");
        let derived = PaymentFailure::from_name(&row.name).expect("a row");
        let expected = format!("acme_payments_api::{}", row.name);
        for (code, help, url) in [
            (
                Diagnostic::code(&generated),
                generated.help(),
                generated.url(),
            ),
            (Diagnostic::code(&derived), derived.help(), derived.url()),
        ] {
            assert_eq!(text(code).as_deref(), Some(expected.as_str()));
            assert_eq!(text(help).as_deref(), Some(advice(row.status)));
            // The spec has no source: no url.
            assert_eq!(text(url), None);
        }
    }
    let error = ResponseError::<PaymentsError>::from_response(418u16, b"");
    assert_eq!(
        text(Diagnostic::code(&error)).as_deref(),
        Some("acme_payments_api::http_418")
    );
}

#[test]
fn a_response_error_goes_into_a_miette_report() {
    fn call() -> miette::Result<()> {
        Err(ResponseError::<NexusError>::from_response(429u16, b""))?;
        Ok(())
    }
    let report = call().expect_err("an error");
    assert_eq!(
        text(report.code()).as_deref(),
        Some("nexus_api::TooManyRequests")
    );
    assert_eq!(text(report.help()).as_deref(), Some(advice(429)));
    assert!(
        report
            .downcast_ref::<ResponseError>()
            .is_some_and(ResponseError::is_throttled)
    );
}
