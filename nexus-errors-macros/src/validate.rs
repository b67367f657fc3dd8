//! Stage 3 — validate: the rules a table must follow, each with its own message.
//!
//! Always returns a table: on errors it is a skeleton (rows with unusable names dropped,
//! unusable values replaced) so the macro can still emit the items and the user sees the
//! spec errors rather than a cascade of errors about missing items.

use std::collections::HashMap;

use crate::diagnostic::Diagnostics;
use crate::model::{Row, Table};
use crate::parse::{Located, RawRow, RawSpec};
use crate::read::SpecFile;

/// Names that would collide with the associated items generated on the enum.
const RESERVED: &[&str] = &["ALL", "COUNT", "ROWS"];

pub fn validate(file: &SpecFile, raw: RawSpec, diagnostics: &mut Diagnostics<'_>) -> Table {
    let codes_start_with_status = raw
        .api
        .as_ref()
        .and_then(|api| api.codes_start_with_status.as_ref())
        .is_none_or(|flag| flag.value);
    let had_rows = !raw.rows.is_empty();
    if raw.api.is_none() && !raw.reported.contains(&"api") {
        diagnostics.error(
            0..0,
            "the spec has no `[api]` section",
            Some("start the file with `[api]` and `name = \"…\"`".to_owned()),
        );
    }
    let api_name = raw
        .api
        .as_ref()
        .and_then(|a| a.name.as_ref())
        .map_or_else(String::new, |n| n.value.clone());
    let source = raw.api.and_then(|a| a.source).map(|s| s.value);

    let mut rows = Vec::with_capacity(raw.rows.len());
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut codes: HashMap<u16, usize> = HashMap::new();
    // (status, description) of rows without a code: the response side tells them apart by message.
    let mut uncoded: HashMap<(u16, String), usize> = HashMap::new();

    for raw_row in raw.rows {
        let line = diagnostics.line_of(raw_row.at.start);
        let name = check_name(&raw_row, &names, diagnostics);
        let status = check_status(&raw_row, diagnostics);
        let code = check_code(
            &raw_row,
            status,
            codes_start_with_status,
            &codes,
            diagnostics,
        );
        if let (Some(status), Some(text)) = (status, &raw_row.status_text) {
            check_status_text(status, text, diagnostics);
        }
        let description = raw_row
            .description
            .as_ref()
            .map_or_else(String::new, |d| d.value.clone());
        if let (Some(status), None, Some(located)) = (status, &raw_row.code, &raw_row.description) {
            let key = (status, located.value.trim().to_owned());
            if let Some(first) = uncoded.get(&key) {
                diagnostics.error(
                    located.at.clone(),
                    format!(
                        "this row has the same status ({status}) and description as the row at line {first}, and neither has a code"
                    ),
                    Some("a response could not be told apart between them: merge the rows, or give one a code".to_owned()),
                );
            } else {
                uncoded.insert(key, line);
            }
        }
        if let Some(name) = &name {
            names.insert(name.clone(), line);
        }
        if let Some(code) = code {
            codes.insert(code, line);
        }
        if let Some(name) = name {
            rows.push(Row {
                name,
                code,
                status: status.unwrap_or(500),
                status_text: raw_row.status_text.map_or_else(String::new, |t| t.value),
                description,
                notes: raw_row.notes.into_iter().map(|n| n.value).collect(),
                line,
            });
        }
    }

    if !had_rows && !raw.reported.contains(&"error") {
        diagnostics.error(
            raw.rows_at,
            "the spec has no rows",
            Some(
                "add at least one `[[error]]` row with name, status, status_text and description"
                    .to_owned(),
            ),
        );
    }

    Table {
        file: file.shown.clone(),
        resolved: Some(file.resolved.display().to_string()),
        api_name,
        source,
        rows,
    }
}

