//! A crate outside this workspace, depending on nexus-errors by path, builds with both forms
//! on a table of its own, and behaves as that table says.

#[path = "common/scratch.rs"]
mod scratch;

use std::fs;

const TABLE: &str = r#"
[api]
name = "Outside API"

[[error]]
name = "Gone"
code = 4101
status = 410
status_text = "Gone"
description = "It’s gone."

[[error]]
name = "Busy"
status = 503
status_text = "Service Unavailable"
description = "Busy — later."
"#;

const MAIN: &str = r#"
#[nexus_errors::error_table(path = "errors.toml")]
pub enum Generated {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, nexus_errors::ErrorTable)]
#[nexus(path = "errors.toml")]
pub enum Derived {
    #[nexus(row = "Gone")]
    Removed,
    Busy,
}

fn main() {
    for error in Generated::ALL {
        println!("generated {error:?}: {error}");
    }
    for error in Derived::ALL {
        println!("derived {error:?}: {error}");
    }
    let response = Derived::from_response(503u16, b"<html>busy</html>");
    println!("response {:?} retry={}", response.row(), response.is_retryable());
}
"#;

#[test]
fn a_crate_outside_the_workspace_builds_with_both_forms() {
    let dir = scratch::fresh_dir("outside-workspace");
    let runtime = scratch::workspace().join("nexus-errors");
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"outside\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nnexus-errors = {{ path = {:?} }}\n\n\
             # Its own workspace, not the one it happens to sit in.\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .expect("manifest");
    fs::copy(
        scratch::workspace().join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .expect("lock file");
    fs::write(dir.join("errors.toml"), TABLE).expect("table");
    fs::create_dir_all(dir.join("src")).expect("src");
    fs::write(dir.join("src/main.rs"), MAIN).expect("main");

    let output = scratch::cargo(&dir, &["run", "--quiet"]);
    let lines: Vec<&str> = output.lines().collect();
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
