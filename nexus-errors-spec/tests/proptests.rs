//! Property tests of the pipeline: whatever text the spec holds, `check` returns (errors, a
//! table, or both) and never panics, every message is located and bounded, and the table it
//! returns is always one the proc macro can turn into Rust.

use std::collections::HashSet;

use nexus_errors_spec::parse::{API_KEYS, ROW_KEYS, TOP_KEYS};
use nexus_errors_spec::{Code, Table, name};
use proptest::prelude::*;
use proptest::sample::Index;

/// The real spec, as the mutation strategy's starting point.
const SPEC: &str = include_str!("../../spec/errors.toml");

/// Runs the pipeline on `text`, and checks what must hold of any result.
fn check(text: &str) -> (Table, Vec<String>) {
    let checked = nexus_errors_spec::check("t.toml", text);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_skeleton_is_expandable(&checked.table);
    assert_messages_are_located(text, &errors);
    assert_messages_are_bounded(&errors);
    (checked.table, errors)
}

/// However long the spec's lines and values, a message stays short: the snippet is a window
/// and quoted text is cut.
fn assert_messages_are_bounded(errors: &[String]) {
    for error in errors {
        assert!(
            error.chars().count() < 2_000,
            "a message of {} characters: {:?}",
            error.chars().count(),
            error.chars().take(300).collect::<String>()
        );
    }
}

/// The skeleton is expanded even when there are errors: every row must make valid Rust.
fn assert_skeleton_is_expandable(table: &Table) {
    let mut names = HashSet::new();
    // One kind of code in a table: the generated `code()` has one type.
    let mut kinds = HashSet::new();
    for row in &table.rows {
        assert_eq!(
            name::check(&row.name),
            Ok(()),
            "the skeleton kept the name {:?}",
            row.name
        );
        assert!(
            names.insert(row.name.clone()),
            "duplicate name {:?} in the table",
            row.name
        );
        assert!(
            (300..=599).contains(&row.status),
            "status {} of {:?}",
            row.status,
            row.name
        );
        if let Some(code) = &row.code {
            kinds.insert(matches!(code, Code::Integer(_)));
            assert!(kinds.len() == 1, "codes of both kinds in the table");
        }
        assert!(
            row.line.is_some_and(|line| line >= 1),
            "line {:?} of {:?}",
            row.line,
            row.name
        );
    }
}

/// Every message starts `t.toml:LINE:COL: ` with a line that exists in the text.
fn assert_messages_are_located(text: &str, errors: &[String]) {
    let line_count = text.matches('\n').count() + 1;
    for error in errors {
        let rest = error
            .strip_prefix("t.toml:")
            .unwrap_or_else(|| panic!("no file in {error:?}"));
        let mut parts = rest.splitn(3, ':');
        let line: usize = parts
            .next()
            .and_then(|l| l.parse().ok())
            .unwrap_or_else(|| panic!("no line in {error:?}"));
        let column: usize = parts
            .next()
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no column in {error:?}"));
        assert!(
            (1..=line_count).contains(&line),
            "line {line} of {line_count} in {error:?}"
        );
        assert!(column >= 1, "column {column} in {error:?}");
        assert!(
            parts
                .next()
                .is_some_and(|m| m.starts_with(' ') && m.len() > 1),
            "no message in {error:?}"
        );
    }
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One edit of the spec text, at positions chosen relative to its current length.
#[derive(Debug, Clone)]
enum Edit {
    Delete {
        at: Index,
        len: usize,
    },
    Insert {
        at: Index,
        text: String,
    },
    Replace {
        at: Index,
        len: usize,
        text: String,
    },
    /// Copies a slice of the text elsewhere, e.g. a whole row, so duplicates come up.
    Duplicate {
        from: Index,
        len: usize,
        to: Index,
    },
}

fn apply(text: &mut String, edit: &Edit) {
    let range = |text: &str, at: &Index, len: usize| {
        let start = floor_boundary(text, at.index(text.len() + 1));
        let end = floor_boundary(text, start.saturating_add(len));
        start..end
    };
    match edit {
        Edit::Delete { at, len } => {
            let range = range(text, at, *len);
            text.replace_range(range, "");
        }
        Edit::Insert { at, text: insert } => {
            let at = floor_boundary(text, at.index(text.len() + 1));
            text.insert_str(at, insert);
        }
        Edit::Replace {
            at,
            len,
            text: insert,
        } => {
            let range = range(text, at, *len);
            text.replace_range(range, insert);
        }
        Edit::Duplicate { from, len, to } => {
            let range = range(text, from, *len);
            let copied = text[range].to_owned();
            let to = floor_boundary(text, to.index(text.len() + 1));
            text.insert_str(to, &copied);
        }
    }
}

/// Short fragments that matter to TOML and to the rules, plus arbitrary text.
fn fragment() -> impl Strategy<Value = String> {
    let special = vec![
        "\n",
        "\"",
        "[",
        "]",
        "[[error]]\n",
        "[api]\n",
        " = ",
        "#",
        "\r\n",
        "é—“”",
        "\u{feff}",
        "'''",
    ];
    prop_oneof![
        proptest::sample::select(special).prop_map(str::to_owned),
        "[0-9]{1,6}",
        "[a-zA-Z_]{1,12}",
        ".{0,16}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), 0usize..64).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<Index>(), fragment()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (any::<Index>(), 0usize..16, fragment()).prop_map(|(at, len, text)| Edit::Replace {
            at,
            len,
            text
        }),
        (any::<Index>(), 1usize..256, any::<Index>()).prop_map(|(from, len, to)| Edit::Duplicate {
            from,
            len,
            to
        }),
    ]
}

