//! Editing the spec alone makes `cargo build` regenerate the enum: the generated code ties
//! the crate to the spec file with `include_bytes!`, so cargo sees the dependency.
//!
//! The test copies the three crates into a scratch workspace, builds a program that prints
//! the table, appends a row to the copied spec, and builds and runs it again.

#[path = "common/scratch.rs"]
mod scratch;

use std::fs;

const NEW_ROW: &str = r#"
[[error]]
name = "AddedByRebuildTest"
status = 409
status_text = "Conflict"
description = "A row that was not there before."
"#;

#[test]
fn editing_the_spec_regenerates_the_enum() {
    let root = scratch::workspace();
    let dir = scratch::fresh_dir("rebuild");
    for krate in ["nexus-errors", "nexus-errors-macros", "nexus-errors-spec"] {
        fs::create_dir_all(dir.join(krate)).expect("crate dir");
        for part in ["Cargo.toml", "src", "spec"] {
            let from = root.join(krate).join(part);
            if from.is_dir() {
                scratch::copy_tree(&from, &dir.join(krate).join(part));
            } else if from.exists() {
                fs::copy(&from, dir.join(krate).join(part)).expect("copy manifest");
            }
        }
    }
    // Benches, examples and tests stay behind, and so do the dependencies only they need.
    let manifest = fs::read_to_string(dir.join("nexus-errors/Cargo.toml")).expect("manifest");
    fs::write(
        dir.join("nexus-errors/Cargo.toml"),
        without_dev_sections(&manifest),
    )
    .expect("manifest");
    let workspace = fs::read_to_string(root.join("Cargo.toml")).expect("workspace manifest");
    let start = workspace.find("members = [").expect("members");
    let end = start + workspace[start..].find(']').expect("end of members") + 1;
    let workspace = format!(
        "{}members = [\"nexus-errors\", \"nexus-errors-macros\", \"nexus-errors-spec\", \"probe\"]{}",
        &workspace[..start],
        &workspace[end..]
    );
    fs::write(dir.join("Cargo.toml"), workspace).expect("workspace manifest");
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock file");
    fs::create_dir_all(dir.join("probe/src")).expect("probe dir");
    fs::write(
        dir.join("probe/Cargo.toml"),
        "[package]\nname = \"probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nnexus-errors = { path = \"../nexus-errors\" }\n",
    )
    .expect("probe manifest");
    fs::write(
        dir.join("probe/src/main.rs"),
        "fn main() {\n    for error in nexus_errors::NexusError::ALL {\n        println!(\"{error:?}: {error}\");\n    }\n}\n",
    )
    .expect("probe main");

    let before = scratch::cargo(&dir, &["run", "--quiet", "-p", "probe"]);
    assert!(!before.contains("AddedByRebuildTest"), "{before}");
    let rows_before = before.lines().count();

    let spec = dir.join("nexus-errors/spec/errors.toml");
    let mut text = fs::read_to_string(&spec).expect("copied spec");
    text.push_str(NEW_ROW);
    fs::write(&spec, text).expect("edit spec");

    let after = scratch::cargo(&dir, &["run", "--quiet", "-p", "probe"]);
    assert_eq!(after.lines().count(), rows_before + 1, "{after}");
    assert_eq!(
        after.lines().last(),
        Some("AddedByRebuildTest: 409 Conflict: A row that was not there before.")
    );
}

/// The manifest without `[dev-dependencies]`, `[[bench]]`, `[[example]]` and `[[test]]`.
fn without_dev_sections(manifest: &str) -> String {
    let mut keep = true;
    let mut out = String::new();
    for line in manifest.lines() {
        if line.starts_with('[') {
            keep = !matches!(
                line.trim(),
                "[dev-dependencies]" | "[[bench]]" | "[[example]]" | "[[test]]"
            );
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
