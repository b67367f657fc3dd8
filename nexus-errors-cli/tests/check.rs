//! `nexus-errors check` end to end: exit codes, messages, colour.

mod common;

use common::*;
use nexus_errors_spec::diagnostic::MAX_SHOWN;

fn with_spec(test: &str, text: &str) -> std::path::PathBuf {
    let dir = temp_dir(test);
    std::fs::write(dir.join("errors.toml"), text).expect("spec");
    dir
}

fn broken_spec() -> String {
    std::fs::read_to_string(nexus_spec())
        .expect("spec")
        .replace(
            "status_text = \"Forbidden\"",
            "status_text = \"Forbidden!\"",
        )
}

#[test]
fn a_valid_spec_exits_0() {
    let dir = with_spec(
        "check-valid",
        &std::fs::read_to_string(nexus_spec()).expect("spec"),
    );
    let run = run_in(&dir, &["check", "errors.toml"], b"");
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "errors.toml: valid (21 rows)\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn the_default_spec_is_spec_errors_toml() {
    let root = crate_dir().join("..");
    let run = run_in(&root, &["check"], b"");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("spec/errors.toml: valid"), "{run:?}");
}

#[test]
fn a_spec_with_errors_exits_1_with_its_diagnostics() {
    let dir = with_spec("check-broken", &broken_spec());
    let run = run_in(&dir, &["check", "errors.toml"], b"");
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("error: errors.toml:"), "{run:?}");
    assert!(run.stderr.contains("\"Forbidden!\""), "{run:?}");
    assert!(
        run.stderr.ends_with("error: errors.toml has 1 error\n"),
        "{run:?}"
    );
}

#[test]
fn the_total_counts_every_problem_not_only_those_shown() {
    // Each row breaks exactly one rule (its status text), and no two rows break one together.
    const PROBLEMS: usize = 60;
    let mut spec = String::from("[api]\nname = \"Many Problems API\"\n");
    for row in 1..=PROBLEMS {
        spec.push_str(&format!(
            "\n[[error]]\nname = \"Row{row}\"\nstatus = 400\nstatus_text = \"Bad Requests\"\ndescription = \"Row {row}.\"\n"
        ));
    }
    let dir = with_spec("check-sixty", &spec);
    let run = run_in(&dir, &["check", "errors.toml"], b"");
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .ends_with(&format!("error: errors.toml has {PROBLEMS} errors\n")),
        "{}",
        run.stderr
    );
    // The screen still shows the first ones and counts the rest.
    let located = run.stderr.matches("error: errors.toml:").count();
    assert_eq!(located, MAX_SHOWN);
    let rest = PROBLEMS - MAX_SHOWN;
    assert!(
        run.stderr
            .contains(&format!("`errors.toml` has {rest} more problems not shown")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_spec_that_is_not_utf8_is_a_finding_located_at_its_first_bad_byte() {
    let dir = temp_dir("check-not-utf8");
    // `[api]\n` is 6 bytes and `name = "a` 9 more: the bad byte is at offset 15, line 2,
    // column 10.
    std::fs::write(dir.join("errors.toml"), b"[api]\nname = \"a\xffb\"\n").expect("spec");
    let run = run_in(&dir, &["check", "errors.toml"], b"");
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "error: errors.toml:2:10: the spec is not valid UTF-8 (byte 0xff at offset 15)"
        ),
        "{run:?}"
    );
    assert!(
        run.stderr.ends_with("error: errors.toml has 1 error\n"),
        "{run:?}"
    );
}

#[test]
fn unreadable_specs_exit_2_with_one_line() {
    let dir = temp_dir("check-unreadable");
    for path in ["missing.toml", "."] {
        let run = run_in(&dir, &["check", path], b"");
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr
                .starts_with(&format!("error: cannot read the spec `{path}`: ")),
            "{run:?}"
        );
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    }
}

#[test]
fn usage_errors_exit_2_and_help_documents_the_exit_codes() {
    let dir = temp_dir("check-usage");
    assert_eq!(run_in(&dir, &["chekc"], b"").code, 2);
    assert_eq!(run_in(&dir, &["check", "a", "b"], b"").code, 2);
    for args in [&["--help"][..], &["check", "--help"], &["import", "--help"]] {
        let run = run_in(&dir, args, b"");
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stdout.contains("Exit codes:\n  0  success"),
            "{args:?}: {}",
            run.stdout
        );
        assert!(run.stdout.contains("  2  trouble"), "{args:?}");
    }
}

#[test]
fn colour_follows_clicolor_force_and_no_color() {
    let dir = with_spec("check-colour", &broken_spec());
    let forced = run_with_env(
        &dir,
        &["check", "errors.toml"],
        b"",
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(forced.stderr.contains("\u{1b}["), "{forced:?}");
    let plain = run_with_env(
        &dir,
        &["check", "errors.toml"],
        b"",
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!plain.stderr.contains('\u{1b}'), "{plain:?}");
    // Without a terminal, and nothing forced, there is no colour either.
    let piped = run_with_env(&dir, &["check", "errors.toml"], b"", &[]);
    assert!(!piped.stderr.contains('\u{1b}'), "{piped:?}");
    assert_eq!(plain.stderr, piped.stderr);
}
