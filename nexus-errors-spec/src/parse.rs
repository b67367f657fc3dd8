//! Stage 2 — parse: TOML text into the raw shape of a spec, every value with its byte range.
//!
//! This stage knows the keys and their types; it does not judge values (that is `validate`).
//! It walks toml's spanned document itself instead of deriving `Deserialize`, because serde
//! stops at the first problem and we report every problem at once.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostics;
use crate::model::Column;
use crate::suggest::did_you_mean;
use crate::text::{QUOTE_LIMIT, shorten};

/// A value and the byte range it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it is in the spec's text.
    pub at: Range<usize>,
}

/// What parsing made of a top-level section, so `validate` knows whether to call it missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section<T> {
    /// The spec does not have it.
    Absent,
    /// It is there but unusable, and the problem is already reported (a syntax error, a wrong
    /// type, or an unknown key that looks like a misspelling of it).
    Reported,
    /// It is there; anything wrong inside it is reported, and what could be read is kept.
    Present(T),
}

impl<T> Section<T> {
    fn mark_reported(&mut self) {
        if let Section::Absent = self {
            *self = Section::Reported;
        }
    }
}

/// The spec as parsed: each section, every value with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSpec {
    /// The `[api]` header.
    pub api: Section<RawApi>,
    /// The `[[error]]` rows.
    pub rows: Section<RawRows>,
}

/// The `[api]` header as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawApi {
    /// The header's table.
    pub at: Range<usize>,
    /// `name`.
    pub name: Option<Located<String>>,
    /// `source`.
    pub source: Option<Located<String>>,
    /// `codes_start_with_status`.
    pub codes_start_with_status: Option<Located<bool>>,
    /// `body`.
    pub body: Option<RawBody>,
}

/// The `body` key as written: a preset's name, or pointers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawBody {
    /// `body = "oauth"`.
    Preset(Located<String>),
    /// `body = { code = [...], message = [...] }`: each list absent or its strings.
    Pointers {
        /// The whole table.
        at: Range<usize>,
        /// `code`.
        code: Option<Vec<Located<String>>>,
        /// `message`.
        message: Option<Vec<Located<String>>>,
    },
}

/// A code as written: a TOML integer or a TOML string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawCode {
    /// `code = 4011`.
    Integer(i128),
    /// `code = "card_declined"`.
    Text(String),
}

/// The `error` array: the rows that are tables, and where the array is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRows {
    /// The whole array.
    pub at: Range<usize>,
    /// Its tables, in order; items that are not tables are reported and left out.
    pub rows: Vec<RawRow>,
}

/// One `[[error]]` row as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// The row's `[[error]]` header.
    pub at: Range<usize>,
    /// `name`.
    pub name: Option<Located<String>>,
    /// `code`.
    pub code: Option<Located<RawCode>>,
    /// `status`.
    pub status: Option<Located<i128>>,
    /// `status_text`.
    pub status_text: Option<Located<String>>,
    /// `description`.
    pub description: Option<Located<String>>,
    /// `notes`: the items that are strings.
    pub notes: Vec<Located<String>>,
}

/// The keys of the top level.
pub const TOP_KEYS: &[&str] = &["api", "error"];
/// The keys of `[api]`.
pub const API_KEYS: &[&str] = &["name", "source", CODES_START_WITH_STATUS, BODY];
/// The `[api]` key that says where an error body keeps its code and message.
pub const BODY: &str = "body";
/// The keys of a `body` table.
pub const BODY_KEYS: &[&str] = &["code", "message"];
/// The `[api]` key that says whether codes must begin with their status.
pub const CODES_START_WITH_STATUS: &str = "codes_start_with_status";
/// The keys of an `[[error]]` row.
pub const ROW_KEYS: &[&str] = &[
    "name",
    Column::Code.key(),
    Column::Status.key(),
    Column::StatusText.key(),
    Column::Description.key(),
    Column::Notes.key(),
];

