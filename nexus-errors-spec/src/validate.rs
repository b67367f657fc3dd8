//! Stage 3 — validate: the rules a table must follow, each one a named `check_*` function
//! with its own message.
//!
//! Always returns a table: on errors it is a skeleton (rows with unusable names dropped,
//! unusable values replaced) so the macro can still emit the items and the user sees the
//! spec errors rather than a cascade of errors about missing items.

use std::collections::HashMap;

use crate::body;
use crate::diagnostic::Diagnostics;
use crate::model::{Api, Code, Row, Table, code_starts_with_status};
use crate::name;
use crate::parse::{Located, RawApi, RawCode, RawRow, RawRows, RawSpec, Section};
use crate::text::{QUOTE_LIMIT, quoted, shorten};

/// Whether a spec must have rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// A table the proc macro generates from: it needs at least one row.
    Required,
    /// A table being started: an `[api]` header alone is how it begins.
    Optional,
}

/// Checks a parsed spec against every rule; problems go to `diagnostics`.
pub fn validate(raw: RawSpec, rows: Rows, diagnostics: &mut Diagnostics<'_>) -> Table {
    let required = rows == Rows::Required;
    let api = check_api(raw.api, diagnostics);
    let rows = match raw.rows {
        Section::Present(RawRows { at, rows }) => {
            let mut seen = Seen::default();
            let checked: Vec<Row> = rows
                .into_iter()
                .filter_map(|row| validate_row(row, &api, &mut seen, diagnostics))
                .collect();
            if required {
                check_has_rows(seen.rows, at, diagnostics);
            }
            checked
        }
        Section::Absent => {
            if required {
                check_has_rows(0, 0..0, diagnostics);
            }
            Vec::new()
        }
        Section::Reported => Vec::new(),
    };
    Table { api, rows }
}

/// What the rows checked so far used, for the uniqueness rules: each with its row's line.
#[derive(Default)]
struct Seen {
    rows: usize,
    names: HashMap<String, usize>,
    /// The kind of the first code, and its row's line: a table has one kind of code.
    kind: Option<(Kind, usize)>,
    /// (status, code, trimmed description): the response side narrows rows by status and
    /// code, then tells them apart by message, so two rows alike in all three never could be.
    rows_by_key: HashMap<(u16, Option<Code>, String), usize>,
}

/// The kind of a table's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Integer,
    Text,
}

fn check_api(api: Section<RawApi>, diagnostics: &mut Diagnostics<'_>) -> Api {
    match api {
        Section::Present(api) => Api {
            name: api.name.map_or_else(String::new, |n| n.value),
            source: api.source.map(|s| s.value),
            codes_start_with_status: api.codes_start_with_status.is_none_or(|flag| flag.value),
            body: api
                .body
                .map(|raw| body::check(raw, diagnostics))
                .unwrap_or_default(),
        },
        Section::Absent => {
            diagnostics.error(
                0..0,
                "the spec has no `[api]` section",
                Some("start the file with `[api]` and `name = \"…\"`".to_owned()),
            );
            Api::default()
        }
        Section::Reported => Api::default(),
    }
}

