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
    let response = nexus_errors::ResponseError::<Derived>::from_response(503u16, b"<html>busy</html>");
    println!("response {:?} retry={}", response.row(), response.is_retryable());
}
"#;

#[test]
fn a_crate_outside_the_workspace_builds_with_both_forms() {
    let dir = scratch::package("outside");
    fs::write(dir.join("errors.toml"), TABLE).expect("table");
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