/// Parses the spec text. Problems go to `diagnostics`; the result holds what could be read.
pub fn parse(text: &str, diagnostics: &mut Diagnostics<'_>) -> RawSpec {
    let (document, mut syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        syntax_errors.sort_by_key(|error| error.span().map(|at| at.start));
        // Later stages would only report echoes of a syntax error; so would the parser's
        // further errors on the line of the first (a bracket left open gives one per bracket).
        let mut lines_reported = std::collections::HashSet::new();
        for error in syntax_errors {
            let at = error.span().unwrap_or(0..0);
            if !lines_reported.insert(diagnostics.line_of(at.start)) {
                continue;
            }
            diagnostics.error(
                at,
                format!(
                    "TOML syntax error: {}",
                    shorten(error.message().trim_end(), 4 * QUOTE_LIMIT)
                ),
                Some("see https://toml.io for the syntax".to_owned()),
            );
        }
        return RawSpec {
            api: Section::Reported,
            rows: Section::Reported,
        };
    }

    let mut spec = RawSpec {
        api: Section::Absent,
        rows: Section::Absent,
    };
    for (key, value) in document.get_ref() {
        match key.get_ref().as_ref() {
            "api" => spec.api = parse_api(value, diagnostics),
            "error" => spec.rows = parse_rows(value, diagnostics),
            // A misspelling is reported with a "did you mean"; the section is not also missing.
            _ => match unknown_key(key, TOP_KEYS, "the top level", diagnostics) {
                Some("api") => spec.api.mark_reported(),
                Some(_) => spec.rows.mark_reported(),
                None => {}
            },
        }
    }
    spec
}

fn parse_api(value: &Spanned<DeValue<'_>>, diagnostics: &mut Diagnostics<'_>) -> Section<RawApi> {
    let DeValue::Table(table) = value.get_ref() else {
        wrong_type(
            "api",
            value,
            "a table",
            "write it as an `[api]` section",
            diagnostics,
        );
        return Section::Reported;
    };
    let mut api = RawApi {
        at: value.span(),
        name: None,
        source: None,
        codes_start_with_status: None,
        body: None,
    };
    let mut misspelled = Vec::new();
    for (key, value) in table {
        match key.get_ref().as_ref() {
            "name" => api.name = string("name", value, diagnostics),
            "source" => api.source = string("source", value, diagnostics),
            CODES_START_WITH_STATUS => {
                api.codes_start_with_status = boolean(CODES_START_WITH_STATUS, value, diagnostics)
            }
            BODY => api.body = body(value, diagnostics),
            _ => misspelled.extend(unknown_key(key, API_KEYS, "`[api]`", diagnostics)),
        }
    }
    // A misspelling of `name` is already reported with a "did you mean".
    if api.name.is_none()
        && !table.keys().any(|k| k.get_ref() == "name")
        && !misspelled.contains(&"name")
    {
        diagnostics.error(
            api.at.clone(),
            "`[api]` has no `name`",
            Some("add `name = \"…\"`, the API's name as its documentation gives it".to_owned()),
        );
    }
    Section::Present(api)
}

/// The rows: `Reported` when `error` is not an array or none of its items is a table.
fn parse_rows(value: &Spanned<DeValue<'_>>, diagnostics: &mut Diagnostics<'_>) -> Section<RawRows> {
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(
            "error",
            value,
            "an array of tables",
            "write each row under its own `[[error]]` header",
            diagnostics,
        );
        return Section::Reported;
    };
    let rows: Vec<RawRow> = items
        .iter()
        .filter_map(|row| parse_row(row, diagnostics))
        .collect();
    if rows.is_empty() && !items.is_empty() {
        return Section::Reported;
    }
    Section::Present(RawRows {
        at: value.span(),
        rows,
    })
}

fn parse_row(value: &Spanned<DeValue<'_>>, diagnostics: &mut Diagnostics<'_>) -> Option<RawRow> {
    let DeValue::Table(table) = value.get_ref() else {
        wrong_type(
            "error",
            value,
            "a table",
            "write each row under its own `[[error]]` header",
            diagnostics,
        );
        return None;
    };
    let mut row = RawRow {
        at: value.span(),
        name: None,
        code: None,
        status: None,
        status_text: None,
        description: None,
        notes: Vec::new(),
    };
    let mut misspelled = Vec::new();
    for (key, value) in table {
        match key.get_ref().as_ref() {
            "name" => row.name = string("name", value, diagnostics),
            "code" => row.code = code(value, diagnostics),
            "status" => row.status = integer("status", value, diagnostics),
            "status_text" => row.status_text = string("status_text", value, diagnostics),
            "description" => row.description = string("description", value, diagnostics),
            "notes" => row.notes = notes(value, diagnostics),
            _ => misspelled.extend(unknown_key(
                key,
                ROW_KEYS,
                "an `[[error]]` row",
                diagnostics,
            )),
        }
    }
    for (key, example) in [
        ("name", "name = \"SessionTokenExpired\""),
        ("status", "status = 401"),
        ("status_text", "status_text = \"Unauthorized\""),
        ("description", "description = \"…\" (it may be empty)"),
    ] {
        // A misspelling of the key is already reported with a "did you mean".
        if !table.keys().any(|k| k.get_ref() == key) && !misspelled.contains(&key) {
            diagnostics.error(
                row.at.clone(),
                format!("this row has no `{key}`"),
                Some(format!("add `{example}`")),
            );
        }
    }
    Some(row)
}

