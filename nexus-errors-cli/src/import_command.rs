//! `nexus-errors import`: reads a page, merges its table into the spec, prints the report and
//! the diff, and with `--write` writes the spec, with `--check` says whether it is behind.

use std::io::{Read as _, Write as _};
use std::path::Path;

use crate::check_command::print_diagnostics;
use crate::cli::{Failure, ImportArgs};
use crate::merge::{self, Merged, Origin};
use crate::page::{self, Page};
use crate::report;
use crate::spec_edit::{self, Base, NewApi};
use crate::spec_rules::{self, Checked, Read};

/// The spec as it is on disk.
struct Current {
    text: String,
    checked: Checked,
}

/// Runs an import; see `nexus-errors import --help`.
pub fn run(args: &ImportArgs) -> Result<u8, Failure> {
    let page = read_page(&args.page)?;
    let shown = args.spec.display().to_string();
    let current = read_spec(&args.spec, &shown)?;
    let spec_rows = current
        .as_ref()
        .map_or(&[][..], |c| c.checked.table.rows.as_slice());
    let merged = merge::merge(&page.rows, spec_rows, args.prune);
    let new_text = new_text(args, &page, current.as_ref(), &merged)?;
    let old_text = current.as_ref().map_or("", |c| c.text.as_str());

    let mut stdout = anstream::stdout();
    let _ = write!(
        stdout,
        "{}\n{}",
        report::report(&page, spec_rows, &merged),
        report::diff(&shown, old_text, &new_text)
    );
    let checked = spec_rules::check(&shown, &new_text);
    if !checked.diagnostics.is_empty() {
        explain_broken_rows(&checked, &new_text, &page, &merged);
        return Err(Failure::finding(format!(
            "the spec the page gives breaks the spec's rules (above); {shown} was not written"
        )));
    }
    let differs = current.is_none() || merge::differs(&merged) || new_text != old_text;
    if args.check {
        return Ok(if differs {
            let _ = writeln!(stdout, "{shown} differs from the page.");
            1
        } else {
            let _ = writeln!(stdout, "{shown} matches the page.");
            0
        });
    }
    if args.write {
        if new_text == old_text && current.is_some() {
            let _ = writeln!(stdout, "{shown} already matches the page; nothing written.");
        } else {
            write_atomically(&args.spec, &new_text)?;
            let _ = writeln!(stdout, "Wrote {shown}.");
        }
    }
    Ok(0)
}

fn read_page(name: &str) -> Result<Page, Failure> {
    let bytes = if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
            Failure::trouble(format!("cannot read the page from standard input: {e}"))
        })?;
        bytes
    } else {
        std::fs::read(name)
            .map_err(|e| Failure::trouble(format!("cannot read the page {name}: {e}")))?
    };
    let shown = if name == "-" { "standard input" } else { name };
    page::read(&bytes).map_err(|e| Failure::trouble(format!("{shown}: {e}")))
}

/// The spec, if it exists. A spec with errors is refused: its diagnostics are printed.
fn read_spec(path: &Path, shown: &str) -> Result<Option<Current>, Failure> {
    if !path.exists() {
        return Ok(None);
    }
    let (text, checked) = match spec_rules::read(path).map_err(Failure::trouble)? {
        Read::Text(text) => {
            let checked = spec_rules::check(shown, &text);
            (text, checked)
        }
        Read::NotText(diagnostic) => (String::new(), Checked::not_text(*diagnostic)),
    };
    if !checked.diagnostics.is_empty() {
        print_diagnostics(&checked.diagnostics);
        return Err(Failure::finding(format!(
            "{shown} has errors of its own (above): fix them first, then import again"
        )));
    }
    Ok(Some(Current { text, checked }))
}

/// The spec's text after the merge.
fn new_text(
    args: &ImportArgs,
    page: &Page,
    current: Option<&Current>,
    merged: &Merged,
) -> Result<String, Failure> {
    let written = match current {
        Some(current) => {
            if args.api_name.is_some() || args.source.is_some() {
                let _ = writeln!(
                    anstream::stderr(),
                    "note: --api-name and --source name a new spec's [api]; {} keeps its own",
                    args.spec.display()
                );
            }
            spec_edit::write(Base::Existing(&current.text), &merged.entries)
        }
        None => {
            let name = args
                .api_name
                .clone()
                .or_else(|| page.title.clone())
                .ok_or_else(|| {
                    Failure::trouble(
                        "the page has no heading to name the API after: pass --api-name",
                    )
                })?;
            // A table whose codes do not begin with their status (1001 for a 402) says so,
            // or the rules would reject every such code.
            let codes_start_with_status = page.rows.iter().all(|row| {
                row.code
                    .is_none_or(|code| code.to_string().starts_with(&row.status.to_string()))
            });
            let api = NewApi {
                name,
                source: args.source.clone(),
                codes_start_with_status,
            };
            spec_edit::write(Base::New(&api), &merged.entries)
        }
    };
    written.map_err(|e| Failure::trouble(format!("{}: {e}", args.spec.display())))
}

/// Prints the diagnostics of the spec the page would give, each after the page row it comes
/// from, so the reader knows which row of the page breaks which rule.
fn explain_broken_rows(checked: &Checked, new_text: &str, page: &Page, merged: &Merged) {
    let headers: Vec<usize> = new_text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with("[[error]]"))
        .map(|(index, _)| index + 1)
        .collect();
    let mut stderr = anstream::stderr();
    for diagnostic in &checked.diagnostics {
        let row = spec_rules::line_of(diagnostic)
            .and_then(|line| headers.iter().rposition(|&start| start <= line))
            .and_then(|index| merged.entries.get(index));
        let page_line = row.and_then(|entry| match entry.origin {
            Origin::Matched { page: p, .. } | Origin::Added { page: p } => {
                page.rows.get(p).map(|r| r.line)
            }
            Origin::Kept { .. } => None,
        });
        if let (Some(entry), Some(line)) = (row, page_line) {
            let _ = writeln!(
                stderr,
                "The page's row at line {line} (written as {}) breaks a rule:",
                entry.row.name
            );
        }
        print_diagnostics(std::slice::from_ref(diagnostic));
    }
}

/// Writes `text` to a file beside `path`, then renames it over `path`: a failed write leaves
/// the spec as it was.
fn write_atomically(path: &Path, text: &str) -> Result<(), Failure> {
    let file_name = path
        .file_name()
        .map_or_else(|| "spec".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{file_name}.nexus-errors-import"));
    let fail =
        |e: std::io::Error| Failure::trouble(format!("cannot write {}: {e}", path.display()));
    std::fs::write(&temporary, text).map_err(fail)?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        fail(e)
    })
}
