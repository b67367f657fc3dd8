//! The command line: arguments, help text, and the exit codes every command shares.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::check_command;
use crate::import_command::{self, ImportArgs};
use crate::style::{ERROR, paint};

/// The exit codes, as `--help` gives them.
const EXIT_CODES: &str = "\
Exit codes:
  0  success: the spec is valid (check); the import ran, or with --check the spec matches the page
  1  a finding: the spec has errors; with --check, the spec differs from the page; or the spec the
     page would give breaks a rule (the diagnostics say which row and why)
  2  trouble: a usage error, a file that cannot be read or written, a page with no error table";

/// Checks an error-table spec, and keeps it in step with the documentation page it came from.
#[derive(Debug, Parser)]
#[command(
    name = "nexus-errors",
    version,
    after_help = EXIT_CODES,
    long_about = "Checks an error-table spec (the TOML file `nexus-errors` generates its enum from), \
and keeps it in step with the documentation page it came from.\n\n\
`nexus-errors check` validates a spec with the same rules and messages as the compiler. \
`nexus-errors import` reads an errors page (Markdown, or a text copy of the HTML page), \
compares its error table with the spec, and prints what changed, the semver impact, and the \
diff; `--write` applies it, `--check` fails when the spec is behind the page."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a spec without compiling anything, with the compiler's diagnostics.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// The spec to check.
        #[arg(default_value = "spec/errors.toml")]
        spec: PathBuf,
    },
    /// Compare an errors page's table with a spec, and update the spec from it.
    #[command(after_help = EXIT_CODES, long_about = IMPORT_ABOUT)]
    Import(ImportArgs),
}

const IMPORT_ABOUT: &str = "\
Compare an errors page's table with a spec, and update the spec from it.

The page is Markdown (as docs sites serve it: `curl -fsSL https://docs.mx.com/api-reference/nexus/overview/errors.md`) \
or a text copy of the HTML page. The error table is found by what its columns mean: the status \
column is the one whose cells are HTTP statuses (`409`, `409 Conflict`, `Conflict (409)`), the \
code column the one headed as a code (or a `Status Code` column of the API's own codes beside \
the status), the description the column that explains the error; other columns become notes \
headed by their header. Tables before it are skipped, and the report says why. Bullets that name \
a row's code and end with a colon give that row notes. An example error body on the page gives \
the `[api] body` to propose, and to write into a new spec.

A page row is the spec row with the same code and status (and description, where one code is \
on several rows of a status), or, without a code, the same status and description. Texts that differ only in whitespace are the same (a text copy loses the \
spaces around inline code), and the spec's spelling is kept. A row keeps its name; a new row \
gets a proposed name to review. Rows are written in the page's order; a row the page no \
longer has is kept unless --prune is given.

Without --check or --write, prints the report and the diff and writes nothing.";

/// Parses the process's arguments, runs the command, and gives the exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check { spec } => check_command::run(&spec),
        Command::Import(args) => import_command::run(&args),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            let mut stderr = anstream::stderr();
            let _ = writeln!(stderr, "{} {}", paint(ERROR, "error:"), failure.message);
            ExitCode::from(failure.code)
        }
    }
}
