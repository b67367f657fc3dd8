//! Scratch cargo projects built from a test, with their own target directory (the outer
//! `cargo test` holds the lock on the workspace's).
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// A fresh, empty directory for one test's project.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Runs `cargo ARGS` in `dir` and returns stdout; panics with cargo's output on failure.
pub fn cargo(dir: &Path, args: &[&str]) -> String {
    let output = cargo_output(dir, args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "cargo {args:?} in {} failed:\n{stdout}\n{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Runs `cargo ARGS` in `dir`, whatever the outcome.
pub fn cargo_output(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        // Shared by every scratch project, so dependencies build once per `cargo test`.
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("scratch-target"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

/// A new package `name` in a fresh scratch directory, depending on this workspace's
/// nexus-errors by path, in a workspace of its own, with this workspace's lock file.
pub fn package(name: &str) -> PathBuf {
    let dir = fresh_dir(name);
    let runtime = workspace().join("nexus-errors");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nnexus-errors = {{ path = {:?} }}\n\n\
             # Its own workspace, not the one it happens to sit in.\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .expect("manifest");
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock file");
    std::fs::create_dir_all(dir.join("src")).expect("src");
    dir
}

/// Copies a directory tree, following symlinks (the crate's spec is one).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if std::fs::metadata(entry.path()).expect("metadata").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
