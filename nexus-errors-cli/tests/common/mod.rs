//! Running the built `nexus-errors` on fixtures and on mutated copies of them.

#![allow(dead_code)] // Each test file uses its own part of these helpers.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The directory of this crate.
pub fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace's Nexus spec.
pub fn nexus_spec() -> PathBuf {
    crate_dir().join("../spec/errors.toml")
}

/// A committed page fixture.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(crate_dir().join("tests/pages").join(name)).expect("fixture")
}

/// The page-text copy of the Nexus errors page.
pub fn page_text() -> String {
    fixture("nexus-errors-page.txt")
}

/// The Markdown the docs site serves for the same page.
pub fn page_markdown() -> String {
    fixture("nexus-errors-page.md")
}

/// `text` with `from` replaced by `to`; `from` must be there, so no mutation is silently lost.
pub fn mutate(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the page has no {from:?}");
    text.replacen(from, to, 1)
}

/// A fresh directory for one test.
pub fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nexus-errors-cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// What a run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `nexus-errors` with `args` in `dir`, feeding it `stdin`, without colour.
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    run_with_env(dir, args, stdin, &[("NO_COLOR", "1")])
}

/// Runs `nexus-errors` with `args` in `dir`, feeding it `stdin`, with only these of the
/// colour variables set.
pub fn run_with_env(dir: &Path, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nexus-errors"));
    for variable in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
        command.env_remove(variable);
    }
    let mut child = command
        .envs(env.iter().copied())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A command that does not read standard input may close it first; that is fine.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let output = child.wait_with_output().expect("the binary ends");
    Run {
        code: output.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// A directory holding `page.txt` (the page) and `errors.toml` (a copy of the Nexus spec).
pub fn workspace(test: &str, page: &str) -> PathBuf {
    let dir = temp_dir(test);
    std::fs::write(dir.join("page.txt"), page).expect("page");
    std::fs::copy(nexus_spec(), dir.join("errors.toml")).expect("spec");
    dir
}

/// `import page.txt --spec errors.toml` and `extra` in `dir`.
pub fn import(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["import", "page.txt", "--spec", "errors.toml"];
    args.extend_from_slice(extra);
    run_in(dir, &args, b"")
}

/// The spec in `dir`.
pub fn spec_in(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("errors.toml")).expect("spec")
}
