//! The public API of `nexus-errors` (all features) is the reviewed snapshot in
//! `nexus-errors/public-api.txt`: any change to it, an added item included, fails this test
//! until the snapshot is blessed, so API changes show up in review as a diff of that file.
//!
//! It runs `cargo +nightly public-api`, which needs a nightly toolchain (rustdoc JSON is
//! nightly-only) and cargo-public-api (0.52.0, as `.ci/run` installs it wherever nightly is
//! present); without either it passes with a "skipped: …" line on stderr. TESTING.md has the
//! commands.

#[path = "common/scratch.rs"]
mod scratch;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

const BLESS: &str = "UPDATE_PUBLIC_API=1 cargo test -p nexus-errors-tests --test public_api";

/// `-s` drops only blanket impls (`impl<T> From<T> for T`, …), which say nothing about this
/// crate. Derives and auto traits stay: dropping `Copy` or losing `Send` is a breaking change,
/// and `-sss` would also hide the generated `Display`, `Error` and `FromStr` impls of
/// `NexusError`, which the macro marks `#[automatically_derived]`.
const ARGS: &[&str] = &[
    "+nightly",
    "public-api",
    "-p",
    "nexus-errors",
    "--all-features",
    "-s",
    "--color=never",
];

/// The rustup proxy from `PATH`: `env!("CARGO")` is a toolchain's own cargo, which has no `+`.
fn cargo(args: &[&str]) -> std::io::Result<Output> {
    Command::new("cargo")
        .args(args)
        .current_dir(scratch::workspace())
        // The outer `cargo test` holds the lock on the workspace's target directory.
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("public-api-target"),
        )
        // `+nightly` picks the toolchain; any of these would override or change its build.
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS")
        .output()
}

fn works(args: &[&str]) -> Option<String> {
    let output = cargo(args).ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Written past libtest's capture, so the skip is visible in CI logs.
fn skip(why: &str) {
    let _ = writeln!(std::io::stderr(), "public_api: skipped: {why}");
}

#[test]
fn public_api_matches_the_snapshot() {
    let Some(nightly) = works(&["+nightly", "--version"]) else {
        return skip("no nightly toolchain (rustup toolchain install nightly --profile minimal)");
    };
    let Some(tool) = works(&["+nightly", "public-api", "--version"]) else {
        return skip(
            "cargo-public-api is not installed (cargo install cargo-public-api --version 0.52.0 --locked)",
        );
    };

    let output = cargo(ARGS).expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {} failed ({tool}, {nightly}):\n{}",
        ARGS.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    let actual = String::from_utf8(output.stdout).expect("the listing is UTF-8");
    assert!(
        actual.contains("pub enum nexus_errors::NexusError"),
        "the listing does not look like nexus-errors' API:\n{actual}"
    );

    let snapshot = scratch::workspace().join("nexus-errors/public-api.txt");
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if actual == expected {
        return;
    }
    if std::env::var("UPDATE_PUBLIC_API").as_deref() == Ok("1") {
        std::fs::write(&snapshot, &actual).expect("write the snapshot");
        let _ = writeln!(
            std::io::stderr(),
            "public_api: wrote {}",
            snapshot.display()
        );
        return;
    }

    let new = Path::new(env!("CARGO_TARGET_TMPDIR")).join("public-api.new.txt");
    std::fs::write(&new, &actual).expect("write the new listing");
    let old = if snapshot.exists() {
        snapshot.clone()
    } else {
        "/dev/null".into()
    };
    let diff = Command::new("git")
        .args(["diff", "--no-index", "--no-color", "--"])
        .args([&old, &new])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_else(|e| format!("(git diff failed: {e}; compare the two files)"));
    panic!(
        "the public API of nexus-errors differs from {} (- snapshot, + now):\n\n{diff}\n\
         Listed with `cargo {}` ({tool}, {nightly}).\n\
         If the change is intended, bless it and commit the file with the change:\n\n    {BLESS}\n\n\
         A newer nightly can also change the listing (std paths, auto traits); bless that too.",
        snapshot.display(),
        ARGS.join(" "),
    );
}
