//! A crate outside this workspace, depending on nexus-errors by path, builds with both forms
//! on a table of its own, and behaves as that table says. The crate is `tests/msrv`, which
//! `.ci/run` also builds with the oldest supported Rust; here it runs on the current one.

#[path = "common/scratch.rs"]
mod scratch;

use std::fs;

#[test]
fn a_crate_outside_the_workspace_builds_with_both_forms() {
    let probe = scratch::workspace().join("tests/msrv");
    let dir = scratch::package("outside");
    fs::copy(probe.join("errors.toml"), dir.join("errors.toml")).expect("table");
    fs::copy(probe.join("src/main.rs"), dir.join("src/main.rs")).expect("main");

    let output = scratch::cargo(&dir, &["run", "--quiet"]);
    let lines: Vec<&str> = output.lines().collect();
    // The rows of `tests/msrv/errors.toml`, as `Display` writes them.
    assert_eq!(
        lines,
        [
            "generated Gone: 410 Gone [4101]: It’s gone.",
            "generated Busy: 503 Service Unavailable: Busy — later.",
            "derived Removed: 410 Gone [4101]: It’s gone.",
            "derived Busy: 503 Service Unavailable: Busy — later.",
            "response Some(Busy) retry=true",
        ]
    );
}