/// A TOML-ish value: well-typed, mistyped, out of range, or not TOML at all.
fn value() -> impl Strategy<Value = String> {
    let literals = vec![
        "0",
        "-1",
        "65535",
        "65536",
        "9223372036854775807",
        "-9223372036854775808",
        "0x1F4",
        "4_001",
        "400.0",
        "inf",
        "nan",
        "true",
        "false",
        "[]",
        "[\"a\", \"b\"]",
        "[\"a\", 1]",
        "{ a = 1 }",
        "1979-05-27",
    ];
    let strings = vec![
        "ALL",
        "COUNT",
        "ROWS",
        "type",
        "Self",
        "r#type",
        "",
        "9Lives",
        "a-b",
        "Bad Request",
        "Unauthorized",
        "Café",
        "_",
    ];
    prop_oneof![
        (0i64..1000).prop_map(|n| n.to_string()),
        (3990i64..6000).prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        proptest::sample::select(literals).prop_map(str::to_owned),
        proptest::sample::select(strings).prop_map(|s| format!("{s:?}")),
        "[A-Z][a-zA-Z0-9]{0,8}".prop_map(|s| format!("\"{s}\"")),
        ".{0,12}".prop_map(|s| format!("{s:?}")),
        ".{0,12}".prop_map(|s| format!("'{s}'")),
        ".{0,8}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    let keys: Vec<&'static str> = TOP_KEYS
        .iter()
        .chain(API_KEYS)
        .chain(ROW_KEYS)
        .copied()
        .collect();
    let key = prop_oneof![
        proptest::sample::select(keys).prop_map(str::to_owned),
        Just("cdoe".to_owned()),
        Just("colour".to_owned()),
        "[a-z_]{1,10}",
    ];
    prop_oneof![
        3 => (key, value()).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => proptest::sample::select(vec![
            "[api]", "[[error]]", "[error]", "[[api]]", "[api.extra]", "[[error.notes]]", "", "# comment",
        ])
        .prop_map(str::to_owned),
    ]
}

fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Custom Status")
}

/// A well-formed row: its status, whether it has a code, and its description.
fn good_row() -> impl Strategy<Value = (u16, bool, String)> {
    let status = prop_oneof![
        proptest::sample::select(vec![400u16, 401, 403, 404, 409, 422, 429, 500, 502, 503]),
        400u16..=599,
    ];
    (status, any::<bool>(), "[a-zA-Z0-9 .,;:!?()'’“”—–é-]{0,40}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        check(&text);
    }

    #[test]
    fn toml_shaped_noise_never_panics(text in "[\\[\\]a-z_={},.\"' \\n0-9#-]{0,300}") {
        check(&text);
    }

    #[test]
    fn mutated_real_spec_never_panics(edits in proptest::collection::vec(edit(), 1..8)) {
        let mut text = SPEC.to_owned();
        for edit in &edits {
            apply(&mut text, edit);
        }
        check(&text);
    }

    #[test]
    fn toml_like_lines_never_panic(lines in proptest::collection::vec(line(), 0..40)) {
        check(&lines.join("\n"));
    }

    #[test]
    fn well_formed_specs_validate_cleanly(rows in proptest::collection::vec(good_row(), 1..12)) {
        let mut text = String::from("[api]\nname = \"Generated\"\n");
        let mut expected = Vec::new();
        for (i, (status, coded, description)) in rows.iter().enumerate() {
            // Unique in the table and starting with its status: row 3 of status 401 gets 40103.
            let code = coded.then(|| i64::from(*status) * 100 + i64::try_from(i).unwrap_or(0));
            // Distinct descriptions keep code-less rows of one status apart.
            let description = format!("{description} #{i}");
            let code_line = code.map_or_else(String::new, |c| format!("code = {c}\n"));
            text.push_str(&format!(
                "\n[[error]]\nname = \"Row{i}\"\n{code_line}status = {status}\nstatus_text = {:?}\ndescription = {description:?}\n",
                reason(*status)
            ));
            expected.push((format!("Row{i}"), code.map(Code::Integer), *status, description));
        }
        let (table, errors) = check(&text);
        prop_assert!(errors.is_empty(), "{}\n{:?}", text, errors);
        let got: Vec<_> = table.rows.iter().map(|r| (r.name.clone(), r.code.clone(), r.status, r.description.clone())).collect();
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn the_real_spec_is_clean() {
    let (table, errors) = check(SPEC);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        table.rows.len(),
        SPEC.lines()
            .filter(|line| line.trim() == "[[error]]")
            .count()
    );
}

/// Cases proptest once shrank to: carriage returns where a line ends or a value starts.
#[test]
fn carriage_returns_never_panic() {
    check("\r");
    check("api = \r");
    let mut spec = SPEC.to_owned();
    spec.insert_str(spec.len() / 2, "\r\n");
    check(&spec);
}

#[test]
fn a_huge_line_gives_short_messages() {
    let text = format!("[api]\nname = \"A\"\nsource = {}\n", "[".repeat(200_000));
    let (_, errors) = check(&text);
    assert!(!errors.is_empty());
}