fn check_name(
    row: &RawRow,
    seen: &HashMap<String, usize>,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<String> {
    let Located { value: name, at } = row.name.as_ref()?;
    if let Some(first) = seen.get(name) {
        diagnostics.error(
            at.clone(),
            format!("duplicate name `{name}`: the row at line {first} already uses it"),
            Some("every row needs its own name; it becomes the enum variant".to_owned()),
        );
        return None;
    }
    if let Err(problem) = check_identifier(name) {
        diagnostics.error(
            at.clone(),
            format!("name {name:?} {problem}"),
            Some(name_help(name)),
        );
        return None;
    }
    Some(name.clone())
}

/// Why `name` cannot be a variant, if it cannot.
fn check_identifier(name: &str) -> Result<(), String> {
    if name.starts_with("r#") {
        return Err("is a raw identifier".to_owned());
    }
    match syn::parse_str::<syn::Ident>(name) {
        Ok(_) if RESERVED.contains(&name) => Err(format!(
            "would clash with the generated associated item `{name}`"
        )),
        Ok(_) => Ok(()),
        Err(_) if is_keyword(name) => Err("is a Rust keyword".to_owned()),
        Err(_) => Err("is not a valid Rust identifier".to_owned()),
    }
}

fn is_keyword(name: &str) -> bool {
    syn::parse_str::<syn::Ident>(&format!("r#{name}")).is_ok()
        || matches!(name, "self" | "Self" | "super" | "crate")
}

/// Suggests an UpperCamelCase identifier built from the words of `name`.
fn name_help(name: &str) -> String {
    let camel: String = name
        .trim_start_matches("r#")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect();
    match camel.chars().next() {
        Some(first) if !first.is_ascii_digit() && check_identifier(&camel).is_ok() && camel != name => {
            format!("names become enum variants: use UpperCamelCase, e.g. `{camel}`")
        }
        _ => "names become enum variants: use an UpperCamelCase identifier such as `SessionTokenExpired`".to_owned(),
    }
}

fn check_status(row: &RawRow, diagnostics: &mut Diagnostics<'_>) -> Option<u16> {
    let Located { value, at } = row.status.as_ref()?;
    match u16::try_from(*value) {
        Ok(status @ 400..=599) => Some(status),
        _ => {
            diagnostics.error(
                at.clone(),
                format!("status {value} is not an error status: it must be in 400..=599"),
                Some("a table lists client (4xx) and server (5xx) errors only".to_owned()),
            );
            None
        }
    }
}

fn check_code(
    row: &RawRow,
    status: Option<u16>,
    codes_start_with_status: bool,
    seen: &HashMap<u16, usize>,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<u16> {
    let Located { value, at } = row.code.as_ref()?;
    let Ok(code @ 1..) = u16::try_from(*value) else {
        diagnostics.error(
            at.clone(),
            format!(
                "code {value} is out of range: codes must be in 1..={}",
                u16::MAX
            ),
            Some("leave `code` out where the documentation says null".to_owned()),
        );
        return None;
    };
    if let Some(first) = seen.get(&code) {
        diagnostics.error(
            at.clone(),
            format!("duplicate code {code}: the row at line {first} already uses it"),
            Some("a code names one row; the response side looks rows up by it".to_owned()),
        );
        return None;
    }
    if let Some(status) = status {
        let digits = code.to_string();
        if codes_start_with_status && !digits.starts_with(&status.to_string()) {
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
    Some(code)
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
                "status_text {:?} does not match the reason phrase of {status}, {reason:?}",
                text.value
            ),
            Some(format!("write `status_text = \"{reason}\"`")),
        );
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::parse::parse;
    use proc_macro2::Span;

    /// Runs `parse` then `validate` on `text`: the table and every message, in file order.
    pub(crate) fn check(text: &str) -> (Table, Vec<String>) {
        let file = SpecFile {
            shown: "t.toml".into(),
            resolved: "/t.toml".into(),
            text: text.into(),
        };
        let mut diagnostics = Diagnostics::new("t.toml", text, Span::call_site());
        let raw = parse(text, &mut diagnostics);
        let table = validate(&file, raw, &mut diagnostics);
        let errors = diagnostics
            .finish()
            .map_or_else(Vec::new, |e| e.into_iter().map(|e| e.to_string()).collect());
        (table, errors)
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
            (r.name.as_str(), r.code, r.status, r.line),
            ("Expired", Some(4011), 401, 3)
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
                "is not a valid Rust identifier",
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
                "duplicate code 4001",
            ),
            (
                spec(&[row("A", Some(70000), 400, "Bad Request", "")]),
                "code 70000 is out of range",
            ),
            (
                spec(&[row("A", Some(0), 400, "Bad Request", "")]),
                "code 0 is out of range",
            ),
            (
                spec(&[row("A", None, 302, "Found", "")]),
                "status 302 is not an error status",
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

    #[test]
    fn name_help_suggests_camel_case() {
        assert!(name_help("session_token-expired").contains("`SessionTokenExpired`"));
        assert!(name_help("42").contains("such as"));
    }
}
