//! Compile-fail and pass cases for `#[error_table]`: every spec mistake is a precise error.
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
use std::path::Path;

#[test]
fn ui() {
    copy_specs();
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/fail/*.rs");
    cases.pass("ui/pass/*.rs");
}

/// Copies `ui/specs/*` to `<target>/tests/trybuild/<this package>/specs/`.
fn copy_specs() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/specs");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp");
    let project = target
        .join("tests/trybuild")
        .join(env!("CARGO_PKG_NAME"))
        .join("specs");
    fs::create_dir_all(&project).expect("create the trybuild project's specs directory");
    for entry in fs::read_dir(&source).expect("read ui/specs") {
        let entry = entry.expect("list ui/specs");
        if entry.file_type().expect("file type").is_file() {
            fs::copy(entry.path(), project.join(entry.file_name())).expect("copy a spec fixture");
        }
    }
}
