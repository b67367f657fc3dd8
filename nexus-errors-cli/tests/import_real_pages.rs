//! `nexus-errors import` on the real errors pages of `tests/pages/SOURCES.md`: what the report
//! says about them.

mod common;

use common::*;

/// A dry run importing `fixture` into a spec that does not exist yet.
fn dry_run(test: &str, fixture: &str) -> Run {
    let dir = temp_dir(test);
    std::fs::write(dir.join("page.md"), common::fixture(fixture)).expect("page");
    run_in(
        &dir,
        &["import", "page.md", "--spec", "new.toml", "--api-name", "X"],
        b"",
    )
}

#[test]
fn the_report_names_the_tables_before_the_error_table() {
    let run = dry_run("skipped-tables", "quarzo-life-errors.md");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains(
            "Tables before the error table, not read:\n  line 7: `Field | Type | Description`: no column holds HTTP statuses\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn the_report_proposes_the_error_body() {
    let run = dry_run("body-pointers", "wrike-errors.md");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains(
            "Error body (the example at page line 6):\n  the code is at /error and the message at /errorDescription: [api] body = { code = [\"/error\"], message = [\"/errorDescription\"] }\n"
        ),
        "{}",
        run.stdout
    );
    let run = dry_run("body-preset", "huawei-apm-errors.md");
    assert!(
        run.stdout.contains(
            "the code is at /errorCode and the message at /errorMessage: [api] body = \"flat\""
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn the_report_names_rows_after_their_string_codes_and_tells_repeated_codes_apart() {
    let run = dry_run("code-names", "azure-storage-errors.md");
    assert_eq!(run.code, 0, "{run:?}");
    for name in [
        "+ AccountAlreadyExists ",
        "+ InsufficientAccountPermissionsReadOperationsCurrentlyDisabled ",
        "+ InsufficientAccountPermissionsWriteOperationsNotPermitted ",
    ] {
        assert!(run.stdout.contains(name), "{name}: {}", run.stdout);
    }
    assert!(
        run.stdout
            .contains("line 8: the page says \"BadRequest\" for 400; written as \"Bad Request\""),
        "{}",
        run.stdout
    );
}
