//! The example downstream crate: both forms on its own table agree with `errors.toml`.

mod common;

use acme_payments_errors::{PaymentFailure, PaymentsError};
use nexus_errors::{ErrorTable, Resolution, ResponseError};

#[test]
fn the_generated_form_equals_the_table() {
    let spec = common::downstream_spec();
    assert_eq!(PaymentsError::COUNT, spec.error.len());
    for (error, row) in PaymentsError::ALL.iter().zip(&spec.error) {
        assert_eq!(error.name(), row.name);
        assert_eq!(error.code(), row.code);
        assert_eq!(error.status(), row.status);
        assert_eq!(error.status_text(), row.status_text);
        assert_eq!(error.description(), row.description);
        assert_eq!(error.notes(), row.notes.as_slice());
    }
}

#[test]
fn the_derived_form_binds_named_variants_and_carries_the_rest() {
    let spec = common::downstream_spec();
    assert_eq!(
        PaymentFailure::ALL.len(),
        spec.error.len(),
        "every row is represented"
    );
    for (failure, row) in PaymentFailure::ALL.iter().zip(&spec.error) {
        assert_eq!(failure.name(), row.name);
        assert_eq!(failure.code(), row.code);
        assert_eq!(failure.status(), row.status);
        assert_eq!(failure.description(), row.description);
        let expected = match row.name.as_str() {
            "CardDeclined" => Some(PaymentFailure::Declined),
            "InsufficientFunds" => Some(PaymentFailure::InsufficientFunds),
            "DuplicatePayment" => Some(PaymentFailure::Duplicate),
            _ => None,
        };
        match expected {
            Some(variant) => assert_eq!(*failure, variant),
            None => assert!(
                matches!(failure, PaymentFailure::Other(r) if r.name() == row.name),
                "{failure:?}"
            ),
        }
    }
    assert_eq!(
        PaymentFailure::Declined.to_string(),
        PaymentsError::CardDeclined.to_string()
    );
    assert_eq!(
        "DuplicatePayment".parse::<PaymentFailure>(),
        Ok(PaymentFailure::Duplicate)
    );
}

#[test]
fn unicode_punctuation_survives_into_display() {
    let spec = common::downstream_spec();
    let row = spec
        .error
        .iter()
        .find(|r| r.description.contains('—'))
        .expect("an em dash in the table");
    let error = PaymentsError::from_name(&row.name).expect("a row");
    assert!(error.to_string().ends_with(&row.description));
}

#[test]
fn responses_resolve_against_the_downstream_table() {
    let spec = common::downstream_spec();
    for row in &spec.error {
        let body = serde_json::json!({ "error": { "code": row.code, "message": row.description } })
            .to_string();
        let generated = ResponseError::<PaymentsError>::from_response(row.status, body.as_bytes());
        assert_eq!(
            generated.row().map(|e| e.name()),
            Some(row.name.as_str()),
            "{}",
            row.name
        );
        let derived = ResponseError::<PaymentFailure>::from_response(row.status, body.as_bytes());
        assert_eq!(
            derived.row().map(|e| e.name()),
            Some(row.name.as_str()),
            "{}",
            row.name
        );
        let expected = if row.code.is_some() {
            Resolution::Code
        } else {
            Resolution::Message
        };
        assert_eq!(derived.resolution(), Some(expected), "{}", row.name);
    }
    // 504 has one row in this table and none in the Nexus table: status alone decides here.
    let timeout = ResponseError::<PaymentsError>::from_response(504u16, b"");
    assert_eq!(timeout.row(), Some(PaymentsError::BankTimeout));
    assert!(timeout.is_retryable());
}

#[test]
fn both_forms_are_error_tables() {
    fn names<T: ErrorTable>() -> Vec<&'static str> {
        T::ALL.iter().map(|e| e.row().name()).collect()
    }
    assert_eq!(names::<PaymentsError>(), names::<PaymentFailure>());
}
