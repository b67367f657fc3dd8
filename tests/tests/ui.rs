//! Compile-fail and pass cases for `#[error_table]` and `#[derive(ErrorTable)]`: every
//! mistake is a precise error.
//!
//! The compile-fail cases sit in one folder per stage of the macros, so a message's rule is
//! found from the folder: `args` (the macro's options), `item` (the annotated item), `read`
//! (reading the spec file), `parse` (TOML syntax, unknown keys, missing keys, wrong types),
//! `validate` (the rules on values: names, codes, statuses, duplicates, no rows, no
//! `[api]`), `derive` (the derive's attributes, the enum's shape, binding variants to rows)
//! and `render` (how a message shows its line, however long or large the spec). `pass` holds
//! the cases that compile and run. A case's own spec is `ui/specs/<case>.toml` (or, too large
//! to commit, written by `write_large_specs`); `minimal.toml` and `derive_rows.toml` are
//! shared on purpose by many cases, as their first lines say.
//!
//! trybuild compiles each case as a bin of a generated project whose `CARGO_MANIFEST_DIR` is
//! `<target>/tests/trybuild/nexus-errors-tests/`, so a case's `path = "specs/x.toml"` is read
//! from there. The harness first copies the fixtures of `ui/specs/` into that directory's
//! `specs/`. `<target>` is the parent of `CARGO_TARGET_TMPDIR` (`<target>/tmp`).
//! Messages that print the resolved spec path read `$WORKSPACE/target/tests/trybuild/…` after
//! trybuild's normalization, so this suite expects the default target directory.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p nexus-errors-tests
//! --test ui`, then read every changed `.stderr`.

use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn ui() {
    copy_specs();
    write_large_specs();
    let cases = trybuild::TestCases::new();
    for stage in STAGES {
        cases.compile_fail(format!("ui/{stage}/*.rs"));
    }
    cases.pass("ui/pass/*.rs");
}

/// The compile-fail folders, one per stage.
const STAGES: [&str; 7] = [
    "args", "item", "read", "parse", "validate", "derive", "render",
];

/// `<target>/tests/trybuild/<this package>/specs/`, where the cases' `specs/…` paths lead.
fn project_specs() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp");
    let specs = target
        .join("tests/trybuild")
        .join(env!("CARGO_PKG_NAME"))
        .join("specs");
    fs::create_dir_all(&specs).expect("create the trybuild project's specs directory");
    specs
}

/// Copies `ui/specs/*` to the trybuild project's `specs/`.
fn copy_specs() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/specs");
    let project = project_specs();
    for entry in fs::read_dir(&source).expect("read ui/specs") {
        let entry = entry.expect("list ui/specs");
        if entry.file_type().expect("file type").is_file() {
            fs::copy(entry.path(), project.join(entry.file_name())).expect("copy a spec fixture");
        }
    }
}

mod large_spec;

const HEADER: &str = "[api]\nname = \"Test API\"\n";

/// Specs too large to commit, written where the cases read them. The `render` cases that
/// read them check that their diagnostics stay short however large the spec is.
fn write_large_specs() {
    let specs = project_specs();
    // One line of 200,000 characters: brackets nested past any sensible depth.
    let huge_line = format!("{HEADER}source = {}\n", "[".repeat(200_000));
    fs::write(specs.join("huge_line.toml"), huge_line).expect("write huge_line.toml");

    // 10,000 rows, each with one mistake: a wrong reason phrase.
    let mut bad_rows = String::from(HEADER);
    for i in 0..10_000 {
        bad_rows.push_str(&format!(
            "\n[[error]]\nname = \"Row{i}\"\nstatus = 404\nstatus_text = \"Not Fund\"\ndescription = \"Row {i}.\"\n"
        ));
    }
    fs::write(specs.join("ten_thousand_bad_rows.toml"), bad_rows).expect("write the bad rows");

    // 10 MB: 1,000 rows with 10 kB descriptions, then a row with a mistake on its last line.
    // The build-time harness measures the same spec: one definition serves both.
    let large = large_spec::large_spec().text;
    fs::write(specs.join("ten_megabytes.toml"), large).expect("write ten_megabytes.toml");
}
