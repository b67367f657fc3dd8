//! Synthetic tables of N rows: a spec for `#[error_table]` and the same table written by hand.
//!
//! Rows are named `Error00001`…, cycle the status through ten 4xx/5xx statuses with their
//! reason phrases, have unique codes 1..=N (so `codes_start_with_status = false`) and unique
//! descriptions. The hand-written side is what a user writes without nexus-errors: a
//! `thiserror` enum with a doc line per variant, `ALL`, `COUNT`, and a `match` for `name`,
//! `code`, `status`, `status_text`, `description`, `from_code`, `with_status` and `from_name`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

const STATUSES: [(u16, &str); 10] = [
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (409, "Conflict"),
    (422, "Unprocessable Entity"),
    (429, "Too Many Requests"),
    (500, "Internal Server Error"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
];

struct Row {
    name: String,
    code: usize,
    status: u16,
    status_text: &'static str,
    description: String,
}

fn rows(n: usize) -> Vec<Row> {
    (1..=n)
        .map(|i| {
            let (status, status_text) = STATUSES[(i - 1) % STATUSES.len()];
            Row {
                name: format!("Error{i:05}"),
                code: i,
                status,
                status_text,
                description: format!("Synthetic error number {i}, for status {status}."),
            }
        })
        .collect()
}

/// The spec of a synthetic table of `n` rows.
pub fn spec(n: usize) -> String {
    let mut out =
        String::from("[api]\nname = \"Synthetic API\"\ncodes_start_with_status = false\n");
    for row in rows(n) {
        let Row {
            name,
            code,
            status,
            status_text,
            description,
        } = row;
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "\n[[error]]\nname = \"{name}\"\ncode = {code}\nstatus = {status}\n\
             status_text = \"{status_text}\"\ndescription = \"{description}\"\n"
        );
    }
    out
}

/// The hand-written crate root equivalent to `spec(n)`.
pub fn hand_written(n: usize) -> String {
    let rows = rows(n);
    let mut out = String::from(
        "//! Hand-written equivalent of a synthetic error table.\n\n/// The API's errors.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]\n\
         #[non_exhaustive]\npub enum ApiError {\n",
    );
    for Row {
        name,
        code,
        status,
        status_text,
        description,
    } in &rows
    {
        let _ = write!(
            out,
            "    /// **{status} {status_text}**, code `{code}`: {description}\n\
             \x20   #[error(\"{status} {status_text} [{code}]: {description}\")]\n    {name},\n"
        );
    }
    let all: Vec<String> = rows
        .iter()
        .map(|row| format!("Self::{}", row.name))
        .collect();
    let _ = write!(
        out,
        "}}\n\nimpl ApiError {{\n    /// Every variant, in order.\n    \
         pub const ALL: &'static [Self] = &[{}];\n    \
         /// How many variants there are.\n    pub const COUNT: usize = {n};\n",
        all.join(", ")
    );
    accessors(&mut out, &rows);
    lookups(&mut out, &rows);
    out.push_str("}\n");
    out
}

fn accessors(out: &mut String, rows: &[Row]) {
    let arms = |value: &dyn Fn(&Row) -> String| -> Vec<(String, String)> {
        rows.iter()
            .map(|row| (format!("Self::{}", row.name), value(row)))
            .collect()
    };
    let name = arms(&|row| format!("\"{}\"", row.name));
    let code = arms(&|row| format!("Some({})", row.code));
    let status = arms(&|row| row.status.to_string());
    let status_text = arms(&|row| format!("\"{}\"", row.status_text));
    let description = arms(&|row| format!("\"{}\"", row.description));
    function(
        out,
        "The variant's name.",
        "const fn name(self) -> &'static str",
        "self",
        &name,
        None,
    );
    function(
        out,
        "The documented code.",
        "const fn code(self) -> Option<u16>",
        "self",
        &code,
        None,
    );
    function(
        out,
        "The HTTP status.",
        "const fn status(self) -> u16",
        "self",
        &status,
        None,
    );
    let signature = "const fn status_text(self) -> &'static str";
    function(
        out,
        "The status text.",
        signature,
        "self",
        &status_text,
        None,
    );
    let signature = "const fn description(self) -> &'static str";
    function(
        out,
        "The description.",
        signature,
        "self",
        &description,
        None,
    );
}

