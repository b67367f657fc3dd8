//! Explains Nexus API errors.
//!
//! With no arguments, prints the error table generated from `spec/errors.toml`.
//! With a status and an optional body, explains that response: the row it matches, what to
//! do about it, and the code and message the server sent.
//!
//! ```text
//! cargo run -p nexus-errors --example explain
//! cargo run -p nexus-errors --example explain -- 401 '{"error":{"code":4011,"message":"…"}}'
//! echo '{"code":4001}' | cargo run -p nexus-errors --example explain -- 400 -
//! ```

use std::io::{self, Read, Write};
use std::process::ExitCode;

use nexus_errors::{Code, NexusError, Resolution, ResponseError};

const USAGE: &str = "usage: explain [STATUS [BODY | -]]\n  \
    no arguments: print the Nexus error table\n  \
    STATUS BODY:  explain a response (BODY `-` reads standard input; no BODY means empty)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => print_table(&mut io::stdout().lock()),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        [status, rest @ ..] if rest.len() <= 1 => {
            let Ok(status) = status.parse::<u16>() else {
                eprintln!(
                    "explain: the status must be a number from 0 to 65535, got {status:?}\n{USAGE}"
                );
                return ExitCode::from(2);
            };
            let body = match rest.first().map(String::as_str) {
                None => Vec::new(),
                Some("-") => {
                    let mut body = Vec::new();
                    if let Err(err) = io::stdin().read_to_end(&mut body) {
                        eprintln!("explain: cannot read the body from standard input: {err}");
                        return ExitCode::FAILURE;
                    }
                    body
                }
                Some(body) => body.as_bytes().to_vec(),
            };
            explain(&mut io::stdout().lock(), status, &body)
        }
        _ => {
            eprintln!("explain: too many arguments\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`explain | head`) is not worth an error message.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("explain: {err}");
            ExitCode::FAILURE
        }
    }
}

fn print_table(out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{} errors documented by the MX Nexus API (from spec/errors.toml):\n",
        NexusError::COUNT
    )?;
    let name_width = NexusError::ALL
        .iter()
        .map(|e| e.name().len())
        .max()
        .unwrap_or(0);
    writeln!(
        out,
        "{:<name_width$}  {:>4}  {:<26}  Description",
        "Name", "Code", "Status"
    )?;
    for error in NexusError::ALL {
        let code = error
            .code()
            .map_or_else(|| "—".to_owned(), |c| c.to_string());
        let status = format!("{} {}", error.status(), error.status_text());
        let description = if error.description().is_empty() {
            "(none given)"
        } else {
            error.description()
        };
        writeln!(
            out,
            "{:<name_width$}  {code:>4}  {status:<26}  {description}",
            error.name()
        )?;
        for note in error.notes() {
            writeln!(
                out,
                "{:<name_width$}  {:>4}  {:<26}    note: {note}",
                "", "", ""
            )?;
        }
    }
    writeln!(
        out,
        "\nAct on the status: the documentation says codes and messages may change."
    )
}

fn explain(out: &mut impl Write, status: u16, body: &[u8]) -> io::Result<()> {
    let error = ResponseError::<NexusError>::from_response(status, body);
    writeln!(out, "error    {error}")?;
    match error.row() {
        Some(row) => {
            let rule = match error.resolution() {
                Resolution::Code => "by its code",
                Resolution::Message => "by its message",
                Resolution::Status => "by its status, the only row with it",
                _ => "",
            };
            writeln!(out, "row      {} (matched {rule})", row.name())?;
            for note in row.notes() {
                writeln!(out, "note     {note}")?;
            }
        }
        None => writeln!(
            out,
            "row      none: no documented row fits this status, code and message"
        )?,
    }
    writeln!(out, "action   {}", error.action())?;
    writeln!(
        out,
        "retry    {}",
        if error.is_retryable() { "yes" } else { "no" }
    )?;
    match error.code() {
        Some(Code::Number(code)) => writeln!(out, "code     {code} (as sent)")?,
        Some(code) => writeln!(out, "code     {:?} (as sent)", code.to_string())?,
        None => writeln!(out, "code     none sent")?,
    }
    match error.message() {
        Some(message) => writeln!(out, "message  {message:?} (as sent)"),
        None => writeln!(out, "message  none sent"),
    }
}
