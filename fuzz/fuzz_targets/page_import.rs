//! The docs-page importer on any bytes: `nexus-errors import` without its I/O. Reading the
//! page, merging it into the real `spec/errors.toml` (with and without `--prune`), the
//! report and the diff, writing the new spec's text and checking it never panic; and a merge
//! gives each page row one entry, in page order, with names that are unique.
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nexus_errors_cli::merge::{self, Merged, Origin};
use nexus_errors_cli::page::{self, Page};
use nexus_errors_cli::spec_edit::{self, Base, NewApi};
use nexus_errors_cli::report;
use nexus_errors_spec::Checked;

const SPEC: &str = include_str!("../../spec/errors.toml");
const FILE: &str = "spec/errors.toml";

fn spec() -> &'static Checked {
    static CHECKED: OnceLock<Checked> = OnceLock::new();
    CHECKED.get_or_init(|| {
        let checked = nexus_errors_spec::check(FILE, SPEC);
        assert!(checked.is_valid(), "spec/errors.toml is valid");
        checked
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(page) = page::read(bytes) else {
        return;
    };
    let spec_rows = &spec().table.rows;
    for prune in [false, true] {
        let merged = merge::merge(&page.rows, spec_rows, prune);
        one_entry_per_page_row(&page, &merged);
        let _ = merge::impact(&merged);
        let _ = merge::differs(&merged);
        let _ = report::report(&page, spec_rows, &merged);
        if let Ok(new_text) = spec_edit::write(Base::Existing(SPEC), &merged.entries) {
            let _ = report::diff(FILE, SPEC, &new_text);
            let _ = nexus_errors_spec::check(FILE, &new_text);
        }
    }
    // A spec that does not exist yet, as the first import of a page writes it.
    let merged = merge::merge(&page.rows, &[], false);
    one_entry_per_page_row(&page, &merged);
    let api = NewApi {
        name: page
            .api_name
            .as_ref()
            .map(|api| api.name.clone())
            .unwrap_or_default(),
        source: None,
        codes_start_with_status: false,
        body: page.body.as_ref().map(|proposal| proposal.body.clone()),
    };
    if let Ok(new_text) = spec_edit::write(Base::New(&api), &merged.entries) {
        let _ = nexus_errors_spec::check(FILE, &new_text);
    }
});

fn one_entry_per_page_row(page: &Page, merged: &Merged) {
    let from_page: Vec<usize> = merged
        .entries
        .iter()
        .filter_map(|entry| match entry.origin {
            Origin::Matched { page, .. } | Origin::Added { page, .. } => Some(page),
            Origin::Kept { .. } => None,
        })
        .collect();
    assert_eq!(from_page, (0..page.rows.len()).collect::<Vec<_>>());
    let kept = merged.entries.len() - from_page.len();
    assert_eq!(kept, if merged.pruned { 0 } else { merged.gone.len() });
    let mut names = HashSet::new();
    for entry in &merged.entries {
        assert!(
            names.insert(&entry.row.name),
            "two rows named {:?}",
            entry.row.name
        );
    }
}
