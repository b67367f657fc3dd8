//! `nexus-errors import` end to end, on the committed page fixtures and mutated copies of
//! them, against copies of the workspace's spec.

mod common;

use common::*;
use nexus_errors_spec::{Code, Row, check};

const ROW_4001: &str = "| 4001 | 400 | Bad Request | Required params missing. |";
const ROW_DATE: &str = "| null | 400 | Bad Request | The date range provided was invalid. |";
const ROW_TOKEN: &str = "| null | 401 | Unauthorized | Invalid API token. |";

fn rows(text: &str) -> Vec<Row> {
    let checked = check("errors.toml", text);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    checked.table.rows
}

fn names(text: &str) -> Vec<String> {
    rows(text).into_iter().map(|r| r.name).collect()
}

fn row<'a>(rows: &'a [Row], name: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

#[test]
fn the_page_text_the_spec_came_from_imports_as_a_no_op() {
    let dir = workspace("noop-text", &page_text());
    let run = import(&dir, &["--check"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("21 error rows on the page, 0 skipped; 21 unchanged, 0 changed, 0 added, 0 not on the page"), "{}", run.stdout);
    assert!(run.stdout.contains("No change to errors.toml."));
}

#[test]
fn the_markdown_the_docs_site_serves_imports_as_a_no_op() {
    let dir = workspace("noop-markdown", &page_markdown());
    let run = import(&dir, &["--check"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("21 unchanged"), "{}", run.stdout);
}

#[test]
fn the_notes_come_from_the_bullets_in_both_forms() {
    // Without the bullets, the 4220 row loses the spec's three notes: so they were read.
    let text = page_text();
    let start = text.find("- A\n422error").expect("bullets");
    let end = text.find("| Error Code").expect("table");
    let markdown = page_markdown();
    let md_start = markdown.find("* A `422`").expect("bullets");
    let md_end = markdown.find("| Error Code").expect("table");
    for (name, page) in [
        ("text", format!("{}{}", &text[..start], &text[end..])),
        (
            "md",
            format!("{}{}", &markdown[..md_start], &markdown[md_end..]),
        ),
    ] {
        let dir = workspace(&format!("no-bullets-{name}"), &page);
        let run = import(&dir, &["--check"]);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(
            run.stdout
                .contains("RecordNotSaved [4220] 422 Unprocessable Entity: notes"),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("-notes = ["), "{}", run.stdout);
    }
}

#[test]
fn a_reworded_description_is_a_patch_and_keeps_the_name() {
    let page = mutate(
        &page_text(),
        ROW_4001,
        "| 4001 | 400 | Bad Request | Required parameters are missing. |",
    );
    let dir = workspace("reworded", &page);
    let before = spec_in(&dir);
    let run = import(&dir, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("~ RequiredParamsMissing [4001] 400 Bad Request: description (page line 17)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("spec: \"Required params missing.\""));
    assert!(
        run.stdout
            .contains("page: \"Required parameters are missing.\"")
    );
    assert!(run.stdout.contains("-description = \"Required params missing.\"\n+description = \"Required parameters are missing.\""), "{}", run.stdout);
    assert!(run.stdout.contains("Semver impact: patch"));
    assert_eq!(spec_in(&dir), before, "a dry run writes nothing");

    assert_eq!(import(&dir, &["--check"]).code, 1);
    assert_eq!(import(&dir, &["--write"]).code, 0);
    let written = rows(&spec_in(&dir));
    assert_eq!(
        row(&written, "RequiredParamsMissing").description,
        "Required parameters are missing."
    );
    assert_eq!(
        import(&dir, &["--check"]).code,
        0,
        "after --write the spec matches"
    );
}

#[test]
fn new_rows_with_and_without_a_code_get_proposed_names_and_are_minor() {
    let page = mutate(
        &page_text(),
        ROW_TOKEN,
        &format!("{ROW_TOKEN}\n| 4090 | 409 | Conflict | The record already exists. |"),
    );
    let page = mutate(
        &page,
        ROW_DATE,
        &format!("{ROW_DATE}\n| null | 400 | Bad Request | The page size is too large. |"),
    );
    let dir = workspace("added", &page);
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("+ RecordAlreadyExists [4090] 409 Conflict: \"The record already exists.\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("+ PageSizeTooLarge 400 Bad Request: \"The page size is too large.\""),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("[review the name]"));
    assert!(run.stdout.contains("Semver impact: minor"));
    let written = spec_in(&dir);
    let rows = rows(&written);
    assert_eq!(rows.len(), 23);
    let conflict = row(&rows, "RecordAlreadyExists");
    assert_eq!(
        (
            conflict.code.clone(),
            conflict.status,
            conflict.status_text.as_str()
        ),
        (Some(Code::Integer(4090)), 409, "Conflict")
    );
    assert_eq!(row(&rows, "PageSizeTooLarge").code, None);
    // In the page's order, and formatted like the other rows.
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let at = |name: &str| names.iter().position(|n| *n == name).expect("row");
    assert_eq!(at("RecordAlreadyExists"), at("InvalidApiToken") + 1);
    assert_eq!(at("PageSizeTooLarge"), at("InvalidDateRange") + 1);
    assert!(written.contains("\n\n[[error]]\nname = \"RecordAlreadyExists\"\ncode = 4090\nstatus = 409\nstatus_text = \"Conflict\"\ndescription = \"The record already exists.\"\n\n[[error]]\n"), "{written}");
    assert!(
        written.contains("\n\n[[error]]\nname = \"PageSizeTooLarge\"\nstatus = 400\n"),
        "{written}"
    );
}

#[test]
fn a_removed_row_is_reported_and_kept_unless_pruned() {
    let page = mutate(&page_text(), &format!("{ROW_DATE}\n"), "");
    let dir = workspace("removed", &page);
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("- InvalidDateRange 400 Bad Request: \"The date range provided was invalid.\": kept; --prune removes it"), "{}", run.stdout);
    assert!(run.stdout.contains("No change to errors.toml."));
    assert!(names(&spec_in(&dir)).contains(&"InvalidDateRange".to_owned()));
    assert_eq!(
        import(&dir, &["--check"]).code,
        1,
        "the page still lacks the row"
    );

    let run = import(&dir, &["--write", "--prune"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("removed (--prune)"));
    assert!(run.stdout.contains("Semver impact: major"));
    let after = names(&spec_in(&dir));
    assert_eq!(after.len(), 20);
    assert!(!after.contains(&"InvalidDateRange".to_owned()));
    assert_eq!(import(&dir, &["--check"]).code, 0);
}

#[test]
fn reordered_rows_are_written_in_the_pages_order() {
    let page = mutate(&page_text(), &format!("{ROW_4001}\n"), "");
    let page = mutate(&page, ROW_TOKEN, &format!("{ROW_TOKEN}\n{ROW_4001}"));
    let dir = workspace("reordered", &page);
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("~ RequiredParamsMissing [4001] 400 Bad Request: position"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1 changed, 0 added"),
        "only the moved row: {}",
        run.stdout
    );
    let names = names(&spec_in(&dir));
    assert_eq!(
        &names[..3],
        [
            "ParamsNotPermitted",
            "GoalContributionNotPositive",
            "InvalidDateRange"
        ]
    );
    assert_eq!(&names[8..10], ["InvalidApiToken", "RequiredParamsMissing"]);
}

#[test]
fn a_code_added_to_a_null_row_changes_that_row() {
    let page = mutate(
        &page_text(),
        ROW_DATE,
        "| 4004 | 400 | Bad Request | The date range provided was invalid. |",
    );
    let dir = workspace("code-added", &page);
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("~ InvalidDateRange [4004] 400 Bad Request: code"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1 changed, 0 added, 0 not on the page"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Semver impact: major"));
    assert!(spec_in(&dir).contains("name = \"InvalidDateRange\"\ncode = 4004\nstatus = 400\n"));
}

