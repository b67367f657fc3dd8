//! Rustdoc text for the generated items, built from the table's rows.

use std::fmt::Write as _;

use nexus_errors_spec::{Api, Row};

/// The enum's documentation after the user's own: where it comes from and the whole table.
pub fn enum_doc<'a>(file: &str, api: &Api, rows: impl Iterator<Item = &'a Row>) -> String {
    let mut doc = String::new();
    let source = &api.source;
    let api = if api.name.is_empty() {
        "the API's".to_owned()
    } else {
        format!("the {}", escape(&api.name))
    };
    let _ = write!(doc, "One variant per row of {api} error table, `{file}`");
    match source {
        Some(source) => {
            let _ = writeln!(doc, " (from <{source}>).");
        }
        None => doc.push_str(".\n"),
    }
    doc.push_str(
        "\nGenerated at compile time by `nexus-errors`: edit the spec, not this type. \
         Act on the HTTP status; the documentation says codes and messages may change.\n\n",
    );
    doc.push_str("| Variant | Code | Status | Description |\n|---|---|---|---|\n");
    for row in rows {
        let code = row
            .code
            .as_ref()
            .map_or_else(|| "—".to_owned(), |c| escape(&c.to_string()));
        let _ = writeln!(
            doc,
            "| [`{name}`](Self::{name}) | {code} | {} {} | {} |",
            row.status,
            escape(&row.status_text),
            escape(&row.description),
            name = row.name,
        );
    }
    doc
}

/// A variant's documentation: its columns, notes and where it is in the spec.
pub fn variant_doc(file: &str, row: &Row) -> String {
    let mut doc = format!("**{} {}**", row.status, escape(&row.status_text));
    if let Some(code) = &row.code {
        let _ = write!(doc, ", code `{code}`");
    }
    if row.description.is_empty() {
        doc.push_str(" (the documentation gives no description).");
    } else {
        let _ = write!(doc, ": {}", escape(&row.description));
    }
    if !row.notes.is_empty() {
        doc.push_str("\n\nNotes:\n");
        for note in &row.notes {
            let _ = writeln!(doc, "- {}", escape(note));
        }
    }
    if let Some(line) = row.line {
        let _ = write!(doc, "\n\nRow at `{file}` line {line}.");
    }
    doc
}

/// Escapes text from the spec so Markdown and rustdoc show it as written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_are_escaped() {
        assert_eq!(
            escape("a|b <c> [d] *e* x_y"),
            r"a\|b &lt;c&gt; \[d\] \*e\* x\_y"
        );
        assert_eq!(escape("two\nlines"), "two lines");
    }
}
