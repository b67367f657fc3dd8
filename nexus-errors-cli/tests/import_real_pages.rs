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

/// The spec committed for each page in `tests/pages/specs/`, as `import --write` made it.
const SPECS: &[(&str, &str)] = &[
    ("corebill-errors.md", "corebill.toml"),
    ("littlebitlabs-errors.md", "littlebitlabs.toml"),
    ("manageengine-errors.md", "manageengine.toml"),
];

#[test]
fn each_committed_spec_passes_check_and_matches_its_page() {
    for (page, spec) in SPECS {
        let dir = temp_dir(&format!("spec-{spec}"));
        std::fs::write(dir.join("page.md"), fixture(page)).expect("page");
        std::fs::write(dir.join("errors.toml"), fixture(&format!("specs/{spec}"))).expect("spec");
        let checked = run_in(&dir, &["check", "errors.toml"], b"");
        assert_eq!(checked.code, 0, "{spec}: {checked:?}");
        let run = run_in(
            &dir,
            &["import", "page.md", "--spec", "errors.toml", "--check"],
            b"",
        );
        assert_eq!(run.code, 0, "{spec}: {run:?}");
        assert!(
            run.stdout.contains("errors.toml matches the page."),
            "{spec}: {}",
            run.stdout
        );
    }
}
