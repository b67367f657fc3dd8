//! `nexus-errors import`: reads a page, merges its table into the spec, prints the report and
//! the diff, and with `--write` writes the spec, with `--check` says whether it is behind.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use clap::Args;
use nexus_errors_spec::{Checked, Diagnostic, code_starts_with_status};

use crate::check_command::print_diagnostics;
use crate::failure::Failure;
use crate::merge::{self, Merged, Origin};
use crate::page::{self, Page};
use crate::report;
use crate::spec_edit::{self, Base, NewApi};
use crate::spec_file::{self, SpecFile};
use crate::style::{BOLD, paint};
use nexus_errors_spec::Code;

/// The arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The page: a file, or `-` for standard input.
    pub page: String,
    /// The spec to compare with and update; `--write` creates it if it does not exist.
    #[arg(long, value_name = "SPEC")]
    pub spec: PathBuf,
    /// Write nothing; exit 1 when the spec differs from the page, 0 when it matches.
    #[arg(long, conflicts_with = "write")]
    pub check: bool,
    /// Write the updated spec (only if it passes the spec's rules).
    #[arg(long)]
    pub write: bool,
    /// Remove the rows the page no longer has (a major change: the variants go).
    #[arg(long)]
    pub prune: bool,
    /// The `[api] name` of a new spec [default: the page's title when it names an API, else
    /// "The X API" in the text before the table, else the title].
    #[arg(long, value_name = "NAME")]
    pub api_name: Option<String>,
    /// The `[api] source` of a new spec: the page's address.
    #[arg(long, value_name = "URL")]
    pub source: Option<String>,
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
    if let (None, None, Some(api)) = (&current, &args.api_name, &page.api_name) {
        let _ = writeln!(
            stdout,
            "{} {:?}, from {} (--api-name sets another)\n",
            paint(BOLD, "API name:"),
            api.name,
            api.found
        );
    }
    let _ = write!(
        stdout,
        "{}\n{}",
        report::report(&page, spec_rows, &merged),
        report::diff(&shown, old_text, &new_text)
    );
    let checked = nexus_errors_spec::check(&shown, &new_text);
    if !checked.is_valid() {
        explain_broken_rows(&checked, &page, &merged);
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
fn read_spec(path: &Path, shown: &str) -> Result<Option<SpecFile>, Failure> {
    if !path.exists() {
        return Ok(None);
    }
    // A spec with its `[api]` header and no rows yet is how a table starts.
    let spec = spec_file::load(path, nexus_errors_spec::check_allowing_no_rows)?;
    if !spec.checked.is_valid() {
        print_diagnostics(&spec.checked.shown());
        return Err(Failure::finding(format!(
            "{shown} has errors of its own (above): fix them first, then import again"
        )));
    }
    Ok(Some(spec))
}

/// The spec's text after the merge.
fn new_text(
    args: &ImportArgs,
    page: &Page,
    current: Option<&SpecFile>,
    merged: &Merged,
) -> Result<String, Failure> {
    // A table whose codes do not begin with their status (1001 for a 402) says so, or the
    // rules would reject every such code.
    // The rule is about integer codes; a table of string codes never needs the flag.
    let codes_start_with_status = page.rows.iter().all(|row| match &row.code {
        Some(Code::Integer(code)) => code_starts_with_status(*code, row.status),
        _ => true,
    });
    let written = match current {
        Some(current) => {
            if args.api_name.is_some() || args.source.is_some() {
                let _ = writeln!(
                    anstream::stderr(),
                    "note: --api-name and --source name a new spec's [api]; {} keeps its own",
                    args.spec.display()
                );
            }
            let base = if current.checked.table.rows.is_empty() {
                Base::Started {
                    text: &current.text,
                    codes_start_with_status,
                }
            } else {
                Base::Existing(&current.text)
            };
            spec_edit::write(base, &merged.entries)
        }
        None => {
            let name = args
                .api_name
                .clone()
                .or_else(|| page.api_name.as_ref().map(|api| api.name.clone()))
                .ok_or_else(|| {
                    Failure::trouble(
                        "the page has no heading to name the API after: pass --api-name",
                    )
                })?;
            let api = NewApi {
                name,
                source: args.source.clone(),
                codes_start_with_status,
                body: page.body.as_ref().map(|proposal| proposal.body.clone()),
            };
            spec_edit::write(Base::New(&api), &merged.entries)
        }
    };
    written.map_err(|e| Failure::trouble(format!("{}: {e}", args.spec.display())))
}

/// Prints the diagnostics of the spec the page would give, each after the page row it comes
/// from, so the reader knows which row of the page breaks which rule.
fn explain_broken_rows(checked: &Checked, page: &Page, merged: &Merged) {
    let mut stderr = anstream::stderr();
    for diagnostic in checked.shown() {
        if let Some((name, line)) = page_row_of(&diagnostic, checked, page, merged) {
            let _ = writeln!(
                stderr,
                "The page's row at line {line} (written as {name}) breaks a rule:"
            );
        }
        print_diagnostics(std::slice::from_ref(&diagnostic));
    }
}

/// The name and page line of the row a diagnostic of the written spec falls in: the checked
/// row whose header is the last at or before the diagnostic. Every name written is valid and
/// unique (kept from the spec, or proposed), so the checked table keeps every written row and
/// its name finds the entry it came from.
fn page_row_of<'a>(
    diagnostic: &Diagnostic,
    checked: &Checked,
    page: &Page,
    merged: &'a Merged,
) -> Option<(&'a str, usize)> {
    let line = diagnostic.location.as_ref()?.line;
    let row = checked
        .table
        .rows
        .iter()
        .rfind(|row| row.line.is_some_and(|start| start <= line))?;
    let entry = merged.entries.iter().find(|e| e.row.name == row.name)?;
    match entry.origin {
        Origin::Matched { page: p, .. } | Origin::Added { page: p, .. } => page
            .rows
            .get(p)
            .map(|page_row| (entry.row.name.as_str(), page_row.line)),
        Origin::Kept { .. } => None,
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