fn string(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<Located<String>> {
    match value.get_ref() {
        DeValue::String(s) => Some(Located {
            value: s.to_string(),
            at: value.span(),
        }),
        _ => {
            wrong_type(
                key,
                value,
                "a string",
                &format!("quote it: `{key} = \"…\"`"),
                diagnostics,
            );
            None
        }
    }
}

fn boolean(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<Located<bool>> {
    match value.get_ref() {
        DeValue::Boolean(b) => Some(Located {
            value: *b,
            at: value.span(),
        }),
        _ => {
            wrong_type(
                key,
                value,
                "a boolean",
                &format!("write `{key} = true` or `{key} = false`"),
                diagnostics,
            );
            None
        }
    }
}

fn integer(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<Located<i128>> {
    let DeValue::Integer(int) = value.get_ref() else {
        let help = match value.get_ref() {
            DeValue::String(s) if s.trim().parse::<i128>().is_ok() => {
                format!(
                    "drop the quotes: `{key} = {}`",
                    shorten(s.trim(), QUOTE_LIMIT)
                )
            }
            _ => format!("write a whole number, e.g. `{key} = 400`"),
        };
        wrong_type(key, value, "an integer", &help, diagnostics);
        return None;
    };
    match i128::from_str_radix(int.as_str(), int.radix()) {
        Ok(number) => Some(Located {
            value: number,
            at: value.span(),
        }),
        Err(_) => {
            diagnostics.error(value.span(), format!("`{key}` is out of range"), None);
            None
        }
    }
}

fn code(
    value: &Spanned<DeValue<'_>>,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<Located<RawCode>> {
    let code = match value.get_ref() {
        DeValue::String(s) => RawCode::Text(s.to_string()),
        DeValue::Integer(_) => RawCode::Integer(integer("code", value, diagnostics)?.value),
        _ => {
            wrong_type(
                "code",
                value,
                "an integer or a string",
                "write the code as the documentation does: `code = 4011` or `code = \"card_declined\"`",
                diagnostics,
            );
            return None;
        }
    };
    Some(Located {
        value: code,
        at: value.span(),
    })
}

fn body(value: &Spanned<DeValue<'_>>, diagnostics: &mut Diagnostics<'_>) -> Option<RawBody> {
    match value.get_ref() {
        DeValue::String(name) => Some(RawBody::Preset(Located {
            value: name.to_string(),
            at: value.span(),
        })),
        DeValue::Table(table) => {
            let (mut code, mut message) = (None, None);
            for (key, value) in table {
                match key.get_ref().as_ref() {
                    "code" => code = Some(strings("body.code", value, diagnostics)),
                    "message" => message = Some(strings("body.message", value, diagnostics)),
                    _ => {
                        unknown_key(key, BODY_KEYS, "`body`", diagnostics);
                    }
                }
            }
            Some(RawBody::Pointers {
                at: value.span(),
                code,
                message,
            })
        }
        _ => {
            wrong_type(
                BODY,
                value,
                "a preset's name or a table of pointers",
                "write `body = \"problem-details\"`, or `body = { code = [\"/error/code\"], message = [\"/error/message\"] }`",
                diagnostics,
            );
            None
        }
    }
}

/// An array of strings; items of other types are reported and left out.
fn strings(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    diagnostics: &mut Diagnostics<'_>,
) -> Vec<Located<String>> {
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(
            key,
            value,
            "an array of strings",
            &format!(
                "write `{} = [\"…\", \"…\"]`",
                key.rsplit('.').next().unwrap_or(key)
            ),
            diagnostics,
        );
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item.get_ref() {
            DeValue::String(s) => Some(Located {
                value: s.to_string(),
                at: item.span(),
            }),
            other => {
                diagnostics.error(
                    item.span(),
                    format!(
                        "each item of `{key}` must be a string, found {}",
                        other.type_str()
                    ),
                    Some(format!(
                        "write each item as a quoted string: `{} = [\"…\", \"…\"]`",
                        key.rsplit('.').next().unwrap_or(key)
                    )),
                );
                None
            }
        })
        .collect()
}

fn notes(value: &Spanned<DeValue<'_>>, diagnostics: &mut Diagnostics<'_>) -> Vec<Located<String>> {
    strings("notes", value, diagnostics)
}

fn wrong_type(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    expected: &str,
    help: &str,
    diagnostics: &mut Diagnostics<'_>,
) {
    diagnostics.error(
        value.span(),
        format!(
            "`{key}` must be {expected}, found {}",
            value.get_ref().type_str()
        ),
        Some(help.to_owned()),
    );
}

/// Reports an unknown key; returns the known key it looks like a misspelling of, if any.
fn unknown_key(
    key: &Spanned<std::borrow::Cow<'_, str>>,
    known: &[&'static str],
    place: &str,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<&'static str> {
    let name = key.get_ref();
    let close = did_you_mean(name, known);
    let name = shorten(name, QUOTE_LIMIT);
    let help = match close {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("the keys of {place} are: {}", known.join(", ")),
    };
    diagnostics.error(
        key.span(),
        format!("unknown key `{name}` in {place}"),
        Some(help),
    );
    close
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (RawSpec, Vec<String>) {
        let mut diagnostics = Diagnostics::new("t.toml", text);
        let spec = parse(text, &mut diagnostics);
        let errors = diagnostics
            .finish()
            .iter()
            .map(ToString::to_string)
            .collect();
        (spec, errors)
    }

    fn rows(spec: &RawSpec) -> &[RawRow] {
        match &spec.rows {
            Section::Present(rows) => &rows.rows,
            _ => &[],
        }
    }

    const ROW: &str = "[api]\nname = \"A\"\n[[error]]\nname = \"X\"\ncode = 4001\nstatus = 400\nstatus_text = \"Bad Request\"\ndescription = \"d\"\nnotes = [\"n1\", \"n2\"]\n";

    #[test]
    fn a_complete_row_keeps_every_value_and_its_range() {
        let (spec, errors) = parse_text(ROW);
        assert!(errors.is_empty(), "{errors:?}");
        let row = &rows(&spec)[0];
        assert_eq!(
            row.code.as_ref().map(|c| &c.value),
            Some(&RawCode::Integer(4001))
        );
        assert_eq!(&ROW[row.code.as_ref().expect("code").at.clone()], "4001");
        assert_eq!(
            row.notes
                .iter()
                .map(|n| n.value.as_str())
                .collect::<Vec<_>>(),
            ["n1", "n2"]
        );
        let Section::Present(api) = spec.api else {
            panic!("the [api] section is parsed");
        };
        assert_eq!(api.name.map(|n| n.value).as_deref(), Some("A"));
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let text = ROW
            .replace("status = 400", "status = \"400\"")
            .replace("code = 4001", "cdoe = 4001");
        let (_, errors) = parse_text(&text);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("unknown key `cdoe`") && errors[0].contains("did you mean `code`?")
        );
        assert!(errors[1].contains("`status` must be an integer, found string"));
        assert!(errors[1].contains("drop the quotes: `status = 400`"));
    }

    #[test]
    fn an_api_header_without_a_name_gets_one_message_at_the_header() {
        const ROWS: &str = "[[error]]\nname = \"X\"\nstatus = 400\nstatus_text = \"Bad Request\"\ndescription = \"\"\n";
        for header in ["[api]\n", "[api]\nsource = \"https://example.com\"\n"] {
            let (_, errors) = parse_text(&format!("{header}{ROWS}"));
            assert_eq!(errors.len(), 1, "{header:?}: {errors:?}");
            assert!(
                errors[0].starts_with("t.toml:1:1: `[api]` has no `name`"),
                "{header:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn a_misspelled_or_mistyped_api_name_is_not_also_missing() {
        let (_, errors) = parse_text("[api]\nnmae = \"A\"\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("t.toml:2:1: unknown key `nmae` in `[api]`")
                && errors[0].ends_with("= help: did you mean `name`?"),
            "{errors:?}"
        );

        let (_, errors) = parse_text("[api]\nname = 1\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("t.toml:2:8: `name` must be a string, found integer"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_code_is_an_integer_or_a_string_and_a_status_only_an_integer() {
        let (spec, errors) = parse_text(&ROW.replace("code = 4001", "code = \"E4001\""));
        assert!(errors.is_empty(), "{errors:?}");
        let Section::Present(rows) = spec.rows else {
            panic!("rows");
        };
        assert_eq!(
            rows.rows[0].code.as_ref().map(|c| &c.value),
            Some(&RawCode::Text("E4001".to_owned()))
        );

        let (_, errors) = parse_text(&ROW.replace("code = 4001", "code = 4001.5"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("`code` must be an integer or a string, found float"),
            "{errors:?}"
        );

        let (_, errors) = parse_text(&ROW.replace("status = 400", "status = \"400\""));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].ends_with("= help: drop the quotes: `status = 400`"),
            "{errors:?}"
        );

        let (_, errors) = parse_text(&ROW.replace("status = 400", "status = \"four hundred\""));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("`status` must be an integer, found string")
                && errors[0].ends_with("= help: write a whole number, e.g. `status = 400`"),
            "{errors:?}"
        );
    }

    #[test]
    fn missing_keys_point_at_the_row_header() {
        let (_, errors) = parse_text("[api]\nname = \"A\"\n[[error]]\nname = \"X\"\n");
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors
                .iter()
                .all(|e| e.starts_with("t.toml:3:1: this row has no"))
        );
    }

    #[test]
    fn a_line_gives_at_most_one_syntax_error_the_first() {
        let text = format!("[api]\nsource = {}\n", "[".repeat(300));
        let (_, errors) = parse_text(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let unsorted = DeTable::parse_recoverable(&text).1;
        assert!(
            unsorted.len() > 1,
            "the parser reports an error per open bracket"
        );
        let first = unsorted
            .iter()
            .filter_map(|e| e.span())
            .map(|at| at.start)
            .min()
            .expect("a located error");
        let column = first - "[api]\n".len() + 1;
        assert!(
            errors[0].starts_with(&format!("t.toml:2:{column}: ")),
            "{errors:?}"
        );
    }

    #[test]
    fn help_quoting_a_value_is_bounded_too() {
        // Integer parsing takes any number of leading zeros, so this is a quoted whole number.
        let zeros = "0".repeat(3_000);
        let (_, errors) =
            parse_text(&ROW.replace("status = 400", &format!("status = \"{zeros}400\"")));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("drop the quotes: `status = 000"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].chars().count() < 400,
            "{} characters",
            errors[0].chars().count()
        );
    }

    #[test]
    fn a_syntax_error_stops_parsing() {
        let (spec, errors) = parse_text("[api\nname = 1\n");
        assert_eq!(spec.api, Section::Reported);
        assert_eq!(spec.rows, Section::Reported);
        assert!(
            errors[0].starts_with("t.toml:1:") && errors[0].contains("TOML syntax error"),
            "{errors:?}"
        );
    }
}

#[cfg(test)]
mod section_tests {
    use super::*;

    fn sections(text: &str) -> (Section<RawApi>, Section<RawRows>) {
        let mut diagnostics = Diagnostics::new("t.toml", text);
        let spec = parse(text, &mut diagnostics);
        (spec.api, spec.rows)
    }

    #[test]
    fn a_section_is_absent_reported_or_present() {
        assert!(matches!(sections(""), (Section::Absent, Section::Absent)));
        assert!(matches!(
            sections("api = 1\nerror = 2"),
            (Section::Reported, Section::Reported)
        ));
        assert!(matches!(
            sections("apii = 1\nerrors = []"),
            (Section::Reported, Section::Reported)
        ));
        assert!(matches!(
            sections("error = [1]\n[api]"),
            (Section::Present(_), Section::Reported)
        ));
        let (_, rows) = sections("error = []\n[api]");
        assert!(matches!(rows, Section::Present(RawRows { rows, .. }) if rows.is_empty()));
    }
}
