//! What the steps build: a snapshot of the workspace, crates of their own on both sides, the
//! synthetic tables, the 10 MB spec and the one-row edit.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, ensure};

/// Copies the workspace, without `target/` and `.git`, so that edits made there during a run
/// change nothing in it. A link is copied as the file it leads to (the workspace links files
/// only, such as `nexus-errors/spec/errors.toml`).
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let (name, is_dir) = (entry.file_name(), entry.file_type()?.is_dir());
        if name == "target" || name == ".git" {
            continue;
        } else if is_dir {
            copy_tree(&entry.path(), &to.join(name))?;
        } else {
            fs::copy(entry.path(), to.join(name))?;
        }
    }
    Ok(())
}

/// The downstream crate on our side: the table from its own `spec/errors.toml`.
const OURS_LIB: &str = "\
//! A downstream crate: the error table from its own spec, through nexus-errors.

/// The API's errors, generated from `spec/errors.toml`.
#[nexus_errors::error_table(path = \"spec/errors.toml\")]
pub enum ApiError {}

/// Reads a failed response.
pub fn from_response(status: u16, body: &[u8]) -> nexus_errors::ResponseError<ApiError> {
    nexus_errors::ResponseError::from_response(status, body)
}
";

/// A crate `work/<package>` using nexus-errors from the snapshot, `spec` its `spec/errors.toml`.
/// Every project sits next to the snapshot (`work/snapshot`), so `../snapshot` leads to it.
pub fn write_ours(work: &Path, package: &str, spec: &str) -> Result<PathBuf> {
    let dependency = "nexus-errors = { path = \"../snapshot/nexus-errors\" }";
    let dir = write_crate(work, package, dependency, OURS_LIB)?;
    write(&dir.join("spec/errors.toml"), spec)?;
    Ok(dir)
}

/// A crate `work/<package>` whose root is `lib_rs`, written by hand, with the dependencies of
/// the hand-written side at the versions the workspace locks.
pub fn write_baseline(work: &Path, package: &str, lib_rs: &str) -> Result<PathBuf> {
    let dependencies = "thiserror = \"2.0.21\"\n\
        serde = { version = \"1.0.229\", features = [\"derive\"] }\nserde_json = \"1.0.154\"";
    write_crate(work, package, dependencies, lib_rs)
}

/// A crate of its own (`[workspace]` in its manifest), with the workspace's lockfile: both
/// sides build the dependency versions the workspace tests.
fn write_crate(work: &Path, package: &str, dependencies: &str, lib_rs: &str) -> Result<PathBuf> {
    let dir = work.join(package);
    let manifest = format!(
        "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\n\n[dependencies]\n{dependencies}\n\n[workspace]\n"
    );
    write(&dir.join("Cargo.toml"), &manifest)?;
    write(&dir.join("src/lib.rs"), lib_rs)?;
    let lock = work.join("snapshot/Cargo.lock");
    fs::copy(&lock, dir.join("Cargo.lock")).with_context(|| format!("copy {}", lock.display()))?;
    Ok(dir)
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::create_dir_all(path.parent().unwrap_or(path))
        .and_then(|()| fs::write(path, text))
        .with_context(|| format!("write {}", path.display()))
}

/// The one-row edit of the rebuild step: a row of `spec/errors.toml` that the baseline
/// (`benches/baseline/mod.rs`) repeats by hand.
const OLD: &str = "The date range provided was invalid.";
const NEW: &str = "The date range provided is not valid.";

/// Flips the edit in each of the project's files that has it (ours: its spec; the
/// baseline: its `lib.rs`): every `OLD` becomes `NEW` or, if there is none, every `NEW` `OLD`.
pub fn flip_edit(project: &Path) -> Result<()> {
    let mut edited = false;
    for path in ["spec/errors.toml", "src/lib.rs"].map(|file| project.join(file)) {
        if let Some(flipped) = fs::read_to_string(&path).ok().as_deref().and_then(flip) {
            write(&path, &flipped)?;
            edited = true;
        }
    }
    ensure!(edited, "{}: no {OLD:?} to edit", project.display());
    Ok(())
}

fn flip(text: &str) -> Option<String> {
    let from = if text.contains(OLD) { OLD } else { NEW };
    let to = if from == OLD { NEW } else { OLD };
    text.contains(from).then(|| text.replace(from, to))
}