#[test]
fn a_spec_with_comments_keeps_them_through_write() {
    let page = mutate(
        &page_text(),
        ROW_4001,
        "| 4001 | 400 | Bad Request | Required parameters are missing. |",
    );
    let dir = workspace("comments", &page);
    let commented = spec_in(&dir)
        .replace(
            "name = \"RequiredParamsMissing\"",
            "name = \"RequiredParamsMissing\"  # first row",
        )
        .replace(
            "description = \"Required params missing.\"",
            "description   =   \"Required params missing.\"   # as documented",
        )
        .replace(
            "[[error]]\nname = \"InvalidApiToken\"",
            "# Tokens.\n[[error]]\nname = \"InvalidApiToken\"",
        );
    std::fs::write(dir.join("errors.toml"), &commented).expect("spec");
    assert_eq!(import(&dir, &["--write"]).code, 0);
    let expected = commented.replace(
        "description   =   \"Required params missing.\"   # as documented",
        "description   =   \"Required parameters are missing.\"   # as documented",
    );
    assert_eq!(spec_in(&dir), expected);
}

#[test]
fn a_status_text_the_page_writes_differently_is_reported_and_not_written() {
    let page = mutate(
        &page_text(),
        "| 4221 | 422 | Unprocessable Entity |",
        "| 4221 | 422 | Unprocessable Content |",
    );
    let dir = workspace("status-text", &page);
    let run = import(&dir, &["--check"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("line 32: the page says \"Unprocessable Content\" for 422; written as \"Unprocessable Entity\""), "{}", run.stdout);
}

#[test]
fn a_second_table_shape_makes_a_new_spec() {
    let page = "\
# Acme Errors

| Status | Explanation |
|---|---|
| 2xx Success | |
| 200 OK | It worked. |
| 4xx Client errors | |
| 409 Conflict | 1. The payment already exists. |
| 2. Use a new idempotency key. | |
| 3. Or fetch the existing payment. | |
| 422 Unprocessable Content | The card was declined. |
| 500, 502, 504 Server errors | Something failed on our side. |
";
    let dir = temp_dir("second-shape");
    std::fs::write(dir.join("page.txt"), page).expect("page");
    let run = import(&dir, &["--write", "--source", "https://acme.test/errors"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("line 5: `2xx Success | `: a category row: it has no HTTP status"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("line 6: `200 OK | It worked.`: 200 is not an error status"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "line 12: the page says \"Server errors\" for 502; written as \"Bad Gateway\""
        ),
        "{}",
        run.stdout
    );
    let expected = r#"[api]
name = "Acme Errors"
source = "https://acme.test/errors"

[[error]]
name = "PaymentAlreadyExists"
status = 409
status_text = "Conflict"
description = "The payment already exists."
notes = [
    "Use a new idempotency key.",
    "Or fetch the existing payment.",
]

[[error]]
name = "UnprocessableEntity"
status = 422
status_text = "Unprocessable Entity"
description = "The card was declined."

[[error]]
name = "InternalServerError"
status = 500
status_text = "Internal Server Error"
description = "Something failed on our side."

[[error]]
name = "BadGateway"
status = 502
status_text = "Bad Gateway"
description = "Something failed on our side."

[[error]]
name = "GatewayTimeout"
status = 504
status_text = "Gateway Timeout"
description = "Something failed on our side."
"#;
    assert_eq!(spec_in(&dir), expected);
    assert_eq!(import(&dir, &["--check"]).code, 0);
}

#[test]
fn a_new_spec_is_named_after_the_page_or_api_name() {
    let dir = temp_dir("new-spec");
    std::fs::write(dir.join("page.txt"), page_text()).expect("page");
    assert_eq!(
        import(&dir, &["--check"]).code,
        1,
        "a missing spec is behind the page"
    );
    assert!(!dir.join("errors.toml").exists());
    assert_eq!(import(&dir, &["--write"]).code, 0);
    let written = spec_in(&dir);
    assert!(
        written.starts_with("[api]\nname = \"Nexus API\"\n\n[[error]]\n"),
        "{written}"
    );
    // Names are proposals, but every other column is the page's.
    let nexus = rows(&std::fs::read_to_string(nexus_spec()).expect("spec"));
    let new = rows(&written);
    let columns = |r: &Row| {
        (
            r.code.clone(),
            r.status,
            r.status_text.clone(),
            r.description.replace(' ', ""),
            r.notes.len(),
        )
    };
    assert_eq!(
        new.iter().map(columns).collect::<Vec<_>>(),
        nexus.iter().map(columns).collect::<Vec<_>>()
    );

    // The Markdown's heading names no API; its text does.
    let dir = temp_dir("new-spec-markdown");
    std::fs::write(dir.join("page.txt"), page_markdown()).expect("page");
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .starts_with("API name: \"Nexus API\", from the page's text, \"The Nexus API uses\""),
        "{}",
        run.stdout
    );
    assert!(spec_in(&dir).starts_with("[api]\nname = \"Nexus API\"\n"));

    let dir = temp_dir("new-spec-named");
    std::fs::write(dir.join("page.txt"), page_markdown()).expect("page");
    assert_eq!(import(&dir, &["--write", "--api-name", "MX Nexus"]).code, 0);
    assert!(spec_in(&dir).starts_with("[api]\nname = \"MX Nexus\"\n"));
}

#[test]
fn the_page_can_come_from_standard_input() {
    let dir = workspace("stdin", "");
    let run = run_in(
        &dir,
        &["import", "-", "--spec", "errors.toml", "--check"],
        page_markdown().as_bytes(),
    );
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn unreadable_pages_are_one_line_errors_and_leave_the_spec_alone() {
    let dir = workspace("bad-pages", "");
    let before = spec_in(&dir);
    let cases: &[(&[u8], &str)] = &[
        (b"", "error: standard input: the page is empty\n"),
        (
            b"\x00\x01\x02\xff",
            "error: standard input: the page is not text (it is not UTF-8, or holds NUL bytes)\n",
        ),
        (
            b"# Errors\n\nNo table here.\n",
            "error: standard input: the page has no error table",
        ),
    ];
    for (page, message) in cases {
        for mode in ["--write", "--check"] {
            let run = run_in(&dir, &["import", "-", "--spec", "errors.toml", mode], page);
            assert_eq!(run.code, 2, "{run:?}");
            assert!(run.stderr.starts_with(message), "{run:?}");
            assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
            assert_eq!(spec_in(&dir), before);
        }
    }
    let run = import(&dir, &["--spec", "missing-dir/x.toml"]);
    assert_eq!(run.code, 2, "{run:?}");
    let run = run_in(
        &dir,
        &["import", "no-such-page.md", "--spec", "errors.toml"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot read the page no-such-page.md: "),
        "{run:?}"
    );
}

#[test]
fn a_spec_with_only_its_header_imports_and_keeps_the_header_and_its_comments() {
    let header = "# Errors of the Nexus API.\n[api]\nname = \"Nexus\"   # as the team calls it\n";
    let dir = workspace("header-only", &page_markdown());
    std::fs::write(dir.join("errors.toml"), header).expect("spec");
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    let written = spec_in(&dir);
    assert!(written.starts_with(header), "{written}");
    let nexus = rows(&std::fs::read_to_string(nexus_spec()).expect("spec"));
    assert_eq!(rows(&written).len(), nexus.len());
    assert_eq!(import(&dir, &["--check"]).code, 0);
}

#[test]
fn a_header_only_spec_learns_that_its_codes_do_not_start_with_their_status() {
    let page = "# Acme Payments API\n\n| Code | HTTP Status | Message |\n|---|---|---|\n| 1001 | 402 | The card was declined. |\n";
    let dir = workspace("header-only-codes", page);
    let header = "[api]\nname = \"Acme\" # ours\n";
    std::fs::write(dir.join("errors.toml"), header).expect("spec");
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    let written = spec_in(&dir);
    assert!(
        written.starts_with("[api]\nname = \"Acme\" # ours\ncodes_start_with_status = false\n"),
        "{written}"
    );
}

#[test]
fn a_spec_with_errors_is_refused_with_its_diagnostics() {
    let dir = workspace("broken-spec", &page_text());
    let broken = spec_in(&dir).replace(
        "status_text = \"Forbidden\"",
        "status_text = \"Forbidden!\"",
    );
    std::fs::write(dir.join("errors.toml"), &broken).expect("spec");
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("Forbidden!"), "{run:?}");
    assert!(
        run.stderr.contains("errors.toml has errors of its own"),
        "{run:?}"
    );
    assert_eq!(spec_in(&dir), broken);
}

#[test]
fn a_page_that_breaks_a_rule_is_not_written_and_says_which_row() {
    // A second row with the code, status and description of the first: no response could
    // tell the two apart.
    let page = mutate(
        &page_text(),
        ROW_DATE,
        "| 4001 | 400 | Bad Request | Required params missing. |",
    );
    let dir = workspace("breaks-rule", &page);
    let before = spec_in(&dir);
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 1, "{run:?}");
    // The diagnostic names the row of the page (line 20) and the rule, with the compiler's text.
    assert!(
        run.stderr.contains("The page's row at line 20 (written as ")
            && run.stderr.contains(") breaks a rule:\nerror: errors.toml:")
            && run.stderr.contains(": this row has the same status (400), code (4001) and description as the row at line 16\n"),
        "{run:?}"
    );
    assert!(run.stderr.contains("was not written"), "{run:?}");
    assert_eq!(spec_in(&dir), before);
}

#[test]
fn check_and_write_cannot_be_combined() {
    let dir = workspace("usage", &page_text());
    let run = import(&dir, &["--check", "--write"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn a_new_spec_for_codes_that_do_not_start_with_their_status_says_so() {
    let page = "# Acme Payments API\n\n| Code | HTTP Status | Message |\n|---|---|---|\n| 1001 | 402 | The card was declined. |\n| 1002 | 402 | Insufficient funds. |\n";
    let dir = temp_dir("codes-not-prefixed");
    std::fs::write(dir.join("page.txt"), page).expect("page");
    let run = import(&dir, &["--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    let written = spec_in(&dir);
    assert!(
        written
            .starts_with("[api]\nname = \"Acme Payments API\"\ncodes_start_with_status = false\n"),
        "{written}"
    );
    let names: Vec<String> = rows(&written).into_iter().map(|r| r.name).collect();
    assert_eq!(names, ["CardDeclined", "InsufficientFunds"]);
}

#[test]
fn api_options_do_not_touch_an_existing_specs_header() {
    let dir = workspace("api-options", &page_text());
    let before = spec_in(&dir);
    let run = import(
        &dir,
        &[
            "--write",
            "--api-name",
            "Other",
            "--source",
            "https://x.test",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .starts_with("note: --api-name and --source name a new spec's [api]"),
        "{run:?}"
    );
    assert_eq!(spec_in(&dir), before);
}