/// Checks one row; returns it for the table when its name is usable.
fn validate_row(
    raw: RawRow,
    api: &Api,
    seen: &mut Seen,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<Row> {
    seen.rows += 1;
    let line = diagnostics.line_of(raw.at.start);
    let name = check_name(&raw, seen, diagnostics);
    let status = check_status(&raw, diagnostics);
    let code = check_code(
        &raw,
        status,
        api.codes_start_with_status,
        line,
        seen,
        diagnostics,
    );
    if let (Some(status), Some(text)) = (status, &raw.status_text) {
        check_status_text(status, text, diagnostics);
    }
    if let (Some(status), Some(description)) = (status, &raw.description) {
        if raw.code.is_none() || code.is_some() {
            check_rows_differ(status, code.as_ref(), description, line, seen, diagnostics);
        }
    }
    if let Some(name) = &name {
        seen.names.insert(name.clone(), line);
    }
    Some(Row {
        name: name?,
        code,
        status: status.unwrap_or(500),
        status_text: raw.status_text.map_or_else(String::new, |t| t.value),
        description: raw.description.map_or_else(String::new, |d| d.value),
        notes: raw.notes.into_iter().map(|n| n.value).collect(),
        line: Some(line),
    })
}

fn check_has_rows(rows: usize, at: std::ops::Range<usize>, diagnostics: &mut Diagnostics<'_>) {
    if rows == 0 {
        diagnostics.error(
            at,
            "the spec has no rows",
            Some(
                "add at least one `[[error]]` row with name, status, status_text and description"
                    .to_owned(),
            ),
        );
    }
}

fn check_name(row: &RawRow, seen: &Seen, diagnostics: &mut Diagnostics<'_>) -> Option<String> {
    let Located { value: name, at } = row.name.as_ref()?;
    if let Some(first) = seen.names.get(name) {
        diagnostics.error(
            at.clone(),
            format!(
                "duplicate name `{}`: the row at line {first} already uses it",
                shorten(name, QUOTE_LIMIT)
            ),
            Some("every row needs its own name; it becomes the enum variant".to_owned()),
        );
        return None;
    }
    if let Err(problem) = name::check(name) {
        diagnostics.error(
            at.clone(),
            format!("name {} {problem}", quoted(name)),
            Some(name::help(name)),
        );
        return None;
    }
    Some(name.clone())
}

fn check_status(row: &RawRow, diagnostics: &mut Diagnostics<'_>) -> Option<u16> {
    let Located { value, at } = row.status.as_ref()?;
    match u16::try_from(*value) {
        // Some APIs document redirections (304 Not Modified on a conditional read) as errors.
        Ok(status @ 300..=599) => Some(status),
        _ => {
            diagnostics.error(
                at.clone(),
                format!("status {value} is not an error status: it must be in 300..=599"),
                Some(
                    "a table lists redirections (3xx), client (4xx) and server (5xx) errors only"
                        .to_owned(),
                ),
            );
            None
        }
    }
}

fn check_code(
    row: &RawRow,
    status: Option<u16>,
    codes_start_with_status: bool,
    line: usize,
    seen: &mut Seen,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<Code> {
    let Located { value, at } = row.code.as_ref()?;
    let (code, kind) = match value {
        RawCode::Integer(number) => {
            let Ok(number) = i64::try_from(*number) else {
                diagnostics.error(
                    at.clone(),
                    format!("code {number} is too wide: integer codes must fit an i64"),
                    Some("write a code this wide as a string: `code = \"…\"`".to_owned()),
                );
                return None;
            };
            (Code::Integer(number), Kind::Integer)
        }
        RawCode::Text(text) => {
            if text.trim().is_empty() || text.trim() != text {
                diagnostics.error(
                    at.clone(),
                    format!("code {} is blank or has spaces around it", quoted(text)),
                    Some(if text.trim().is_empty() {
                        "leave `code` out where the documentation gives none".to_owned()
                    } else {
                        format!("write `code = {}`", quoted(text.trim()))
                    }),
                );
                return None;
            }
            (Code::Text(text.clone()), Kind::Text)
        }
    };
    match seen.kind {
        None => seen.kind = Some((kind, line)),
        Some((first, first_line)) if first != kind => {
            let help = match (&code, first) {
                (Code::Text(text), Kind::Integer) if text.parse::<i64>().is_ok() => {
                    format!("drop the quotes: `code = {}`", shorten(text, QUOTE_LIMIT))
                }
                (Code::Text(_), _) => "quote every code of the table, or none".to_owned(),
                (Code::Integer(number), _) => format!("quote it: `code = \"{number}\"`"),
            };
            let (this, table) = match kind {
                Kind::Integer => ("an integer", "strings"),
                Kind::Text => ("a string", "integers"),
            };
            diagnostics.error(
                at.clone(),
                format!(
                    "code {} is {this}, but the table's codes are {table} (from the row at line {first_line})",
                    match &code {
                        Code::Integer(number) => number.to_string(),
                        Code::Text(text) => quoted(text),
                    }
                ),
                Some(format!("a table's codes are all integers or all strings: {help}")),
            );
            return None;
        }
        Some(_) => {}
    }
    if let (Code::Integer(number), Some(status), true) = (&code, status, codes_start_with_status) {
        check_code_starts_with_status(*number, status, at, diagnostics);
    }
    Some(code)
}

fn check_code_starts_with_status(
    code: i64,
    status: u16,
    at: &std::ops::Range<usize>,
    diagnostics: &mut Diagnostics<'_>,
) {
    if !code_starts_with_status(code, status) {
        diagnostics.error(
            at.clone(),
            format!("code {code} does not start with its status {status}"),
            Some(
                "documented codes begin with their status (4011 is a 401): check both values, or set `codes_start_with_status = false` under `[api]` if this table does not follow that convention"
                    .to_owned(),
            ),
        );
    }
}

fn check_status_text(status: u16, text: &Located<String>, diagnostics: &mut Diagnostics<'_>) {
    let Some(reason) = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    else {
        return;
    };
    if text.value != reason {
        diagnostics.error(
            text.at.clone(),
            format!(
                "status_text {} does not match the reason phrase of {status}, {reason:?}",
                quoted(&text.value)
            ),
            Some(format!("write `status_text = \"{reason}\"`")),
        );
    }
}

/// Two rows with the same status, code (or none) and description could not be told apart:
/// the response side narrows by status and code, then picks by message.
fn check_rows_differ(
    status: u16,
    code: Option<&Code>,
    description: &Located<String>,
    line: usize,
    seen: &mut Seen,
    diagnostics: &mut Diagnostics<'_>,
) {
    let key = (status, code.cloned(), description.value.trim().to_owned());
    if let Some(first) = seen.rows_by_key.get(&key) {
        let message = match code {
            Some(code) => format!(
                "this row has the same status ({status}), code ({}) and description as the row at line {first}",
                shorten(&code.to_string(), QUOTE_LIMIT)
            ),
            None => format!(
                "this row has the same status ({status}) and description as the row at line {first}, and neither has a code"
            ),
        };
        let help = match code {
            Some(_) => {
                "a response could not be told apart between them: merge the rows, or tell them apart by description"
            }
            None => {
                "a response could not be told apart between them: merge the rows, or give one a code"
            }
        };
        diagnostics.error(description.at.clone(), message, Some(help.to_owned()));
    } else {
        seen.rows_by_key.insert(key, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `parse` then `validate` on `text`: the table and every message, in file order.
    fn check(text: &str) -> (Table, Vec<String>) {
        let checked = crate::check("t.toml", text);
        let errors = checked
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        (checked.table, errors)
    }

    fn row(name: &str, code: Option<i64>, status: i64, text: &str, description: &str) -> String {
        let code = code.map_or_else(String::new, |c| format!("code = {c}\n"));
        format!(
            "[[error]]\nname = {name:?}\n{code}status = {status}\nstatus_text = {text:?}\ndescription = {description:?}\n"
        )
    }

    fn spec(rows: &[String]) -> String {
        format!("[api]\nname = \"Test\"\n{}", rows.concat())
    }

    #[test]
    fn a_header_without_rows_is_a_table_being_started() {
        let header = spec(&[]);
        assert!(crate::check_allowing_no_rows("t.toml", &header).is_valid());
        let (_, errors) = check(&header);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("the spec has no rows"), "{errors:?}");
        // Every other rule still holds.
        let broken = spec(&[row("Gone", None, 404, "Not Found!", "")]);
        let checked = crate::check_allowing_no_rows("t.toml", &broken);
        assert_eq!(checked.diagnostics.len(), 1);
        assert!(
            checked.diagnostics[0]
                .message
                .starts_with("status_text \"Not Found!\"")
        );
    }

    #[test]
    fn a_valid_row_passes_unchanged() {
        let (table, errors) = check(&spec(&[row(
            "Expired",
            Some(4011),
            401,
            "Unauthorized",
            "Gone.",
        )]));
        assert!(errors.is_empty(), "{errors:?}");
        let r = &table.rows[0];
        assert_eq!(
            (r.name.as_str(), r.code.clone(), r.status, r.line),
            ("Expired", Some(Code::Integer(4011)), 401, Some(3))
        );
    }

    #[test]
    fn each_rule_has_its_own_message() {
        let cases: &[(String, &str)] = &[
            (spec(&[]), "the spec has no rows"),
            (
                spec(&[row("type", None, 400, "Bad Request", "")]),
                "is a Rust keyword",
            ),
            (
                spec(&[row("9Lives", None, 400, "Bad Request", "")]),
                "must start with an ASCII uppercase letter",
            ),
            (
                spec(&[row("ALL", None, 400, "Bad Request", "")]),
                "would clash with the generated associated item",
            ),
            (
                spec(&[
                    row("A", None, 400, "Bad Request", "x"),
                    row("A", None, 401, "Unauthorized", ""),
                ]),
                "duplicate name `A`",
            ),
            (
                spec(&[
                    row("A", Some(4001), 400, "Bad Request", ""),
                    row("B", Some(4001), 400, "Bad Request", ""),
                ]),
                "same status (400), code (4001) and description as the row at line 3",
            ),
            (
                spec(&[
                    row("A", Some(4001), 400, "Bad Request", ""),
                    row("B", None, 400, "Bad Request", "")
                        .replace("status =", "code = \"4002\"\nstatus ="),
                ]),
                "code \"4002\" is a string, but the table's codes are integers (from the row at line 3)",
            ),
            (
                spec(&[row("A", None, 400, "Bad Request", "")
                    .replace("status =", "code = \" x\"\nstatus =")]),
                "code \" x\" is blank or has spaces around it",
            ),
            (
                spec(&[row("A", None, 299, "Whatever", "")]),
                "status 299 is not an error status",
            ),
            (
                spec(&[row("A", None, 401, "Unauthorised", "")]),
                "does not match the reason phrase of 401, \"Unauthorized\"",
            ),
            (
                spec(&[row("A", Some(4011), 400, "Bad Request", "")]),
                "code 4011 does not start with its status 400",
            ),
            (
                spec(&[
                    row("A", None, 400, "Bad Request", "Same."),
                    row("B", None, 400, "Bad Request", "Same. "),
                ]),
                "same status (400) and description as the row at line 3",
            ),
        ];
        for (text, expected) in cases {
            let (_, errors) = check(text);
            assert_eq!(errors.len(), 1, "{text}\n{errors:?}");
            assert!(
                errors[0].contains(expected),
                "expected {expected:?} in {}",
                errors[0]
            );
        }
    }

    #[test]
    fn codes_may_be_strings_wide_integers_and_repeat_where_rows_differ() {
        let text = |code: &str| format!("code = {code}\nstatus =");
        let (table, errors) = check(&spec(&[
            row("Stale", None, 304, "Not Modified", "Read.")
                .replace("status =", &text("\"ConditionNotMet\"")),
            row("Failed", None, 412, "Precondition Failed", "Write.")
                .replace("status =", &text("\"ConditionNotMet\"")),
            row("Again", None, 412, "Precondition Failed", "Again.")
                .replace("status =", &text("\"ConditionNotMet\"")),
        ]));
        assert!(errors.is_empty(), "{errors:?}");
        let codes: Vec<_> = table.rows.iter().map(|r| r.code.clone()).collect();
        assert_eq!(codes, vec![Some(Code::Text("ConditionNotMet".into())); 3]);

        // 520006 and 70011 are real codes of public APIs, wider than a u16.
        let (table, errors) = check(
            &spec(&[
                row("A", Some(520_006), 400, "Bad Request", ""),
                row("B", Some(70_011), 401, "Unauthorized", ""),
                row(
                    "C",
                    Some(-32_600),
                    400,
                    "Bad Request",
                    "JSON-RPC's invalid request.",
                ),
            ])
            .replace("[api]\n", "[api]\ncodes_start_with_status = false\n"),
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(table.rows[0].code, Some(Code::Integer(520_006)));
        assert_eq!(table.rows[2].code, Some(Code::Integer(-32_600)));
    }

    #[test]
    fn a_text_table_is_told_to_quote_an_integer_and_an_integer_table_to_drop_quotes() {
        let coded = |code: &str| {
            row("B", None, 400, "Bad Request", "b")
                .replace("status =", &format!("code = {code}\nstatus ="))
        };
        let (_, errors) = check(&spec(&[
            row("A", None, 400, "Bad Request", "a").replace("status =", "code = \"E1\"\nstatus ="),
            coded("4002"),
        ]));
        assert!(
            errors[0].ends_with("quote it: `code = \"4002\"`"),
            "{errors:?}"
        );
        let (_, errors) = check(&spec(&[
            row("A", Some(4001), 400, "Bad Request", "a"),
            coded("\"4002\""),
        ]));
        assert!(
            errors[0].ends_with("drop the quotes: `code = 4002`"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_code_prefix_rule_can_be_switched_off() {
        let text = spec(&[row("A", Some(17), 400, "Bad Request", "")])
            .replace("[api]\n", "[api]\ncodes_start_with_status = false\n");
        assert!(check(&text).1.is_empty());
    }

    #[test]
    fn statuses_without_a_standard_phrase_accept_any_text() {
        assert!(
            check(&spec(&[row("A", None, 499, "Client Closed Request", "")]))
                .1
                .is_empty()
        );
    }

    #[test]
    fn all_errors_are_reported_and_the_skeleton_keeps_usable_rows() {
        let text = spec(&[
            row("Good", None, 404, "Not Found", ""),
            row("fn", None, 600, "Nope", ""),
            row("AlsoGood", Some(99), 400, "Bad Request", ""),
        ]);
        let (table, errors) = check(&text);
        assert_eq!(errors.len(), 3, "{errors:?}");
        let names: Vec<&str> = table.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Good", "AlsoGood"]);
    }
}