/// The 10 MB spec of the UI case `render/ten_megabytes` (1,000 rows with ~10 kB descriptions,
/// then one row with a mistake), and the start of the compile error its build must stop with.
///
/// The tests crate writes the same text for that case (`tests/tests/large_spec/mod.rs`); the
/// twenty lines are copied rather than shared, as a test file and a developer tool have no
/// crate in common to hold them. Both copies pin the mistake to 6006:10, as the case's
/// `.stderr` does, so a change to one that the other lacks fails a test.
pub fn large_spec() -> (String, String) {
    let mut text = String::from("[api]\nname = \"Test API\"\n");
    let words = "the quick brown fox jumps over the lazy dog ".repeat(230);
    for i in 0..1_000 {
        let _ = write!(
            text,
            "\n[[error]]\nname = \"Row{i}\"\nstatus = 400\nstatus_text = \"Bad Request\"\n\
             description = \"{i} {words}\"\n"
        );
    }
    text.push_str("\n[[error]]\nname = \"Last\"\n");
    // The mistake: a status outside 400..=599, on the line about to be written.
    let line = text.matches('\n').count() + 1;
    text.push_str("status = 4000\nstatus_text = \"Bad Request\"\ndescription = \"\"\n");
    let expected = format!("spec/errors.toml:{line}:10: status 4000 is not an error status");
    (text, expected)
}

/// Synthetic tables of N rows: named `Error00001`…, statuses cycling through ten 4xx/5xx with
/// their reason phrases, unique codes 1..=N (so `codes_start_with_status = false`) and unique
/// descriptions.
const STATUSES: &str = "400 Bad Request|401 Unauthorized|403 Forbidden|404 Not Found|409 Conflict|\
    422 Unprocessable Entity|429 Too Many Requests|500 Internal Server Error|502 Bad Gateway|\
    503 Service Unavailable";

/// Row `code` (from 1): name, status, status text, description.
fn row(code: usize) -> (String, &'static str, &'static str, String) {
    let status = STATUSES.split('|').nth((code - 1) % 10).unwrap_or_default();
    let (status, text) = status.split_once(' ').unwrap_or_default();
    let description = format!("Synthetic error number {code}, for status {status}.");
    (format!("Error{code:05}"), status, text, description)
}

/// The spec of a synthetic table of `n` rows.
pub fn synthetic_spec(n: usize) -> String {
    let mut out =
        String::from("[api]\nname = \"Synthetic API\"\ncodes_start_with_status = false\n");
    for code in 1..=n {
        let (name, status, text, description) = row(code);
        let _ = write!(
            out,
            "\n[[error]]\nname = \"{name}\"\ncode = {code}\nstatus = {status}\n\
             status_text = \"{text}\"\ndescription = \"{description}\"\n"
        );
    }
    out
}

/// The functions of the hand-written side, each a `match` on its one parameter: doc line,
/// signature, and the default arm of a lookup.
const FUNCTIONS: &str = "\
    The variant's name.|const fn name(self) -> &'static str|
    The documented code.|const fn code(self) -> Option<i64>|
    The HTTP status.|const fn status(self) -> u16|
    The status text.|const fn status_text(self) -> &'static str|
    The description.|const fn description(self) -> &'static str|
    The variant with this code.|const fn from_code(code: i64) -> Option<Self>|None
    The variants with this status.|const fn with_status(status: u16) -> &'static [Self]|&[]
    The variant with this name.|fn from_name(name: &str) -> Option<Self>|None";

