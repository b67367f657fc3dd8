//! Every generated variant's columns equal its row of `spec/errors.toml`.

mod common;

use std::collections::BTreeSet;
use std::str::FromStr;

use nexus_errors::{Code, ErrorTable, NexusError, UnknownName};

#[test]
fn one_variant_per_row_in_the_spec_order() {
    let spec = common::nexus_spec();
    assert_eq!(NexusError::COUNT, spec.error.len());
    assert_eq!(NexusError::ALL.len(), spec.error.len());
    let names: Vec<&str> = NexusError::ALL.iter().map(|e| e.name()).collect();
    let expected: Vec<&str> = spec.error.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, expected);
}

#[test]
fn every_column_equals_the_spec() {
    let spec = common::nexus_spec();
    for (error, row) in NexusError::ALL.iter().zip(&spec.error) {
        assert_eq!(error.name(), row.name);
        assert_eq!(error.code(), row.code, "{}", row.name);
        assert_eq!(error.status(), row.status, "{}", row.name);
        assert_eq!(
            http::StatusCode::from(*error).as_u16(),
            row.status,
            "{}",
            row.name
        );
        assert_eq!(error.status_text(), row.status_text, "{}", row.name);
        assert_eq!(error.description(), row.description, "{}", row.name);
        assert_eq!(error.notes(), row.notes.as_slice(), "{}", row.name);
        assert_eq!(error.row().name(), row.name);
        assert_eq!(
            format!("{:?}", error),
            row.name,
            "Debug prints the variant name"
        );
    }
}

#[test]
fn display_reads_status_code_and_description() {
    let spec = common::nexus_spec();
    for (error, row) in NexusError::ALL.iter().zip(&spec.error) {
        let shown = error.to_string();
        let head = format!("{} {}", row.status, row.status_text);
        assert!(shown.starts_with(&head), "{shown:?} starts with {head:?}");
        match row.code {
            Some(code) => assert!(
                shown.contains(&format!("[{code}]")),
                "{shown:?} shows code {code}"
            ),
            None => assert!(!shown.contains('['), "{shown:?} shows no code"),
        }
        if row.description.is_empty() {
            assert!(
                !shown.ends_with(':') && !shown.ends_with(": "),
                "{shown:?} reads well without a description"
            );
        } else {
            assert!(
                shown.ends_with(&format!(": {}", row.description)),
                "{shown:?} ends with the description"
            );
        }
        assert_eq!(shown, error.row().to_string());
    }
}

#[test]
fn rows_found_by_code_and_by_status_display_their_columns() {
    // Independent of the spec's names: looked up by the page's code and status.
    assert_eq!(
        NexusError::from_code(4001)
            .map(|e| e.to_string())
            .as_deref(),
        Some("400 Bad Request [4001]: Required params missing.")
    );
    let too_many = NexusError::with_status(429);
    assert_eq!(too_many.len(), 1);
    assert_eq!(too_many[0].to_string(), "429 Too Many Requests");
}

#[test]
fn lookup_by_code_finds_exactly_the_coded_rows() {
    let spec = common::nexus_spec();
    for row in &spec.error {
        if let Some(code) = row.code {
            assert_eq!(
                NexusError::from_code(code).map(|e| e.name()),
                Some(row.name.as_str())
            );
        }
    }
    let documented: BTreeSet<i64> = spec.error.iter().filter_map(|r| r.code).collect();
    // Every code of four digits and more: the spec's codes among them, and the ends of i64.
    for code in (0..=99_999).chain([i64::MIN, -1, i64::MAX]) {
        if !documented.contains(&code) {
            assert_eq!(
                NexusError::from_code(code),
                None,
                "code {code} is not in the spec"
            );
        }
    }
}

#[test]
fn lookup_by_status_returns_the_rows_of_that_status_in_order() {
    let spec = common::nexus_spec();
    for status in 0..=999 {
        let found: Vec<&str> = NexusError::with_status(status)
            .iter()
            .map(|e| e.name())
            .collect();
        let expected: Vec<&str> = spec
            .with_status(status)
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(found, expected, "status {status}");
    }
}

#[test]
fn lookup_by_name_parses_every_row_and_nothing_else() {
    let spec = common::nexus_spec();
    for row in &spec.error {
        let parsed = NexusError::from_str(&row.name).expect("every spec name parses");
        assert_eq!(parsed.name(), row.name);
        assert_eq!(row.name.parse::<NexusError>(), Ok(parsed));
    }
    assert_eq!("".parse::<NexusError>(), Err(UnknownName));
    let lowercase = spec.error[0].name.to_lowercase();
    assert_eq!(
        lowercase.parse::<NexusError>(),
        Err(UnknownName),
        "names are case-sensitive"
    );
}

#[test]
fn the_trait_agrees_with_the_inherent_items() {
    fn via_trait<T: ErrorTable>() -> Vec<(&'static str, Option<Code>, u16)> {
        T::ALL
            .iter()
            .map(|e| (e.row().name(), e.row().code(), e.row().status()))
            .collect()
    }
    let inherent: Vec<_> = NexusError::ALL
        .iter()
        .map(|e| (e.name(), e.code().map(Code::Integer), e.status()))
        .collect();
    assert_eq!(via_trait::<NexusError>(), inherent);
    for error in NexusError::ALL {
        assert_eq!(
            <NexusError as ErrorTable>::from_name(error.name()),
            Some(*error)
        );
    }
}

#[test]
fn accessors_are_usable_in_const_context() {
    const EXPIRED: Option<NexusError> = NexusError::from_code(4011);
    const STATUS: u16 = match EXPIRED {
        Some(e) => e.status(),
        None => 0,
    };
    let spec = common::nexus_spec();
    let row = spec
        .error
        .iter()
        .find(|r| r.code == Some(4011))
        .expect("the page documents 4011");
    assert_eq!(STATUS, row.status);
}

#[test]
fn the_enum_is_an_ordinary_error_type() {
    fn assert_traits<
        T: Copy + Eq + std::hash::Hash + std::fmt::Debug + std::error::Error + Send + Sync + 'static,
    >() {
    }
    assert_traits::<NexusError>();
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(NexusError::ALL[0]);
    assert_eq!(boxed.to_string(), NexusError::ALL[0].to_string());
}