fn lookups(out: &mut String, rows: &[Row]) {
    let by_code: Vec<_> = rows
        .iter()
        .map(|row| (row.code.to_string(), format!("Some(Self::{})", row.name)))
        .collect();
    let signature = "const fn from_code(code: u16) -> Option<Self>";
    function(
        out,
        "The variant with this code.",
        signature,
        "code",
        &by_code,
        Some("None"),
    );

    let mut groups: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    for row in rows {
        groups
            .entry(row.status)
            .or_default()
            .push(format!("Self::{}", row.name));
    }
    let by_status: Vec<_> = groups
        .into_iter()
        .map(|(status, variants)| (status.to_string(), format!("&[{}]", variants.join(", "))))
        .collect();
    let signature = "const fn with_status(status: u16) -> &'static [Self]";
    function(
        out,
        "The variants with this status.",
        signature,
        "status",
        &by_status,
        Some("&[]"),
    );

    let by_name: Vec<_> = rows
        .iter()
        .map(|row| {
            (
                format!("\"{}\"", row.name),
                format!("Some(Self::{})", row.name),
            )
        })
        .collect();
    let signature = "fn from_name(name: &str) -> Option<Self>";
    function(
        out,
        "The variant with this name.",
        signature,
        "name",
        &by_name,
        Some("None"),
    );
}

/// `pub SIGNATURE { match SCRUTINEE { ARMS, _ => DEFAULT } }`, documented.
fn function(
    out: &mut String,
    doc: &str,
    signature: &str,
    scrutinee: &str,
    arms: &[(String, String)],
    default: Option<&str>,
) {
    let _ = write!(
        out,
        "    /// {doc}\n    #[must_use]\n    pub {signature} {{\n        match {scrutinee} {{\n"
    );
    for (pattern, value) in arms {
        let _ = writeln!(out, "            {pattern} => {value},");
    }
    if let Some(default) = default {
        let _ = writeln!(out, "            _ => {default},");
    }
    out.push_str("        }\n    }\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_rows_cycle_statuses_with_unique_codes() {
        let spec = spec(11);
        assert!(
            spec.starts_with("[api]\nname = \"Synthetic API\"\ncodes_start_with_status = false\n")
        );
        assert_eq!(spec.matches("[[error]]").count(), 11);
        assert!(spec.contains(
            "[[error]]\nname = \"Error00001\"\ncode = 1\nstatus = 400\nstatus_text = \"Bad Request\"\n\
             description = \"Synthetic error number 1, for status 400.\"\n"
        ));
        assert!(spec.contains(
            "name = \"Error00010\"\ncode = 10\nstatus = 503\nstatus_text = \"Service Unavailable\""
        ));
        assert!(spec.contains("name = \"Error00011\"\ncode = 11\nstatus = 400\n"));
    }

    #[test]
    fn hand_written_has_every_item_for_every_row() {
        let code = hand_written(11);
        assert!(code.contains(
            "    /// **401 Unauthorized**, code `2`: Synthetic error number 2, for status 401.\n    \
             #[error(\"401 Unauthorized [2]: Synthetic error number 2, for status 401.\")]\n    Error00002,\n"
        ));
        assert!(code.contains("pub const COUNT: usize = 11;"));
        assert!(
            code.contains("pub const ALL: &'static [Self] = &[Self::Error00001, Self::Error00002,")
        );
        for signature in [
            "fn name(",
            "fn code(",
            "fn status(",
            "fn status_text(",
            "fn description(",
            "fn from_code(",
            "fn with_status(",
            "fn from_name(",
        ] {
            assert_eq!(code.matches(signature).count(), 1, "{signature}");
        }
        assert!(code.contains("            400 => &[Self::Error00001, Self::Error00011],\n"));
        assert!(code.contains(
            "            \"Error00011\" => Some(Self::Error00011),\n            _ => None,\n"
        ));
        assert!(
            code.contains("            11 => Some(Self::Error00011),\n            _ => None,\n")
        );
        assert_eq!(code.matches('{').count(), code.matches('}').count());
    }
}