/// The same table as a user writes it without nexus-errors: a `thiserror` enum with a doc
/// line per variant, `ALL`, `COUNT`, and the `FUNCTIONS`.
pub fn synthetic_hand_written(n: usize) -> String {
    let mut out = String::from(
        "//! Hand-written equivalent of a synthetic error table.\n\n/// The API's errors.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]\n\
         #[non_exhaustive]\npub enum ApiError {\n",
    );
    let rows: Vec<_> = (1..=n).map(|code| (code, row(code))).collect();
    for (code, (name, status, text, description)) in &rows {
        let _ = write!(
            out,
            "    /// **{status} {text}**, code `{code}`: {description}\n\
             \x20   #[error(\"{status} {text} [{code}]: {description}\")]\n    {name},\n"
        );
    }
    let all: Vec<_> = rows
        .iter()
        .map(|(_, row)| format!("Self::{}", row.0))
        .collect();
    let _ = write!(
        out,
        "}}\n\nimpl ApiError {{\n    /// Every variant, in order.\n    \
         pub const ALL: &'static [Self] = &[{}];\n    \
         /// How many variants there are.\n    pub const COUNT: usize = {n};\n",
        all.join(", ")
    );
    let mut by_status = BTreeMap::<&str, Vec<&str>>::new();
    for ((_, status, ..), variant) in rows.iter().map(|(_, row)| row).zip(&all) {
        by_status.entry(status).or_default().push(variant);
    }
    for line in FUNCTIONS.lines() {
        let [doc, signature, default] = [0, 1, 2].map(|i| line.trim().split('|').nth(i));
        let (doc, signature) = (doc.unwrap_or_default(), signature.unwrap_or_default());
        let (function, parameter) = signature.split_once('(').unwrap_or_default();
        let function = function.rsplit(' ').next().unwrap_or_default();
        let parameter = parameter.split([':', ')']).next().unwrap_or_default();
        let _ = write!(
            out,
            "    /// {doc}\n    #[must_use]\n    pub {signature} {{\n        match {parameter} {{\n"
        );
        for ((code, (name, status, text, description)), variant) in rows.iter().zip(&all) {
            let (pattern, value) = match function {
                "name" => (variant.clone(), format!("\"{name}\"")),
                "code" => (variant.clone(), format!("Some({code})")),
                "status" => (variant.clone(), status.to_string()),
                "status_text" => (variant.clone(), format!("\"{text}\"")),
                "description" => (variant.clone(), format!("\"{description}\"")),
                "from_code" => (code.to_string(), format!("Some({variant})")),
                "from_name" => (format!("\"{name}\""), format!("Some({variant})")),
                _ => continue,
            };
            let _ = writeln!(out, "            {pattern} => {value},");
        }
        if function == "with_status" {
            for (status, variants) in &by_status {
                let _ = writeln!(out, "            {status} => &[{}],", variants.join(", "));
            }
        }
        if let Some(default) = default.filter(|default| !default.is_empty()) {
            let _ = writeln!(out, "            _ => {default},");
        }
        out.push_str("        }\n    }\n");
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_flips_every_occurrence_back_and_forth() {
        let (text, edited) = (format!("a {OLD} b {OLD}"), format!("a {NEW} b {NEW}"));
        assert_eq!(flip(&text).as_ref(), Some(&edited));
        assert_eq!(flip(&edited), Some(text));
        assert_eq!(flip("nothing to edit"), None);
    }

    #[test]
    fn ten_megabytes_with_the_mistake_where_the_ui_case_has_it() {
        let (text, expected) = large_spec();
        assert!(text.len() >= 10_000_000, "{} bytes", text.len());
        assert_eq!(text.matches("[[error]]").count(), 1_001);
        // As in tests/ui/render/ten_megabytes.stderr: 2 header lines, 1,000 rows of 6 lines.
        let error = "spec/errors.toml:6006:10: status 4000 is not an error status";
        assert_eq!(
            (expected.as_str(), text.lines().nth(6005)),
            (error, Some("status = 4000"))
        );
    }

    #[test]
    fn synthetic_tables_cycle_statuses_with_unique_codes_on_both_sides() {
        let spec = synthetic_spec(11);
        assert_eq!(spec.matches("[[error]]").count(), 11);
        assert!(spec.contains(
            "[[error]]\nname = \"Error00010\"\ncode = 10\nstatus = 503\n\
             status_text = \"Service Unavailable\"\n\
             description = \"Synthetic error number 10, for status 503.\"\n\n\
             [[error]]\nname = \"Error00011\"\ncode = 11\nstatus = 400\n"
        ));
        let code = synthetic_hand_written(11);
        for expected in [
            "    /// **401 Unauthorized**, code `2`: Synthetic error number 2, for status 401.\n    \
             #[error(\"401 Unauthorized [2]: Synthetic error number 2, for status 401.\")]\n    \
             Error00002,\n",
            "pub const ALL: &'static [Self] = &[Self::Error00001, Self::Error00002, Self::Error00003,",
            "pub const fn status(self) -> u16 {\n        match self {\n            Self::Error00001 => 400,\n",
            "            400 => &[Self::Error00001, Self::Error00011],\n            401 => &[Self::Error00002],\n",
            "            11 => Some(Self::Error00011),\n            _ => None,\n",
            "            \"Error00011\" => Some(Self::Error00011),\n            _ => None,\n",
        ] {
            assert!(code.contains(expected), "{expected}");
        }
        assert_eq!(
            code.matches("    pub ").count(),
            10,
            "ALL, COUNT and 8 functions"
        );
    }
}
