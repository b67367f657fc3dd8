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
    ("azure-storage-errors.md", "azure-storage.toml"),
    ("corebill-errors.md", "corebill.toml"),
    ("huawei-apm-errors.md", "huawei-apm.toml"),
    ("littlebitlabs-errors.md", "littlebitlabs.toml"),
    ("manageengine-errors.md", "manageengine.toml"),
    ("quarzo-life-errors.md", "quarzo-life.toml"),
    ("wrike-errors.md", "wrike.toml"),
    ("yetiids-errors.md", "yetiids.toml"),
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

const WRITE_ROW: &str =
    "| InsufficientAccountPermissions | Forbidden (403) | Write operations are not allowed. |\n";
const READ_CONDITION: &str = "| ConditionNotMet | Not Modified (304) | The condition specified in the conditional header(s) was not met for a read operation. |\n";

/// A directory holding `page` as `page.md` and the committed Azure Storage spec as
/// `errors.toml`.
fn azure(test: &str, page: &str) -> std::path::PathBuf {
    let dir = temp_dir(test);
    std::fs::write(dir.join("page.md"), page).expect("page");
    std::fs::write(dir.join("errors.toml"), fixture("specs/azure-storage.toml")).expect("spec");
    dir
}

fn azure_import(dir: &std::path::Path, extra: &[&str]) -> Run {
    let mut args = vec!["import", "page.md", "--spec", "errors.toml"];
    args.extend_from_slice(extra);
    run_in(dir, &args, b"")
}

#[test]
fn a_reworded_row_of_a_repeated_code_keeps_its_name_and_is_a_patch() {
    let page = mutate(
        &fixture("azure-storage-errors.md"),
        "Write operations are not allowed.",
        "Write operations are not permitted.",
    );
    let dir = azure("azure-reworded", &page);
    let run = azure_import(&dir, &["--check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("~ InsufficientAccountPermissionsWriteOperationsNotPermitted [InsufficientAccountPermissions] 403 Forbidden: description (page line 13)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("15 unchanged, 1 changed, 0 added"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Semver impact: patch"),
        "{}",
        run.stdout
    );
}

#[test]
fn rows_of_a_repeated_code_that_swap_places_are_moved_not_renamed() {
    // The 304 row goes after the 412 row: one of the two moved, and each keeps its name.
    let original = fixture("azure-storage-errors.md");
    let without = mutate(&original, READ_CONDITION, "");
    let page = mutate(
        &without,
        "| EmptyMetadataKey |",
        &format!("{READ_CONDITION}| EmptyMetadataKey |"),
    );
    let dir = azure("azure-moved", &page);
    let run = azure_import(&dir, &["--check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("~ ConditionNotMetPreconditionFailed [ConditionNotMet] 412 Precondition Failed: position"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("0 added, 0 not on the page"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Semver impact: patch"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_row_of_a_repeated_code_gone_from_the_page_is_kept_or_pruned() {
    let page = mutate(&fixture("azure-storage-errors.md"), WRITE_ROW, "");
    let dir = azure("azure-gone", &page);
    let run = azure_import(&dir, &["--check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("1 not on the page"), "{}", run.stdout);
    assert!(
        run.stdout.contains("InsufficientAccountPermissionsWriteOperationsNotPermitted [InsufficientAccountPermissions] 403 Forbidden"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Semver impact: none"), "{}", run.stdout);

    let run = azure_import(&dir, &["--prune", "--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("Semver impact: major"),
        "{}",
        run.stdout
    );
    let spec = std::fs::read_to_string(dir.join("errors.toml")).expect("spec");
    assert!(!spec.contains("InsufficientAccountPermissionsWriteOperationsNotPermitted"));
    assert!(
        spec.contains("name = \"InsufficientAccountPermissionsReadOperationsCurrentlyDisabled\"")
    );
    assert_eq!(azure_import(&dir, &["--check"]).code, 0);
}

#[test]
fn a_repeated_code_moved_to_another_status_is_major() {
    let page = mutate(
        &fixture("azure-storage-errors.md"),
        "| ConditionNotMet | Precondition Failed (412) |",
        "| ConditionNotMet | Conflict (409) |",
    );
    let dir = azure("azure-status", &page);
    let run = azure_import(&dir, &["--check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("~ ConditionNotMetPreconditionFailed [ConditionNotMet] 409 Conflict: status, status_text"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Semver impact: major"),
        "{}",
        run.stdout
    );
}

/// The README's "Use it on your own table" walks from a page to typed errors: importing its
/// page (`tests/readme/acme-errors.md`) writes its spec (`tests/readme/acme-errors.toml`)
/// exactly, so `import --check` finds nothing to change.
#[test]
fn the_readmes_page_imports_as_the_readmes_spec() {
    let readme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/readme");
    let run = run_in(
        &readme,
        &[
            "import",
            "acme-errors.md",
            "--spec",
            "acme-errors.toml",
            "--check",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("4 unchanged, 0 changed, 0 added"),
        "{}",
        run.stdout
    );
}
