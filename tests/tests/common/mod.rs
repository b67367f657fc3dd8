//! The spec as the tests read it: straight from `spec/errors.toml` with the toml crate,
//! independently of the macro, so expected values never come from the code under test.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

pub mod display_bound;
pub mod loopback;
mod resolve;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub api: Api,
    pub error: Vec<Row>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Api {
    pub name: String,
    pub source: Option<String>,
    pub codes_start_with_status: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub name: String,
    pub code: Option<i64>,
    pub status: u16,
    pub status_text: String,
    pub description: String,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Spec {
    /// Rows with this status, in the spec's order.
    pub fn with_status(&self, status: u16) -> Vec<&Row> {
        self.error.iter().filter(|r| r.status == status).collect()
    }

    /// The first row with a code, and its code.
    pub fn coded_row(&self) -> (&Row, i64) {
        self.error
            .iter()
            .find_map(|row| Some((row, row.code?)))
            .expect("the spec documents codes")
    }
}

/// The Nexus spec of this workspace.
pub fn nexus_spec() -> Spec {
    read_spec(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/errors.toml"))
}

/// The example downstream crate's own table.
pub fn downstream_spec() -> Spec {
    read_spec(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/downstream/errors.toml"
    ))
}

fn read_spec(path: &str) -> Spec {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path} is not a valid spec: {e}"))
}
