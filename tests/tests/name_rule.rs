//! The name rule, as a property: any name the spec's validator accepts compiles as a variant,
//! and any name it rejects gets a spec error at that row and nothing else from rustc.
//!
//! Names are drawn near the generated items and the prelude (reserved words, keywords, trait
//! and type names, edited a little) and from arbitrary identifiers and Unicode. They are
//! sorted by the rule into a few scratch crates: one whose table holds every accepted name
//! and uses each variant, and a few whose tables hold the rejected ones and must fail with
//! exactly one spec error per row.

#[path = "common/scratch.rs"]
mod scratch;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use nexus_errors_spec::name;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// Words the generated code or the code around it could resolve a name to.
const NEAR: &[&str] = &[
    "ALL",
    "COUNT",
    "ROWS",
    "Self",
    "self",
    "crate",
    "super",
    "type",
    "r#type",
    "_",
    "Err",
    "Ok",
    "Error",
    "Some",
    "None",
    "Option",
    "Result",
    "Row",
    "Action",
    "Api",
    "From",
    "Into",
    "Default",
    "Target",
    "Output",
    "Item",
    "Display",
    "Debug",
    "FromStr",
    "ErrorTable",
    "Serialize",
    "Deserialize",
    "StatusCode",
    "Name",
    "Status",
    "Code",
    "Count",
    "All",
    "Rows",
];

/// At most this many rejected rows per crate, fewer than the diagnostics a report shows.
const REJECTED_PER_CRATE: usize = 40;

fn near_name() -> impl Strategy<Value = String> {
    let edit = prop_oneof![Just(0u8), Just(1u8), Just(2u8), Just(3u8), Just(4u8),];
    (
        proptest::sample::select(NEAR),
        edit,
        any::<proptest::sample::Index>(),
        "[A-Za-z0-9_]",
    )
        .prop_map(|(word, edit, at, extra)| {
            let mut chars: Vec<char> = word.chars().collect();
            let at = at.index(chars.len());
            match edit {
                // Unchanged, then: flip one letter's case, append, prepend, drop a letter.
                0 => {}
                1 => {
                    let c = chars[at];
                    chars[at] = if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    };
                }
                2 => chars.extend(extra.chars()),
                3 => chars.splice(0..0, extra.chars()).for_each(drop),
                _ => {
                    chars.remove(at);
                }
            }
            chars.into_iter().collect()
        })
}

fn any_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => near_name(),
        2 => "[A-Za-z_][A-Za-z0-9_]{0,10}",
        1 => "[A-Z][a-zA-Z0-9]{0,6}",
        // Unicode letters, digits, spaces and punctuation, but no control characters.
        1 => "[\\p{L}\\p{N} ._-]{1,8}",
    ]
}

/// The names to try: every word of `NEAR` as it is, then drawn names, without repeats.
fn names() -> Vec<String> {
    let mut runner = TestRunner::deterministic();
    let strategy = any_name();
    let mut names: BTreeSet<String> = NEAR.iter().map(|&n| n.to_owned()).collect();
    for _ in 0..400 {
        names.insert(strategy.new_tree(&mut runner).expect("a name").current());
    }
    names.into_iter().collect()
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A spec with one row per name, and the line of each row's `name`.
fn spec(names: &[String]) -> (String, Vec<usize>) {
    let mut text = String::from("[api]\nname = \"Names\"\n");
    let mut lines = Vec::new();
    for (i, name) in names.iter().enumerate() {
        text.push_str("\n[[error]]\n");
        lines.push(text.matches('\n').count() + 1);
        text.push_str(&format!(
            "name = {}\nstatus = 400\nstatus_text = \"Bad Request\"\ndescription = \"Row {i}.\"\n",
            toml_string(name)
        ));
    }
    (text, lines)
}

fn write_bin(dir: &Path, bin: &str, spec_text: &str, main: &str) {
    fs::write(dir.join(format!("{bin}.toml")), spec_text).expect("spec");
    fs::create_dir_all(dir.join("src/bin")).expect("src/bin");
    fs::write(dir.join(format!("src/bin/{bin}.rs")), main).expect("main");
}

/// The `file:line` of every error rustc reported, from `--message-format=json` output; any
/// error that is not a spec error is returned whole in the second list.
fn errors(json: &str, spec_file: &str) -> (Vec<usize>, Vec<String>) {
    let mut lines = Vec::new();
    let mut other = Vec::new();
    for message in json
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    {
        let Some(diagnostic) = message.get("message") else {
            continue;
        };
        if diagnostic["level"] != "error" {
            continue;
        }
        let text = diagnostic["message"].as_str().unwrap_or_default();
        if text.starts_with("aborting due to") {
            continue;
        }
        let line = text
            .strip_prefix(&format!("{spec_file}:"))
            .and_then(|rest| rest.split(':').next())
            .and_then(|line| line.parse().ok());
        match line {
            Some(line) => lines.push(line),
            None => other.push(text.to_owned()),
        }
    }
    (lines, other)
}

#[test]
fn every_accepted_name_compiles_and_every_rejected_name_is_a_spec_error() {
    let (accepted, rejected): (Vec<String>, Vec<String>) =
        names().into_iter().partition(|n| name::check(n).is_ok());
    assert!(
        accepted.len() >= 50,
        "only {} accepted names",
        accepted.len()
    );
    assert!(
        rejected.len() >= 50,
        "only {} rejected names",
        rejected.len()
    );
    let dir = scratch::package("name-rule");

    let uses: String = accepted
        .iter()
        .map(|n| {
            format!(
                "    assert_eq!(Names::{n}.name(), {n:?});\n    assert_eq!(Names::from_name({n:?}), Some(Names::{n}));\n"
            )
        })
        .collect();
    let main = format!(
        "#![deny(warnings)]\n#[nexus_errors::error_table(path = \"accepted.toml\")]\npub enum Names {{}}\n\nfn main() {{\n    assert_eq!(Names::COUNT, {});\n{uses}}}\n",
        accepted.len()
    );
    write_bin(&dir, "accepted", &spec(&accepted).0, &main);
    let built = scratch::cargo_output(&dir, &["run", "--quiet", "--bin", "accepted"]);
    assert!(
        built.status.success(),
        "accepted names that do not compile:\n{}",
        String::from_utf8_lossy(&built.stderr)
    );

    for (batch, names) in rejected.chunks(REJECTED_PER_CRATE).enumerate() {
        let bin = format!("rejected{batch}");
        let (text, name_lines) = spec(names);
        let main = format!(
            "#[nexus_errors::error_table(path = \"{bin}.toml\")]\npub enum Names {{}}\n\nfn main() {{}}\n"
        );
        write_bin(&dir, &bin, &text, &main);
        let built = scratch::cargo_output(
            &dir,
            &["build", "--quiet", "--bin", &bin, "--message-format=json"],
        );
        assert!(!built.status.success(), "{bin} compiled: {names:?}");
        let (lines, other) = errors(
            &String::from_utf8_lossy(&built.stdout),
            &format!("{bin}.toml"),
        );
        assert!(
            other.is_empty(),
            "{bin}: errors that are not spec errors: {other:#?}"
        );
        assert_eq!(
            lines, name_lines,
            "{bin}: one spec error per rejected name: {names:?}"
        );
    }
}
