//! `nexus-errors check` says what the compiler says: for every spec a compile-fail case of
//! `tests/ui` uses, the messages about the spec in the case's `.stderr` are the messages
//! `check` prints for it, word for word.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The messages of rustc's output, without its framing: the `error: ` label, the indent of
/// continuation lines, and the ` --> ` trailer that points into the Rust file.
fn compile_messages(stderr: &str) -> Vec<String> {
    let mut messages = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in stderr.lines() {
        if let Some(first) = line.strip_prefix("error: ") {
            messages.extend(current.take().map(|lines| lines.join("\n")));
            current = Some(vec![first]);
        } else if line.starts_with(" --> ") {
            messages.extend(current.take().map(|lines| lines.join("\n")));
        } else if let Some(lines) = &mut current {
            lines.push(line.strip_prefix("       ").unwrap_or(line));
        }
    }
    messages.extend(current.map(|lines| lines.join("\n")));
    messages
}

/// The messages `check` printed: each starts with `error: `, and ends at a blank line.
fn check_messages(stderr: &str) -> Vec<String> {
    stderr
        .split("\n\n")
        .flat_map(|block| block.split("\nerror: "))
        .map(|message| message.trim_start_matches("error: ").trim_end().to_owned())
        .filter(|message| !message.is_empty())
        .collect()
}

/// Only the messages about `spec` itself (not those about the Rust item), in rustc's
/// whitespace: lines trimmed at the end, and each tab shown as four spaces.
fn about(spec: &str, messages: Vec<String>) -> Vec<String> {
    messages
        .into_iter()
        .filter(|m| m.starts_with(&format!("{spec}:")) || m.starts_with(&format!("`{spec}` has")))
        .map(|m| {
            m.lines()
                .map(|line| line.trim_end().replace('\t', "    "))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// The spec a compile-fail case names, if it is one under `tests/ui/specs/`.
fn spec_of(case: &str, ui: &Path) -> Option<String> {
    let start = case.find("path = \"specs/")? + "path = \"".len();
    let end = start + case[start..].find('"')?;
    let spec = &case[start..end];
    ui.join(spec).is_file().then(|| spec.to_owned())
}

/// The compile-fail cases: the `.rs` files that have a `.stderr`, in every folder of `ui`
/// (one per stage).
fn compile_fail_cases(ui: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(ui)
        .expect("tests/ui")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_dir())
        .flat_map(|dir| std::fs::read_dir(dir).expect("a folder of tests/ui"))
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .filter(|path| path.with_extension("stderr").is_file())
        .collect()
}

#[test]
fn check_prints_the_compile_errors_messages_for_every_ui_spec() {
    let ui = crate_dir().join("../tests/ui");
    let mut compared = 0;
    let mut with_errors = 0;
    let mut cases = compile_fail_cases(&ui);
    cases.sort();
    for case in cases {
        let source = std::fs::read_to_string(&case).expect("case");
        let Some(spec) = spec_of(&source, &ui) else {
            continue;
        };
        let stderr = std::fs::read_to_string(case.with_extension("stderr")).expect("stderr");
        let expected = about(&spec, compile_messages(&stderr));
        let run = run_in(&ui, &["check", &spec], b"");
        let printed = about(&spec, check_messages(&run.stderr));
        assert_eq!(printed, expected, "{}: {run:?}", case.display());
        assert_eq!(
            run.code,
            if expected.is_empty() { 0 } else { 1 },
            "{}",
            case.display()
        );
        compared += 1;
        with_errors += usize::from(!expected.is_empty());
    }
    // Most compile-fail cases are about a spec; a vacuous run would prove nothing.
    assert!(
        compared >= 60 && with_errors >= 45,
        "{compared} cases, {with_errors} with spec errors"
    );
}

#[test]
fn the_message_parsers_undo_the_framing() {
    let stderr = "error: specs/a.toml:2:1: bad\n         |\n       2 | x = 1\n         | ^\n --> ui/fail/a.rs:1:36\n  |\n1 | #[x]\n  |   ^\n\nerror: other\n --> ui/fail/a.rs:1:1\n";
    assert_eq!(
        compile_messages(stderr),
        vec!["specs/a.toml:2:1: bad\n  |\n2 | x = 1\n  | ^", "other"]
    );
    let printed =
        "error: specs/a.toml:2:1: bad\n  |\n2 | x = 1\n  | ^\n\nerror: specs/a.toml has 1 error\n";
    assert_eq!(
        about("specs/a.toml", check_messages(printed)),
        vec!["specs/a.toml:2:1: bad\n  |\n2 | x = 1\n  | ^"]
    );
}
