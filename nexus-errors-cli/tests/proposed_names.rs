//! The names `import` proposes for the Nexus page, judged against the names a person chose in
//! `spec/errors.toml`, read as the test runs.

mod common;

use common::*;
use nexus_errors_spec::{Row, check};

/// How many of the page's 21 proposals must equal the person's names.
const AGREEING: usize = 15;

/// Words a name must not start with: pronouns and filler say nothing about the error.
const NO_LEAD: &[&str] = &[
    "We", "You", "One", "When", "Please", "The", "A", "An", "It", "They",
];

/// Words a clause cannot end on: a name ending on one was cut mid-clause.
const NO_END: &[&str] = &[
    "Is", "Are", "Was", "Were", "Not", "Could", "Has", "Have", "Be", "To", "Of", "Used", "Please",
    "And", "Or", "The", "A",
];

fn rows(text: &str) -> Vec<Row> {
    let checked = check("errors.toml", text);
    assert!(checked.is_valid(), "{:?}", checked.diagnostics);
    checked.table.rows
}

/// The UpperCamelCase words of a name.
fn camel_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (at, c) in name.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&name[start..at]);
            start = at;
        }
    }
    words.push(&name[start..]);
    words
}

fn imported_markdown(test: &str) -> Vec<Row> {
    let dir = temp_dir(test);
    std::fs::write(dir.join("page.txt"), page_markdown()).expect("page");
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    rows(&spec_in(&dir))
}

#[test]
fn most_proposals_for_the_nexus_page_are_the_names_a_person_chose() {
    let chosen = rows(&std::fs::read_to_string(nexus_spec()).expect("spec"));
    let proposed = imported_markdown("proposed-names-agree");
    assert_eq!(proposed.len(), chosen.len());
    // Both are in the page's order, and the row columns are the page's (tests/import.rs).
    let agreeing = proposed
        .iter()
        .zip(&chosen)
        .filter(|(proposed, chosen)| proposed.name == chosen.name)
        .count();
    assert!(
        agreeing >= AGREEING,
        "{agreeing} of {} agree: {:?}",
        chosen.len(),
        proposed
            .iter()
            .zip(&chosen)
            .filter(|(p, c)| p.name != c.name)
            .map(|(p, c)| (&p.name, &c.name))
            .collect::<Vec<_>>()
    );
}

#[test]
fn no_proposal_is_led_by_filler_cut_mid_clause_or_numbered() {
    for row in imported_markdown("proposed-names-shape") {
        let words = camel_words(&row.name);
        assert!(
            !NO_LEAD.contains(&words[0]),
            "{} is led by filler",
            row.name
        );
        let last = words[words.len() - 1];
        assert!(!NO_END.contains(&last), "{} is cut mid-clause", row.name);
        assert!(
            !row.name.ends_with(|c: char| c.is_ascii_digit()),
            "{} is numbered",
            row.name
        );
    }
}

#[test]
fn the_report_marks_names_no_shape_recognised() {
    let dir = temp_dir("proposed-names-basis");
    let page = "# Errors\n\n| Status | Description |\n|---|---|\n| 400 | The widget went sideways. |\n| 400 | The gadget is invalid. |\n";
    std::fs::write(dir.join("page.txt"), page).expect("page");
    let run = import(&dir, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("WidgetWentSideways 400 Bad Request: \"The widget went sideways.\" (page line 5) [review the name: from the first words]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("InvalidGadget 400 Bad Request: \"The gadget is invalid.\" (page line 6) [review the name]\n"),
        "{}",
        run.stdout
    );
}
