//! Serde: a generated enum is its row's name, a JSON string; anything else is an error.
//! Names come from the spec files, not from the generated code.

mod common;

use acme_payments_errors::{PaymentFailure, PaymentsError};
use nexus_errors::NexusError;
use serde::{Deserialize, Serialize};

#[test]
fn every_row_round_trips_as_its_name() {
    let spec = common::nexus_spec();
    for row in &spec.error {
        let error: NexusError =
            serde_json::from_str(&format!("\"{}\"", row.name)).expect("a row's name deserializes");
        assert_eq!(error.code(), row.code, "{}", row.name);
        assert_eq!(error.description(), row.description, "{}", row.name);
        let json = serde_json::to_value(error).expect("serializes");
        assert_eq!(json, serde_json::Value::String(row.name.clone()));
        assert_eq!(
            serde_json::from_value::<NexusError>(json).expect("round trip"),
            error
        );
    }
}

#[test]
fn unknown_names_and_other_types_are_errors() {
    for json in [
        r#""NoSuchRow""#,
        r#""sessiontokenexpired""#,
        r#"" SessionTokenExpired""#,
        r#""""#,
    ] {
        let error = serde_json::from_str::<NexusError>(json).expect_err(json);
        assert!(
            error
                .to_string()
                .contains("the name of a row of the error table"),
            "{json}: {error}"
        );
    }
    for json in [
        "4011",
        "null",
        "true",
        r#"["SessionTokenExpired"]"#,
        r#"{"SessionTokenExpired":null}"#,
    ] {
        assert!(serde_json::from_str::<NexusError>(json).is_err(), "{json}");
    }
}

#[test]
fn names_work_inside_structures_and_other_formats() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Logged {
        error: NexusError,
        seen: Vec<NexusError>,
    }
    let logged = Logged {
        error: NexusError::SessionTokenExpired,
        seen: NexusError::ALL.to_vec(),
    };
    let json = serde_json::to_string(&logged).expect("serializes");
    assert!(
        json.starts_with(r#"{"error":"SessionTokenExpired","seen":["#),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<Logged>(&json).expect("deserializes"),
        logged
    );

    #[derive(Debug, Deserialize)]
    struct Config {
        retry_on: NexusError,
    }
    let config: Config = toml::from_str(r#"retry_on = "TooManyRequests""#).expect("TOML");
    assert_eq!(config.retry_on, NexusError::TooManyRequests);
    assert!(toml::from_str::<Config>(r#"retry_on = "TooMany""#).is_err());
}

#[test]
fn both_forms_of_another_table_use_their_spec_names() {
    let spec = common::downstream_spec();
    for row in &spec.error {
        let quoted = format!("\"{}\"", row.name);
        let generated: PaymentsError = serde_json::from_str(&quoted).expect("the generated form");
        assert_eq!(
            serde_json::to_string(&generated).expect("serializes"),
            quoted
        );
        // The derived form serializes its renamed and catch-all variants by row name too.
        let derived: PaymentFailure = serde_json::from_str(&quoted).expect("the derived form");
        assert_eq!(derived.row().name(), row.name);
        assert_eq!(serde_json::to_string(&derived).expect("serializes"), quoted);
    }
    let declined = PaymentFailure::Declined.row().name();
    assert_ne!(
        declined, "Declined",
        "a renamed variant keeps its row's name"
    );
    assert!(
        serde_json::from_str::<PaymentFailure>(r#""Declined""#).is_err(),
        "the variant's own name is not a row's"
    );
}
