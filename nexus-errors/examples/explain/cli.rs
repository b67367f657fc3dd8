//! The `explain` example's work, apart from the process: arguments, standard input and the
//! two output streams come in as parameters, and the exit code goes out, so that
//! `tests/explain.rs` can run it as the binary would (it includes this file by path).

use std::io::{self, Read, Write};
use std::time::Duration;

use nexus_errors::{
    MAX_RETRY_AFTER, NexusError, REQUEST_ID_HEADERS, Resolution, ResponseError, ServerCode,
};

pub const USAGE: &str = "usage: explain [STATUS [BODY | -] | - | FILE]\n  \
    no arguments:  print the Nexus error table\n  \
    STATUS [BODY]: explain a response from its status and body (BODY `-` reads standard\n                 \
    input; no BODY means empty)\n  \
    - | FILE:      explain a whole HTTP response, as `curl -si` prints it, from standard\n                 \
    input or a file: status line, headers, body";

/// Runs `explain` with these arguments (the program name left out); returns the exit code:
/// 0 on success, 1 when input cannot be read, 2 for a usage error or an input that is not
/// what the arguments say.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match args {
        [] => print_table(out),
        [flag] if flag == "-h" || flag == "--help" => writeln!(out, "{USAGE}"),
        [status, rest @ ..] if is_status(status) && rest.len() <= 1 => {
            let Ok(status) = status.parse::<u16>() else {
                return usage(
                    err,
                    &format!("the status must be a number from 0 to 65535, got {status:?}"),
                );
            };
            let body = match rest.first().map(String::as_str) {
                None => Vec::new(),
                Some("-") => match read_all(stdin) {
                    Ok(body) => body,
                    Err(e) => {
                        return fail(
                            err,
                            &format!("cannot read the body from standard input: {e}"),
                        );
                    }
                },
                Some(body) => body.as_bytes().to_vec(),
            };
            let error = ResponseError::<NexusError>::from_response(status, &body);
            explain(out, &error, None)
        }
        [source] => {
            let (input, name) = if source == "-" {
                (read_all(stdin), "standard input")
            } else {
                (std::fs::read(source), source.as_str())
            };
            let input = match input {
                Ok(input) => input,
                Err(e) => return fail(err, &format!("cannot read {name}: {e}")),
            };
            let response = match raw_response(&input) {
                Ok(response) => response,
                Err(problem) => return usage(err, &format!("{name}: {problem}")),
            };
            let error = ResponseError::<NexusError>::from_http(&response);
            explain(out, &error, Some(response.headers()))
        }
        _ => return usage(err, "too many arguments"),
    };
    match result {
        Ok(()) => 0,
        // A closed pipe (`explain | head`) is not worth an error message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => fail(err, &e.to_string()),
    }
}

/// A first argument of digits is a status; anything else (`-`, a path) is a whole response.
fn is_status(arg: &str) -> bool {
    !arg.is_empty() && arg.bytes().all(|b| b.is_ascii_digit())
}

fn usage(err: &mut dyn Write, problem: &str) -> u8 {
    let _ = writeln!(err, "explain: {problem}\n{USAGE}");
    2
}

fn fail(err: &mut dyn Write, problem: &str) -> u8 {
    let _ = writeln!(err, "explain: {problem}");
    1
}

fn read_all(input: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The last response in `input`, as `curl -si` prints it: interim responses (`100
/// Continue`, a proxy's `200 Connection established`, redirects followed with `-L`) are
/// passed over, since the one that counts is the one after them.
fn raw_response(input: &[u8]) -> Result<http::Response<Vec<u8>>, String> {
    if !input.starts_with(b"HTTP/") {
        return Err(
            "not an HTTP response: it must start with `HTTP/`, as `curl -si` prints one \
             (for a body alone, give its status first: explain STATUS -)"
                .to_owned(),
        );
    }
    let mut rest = input;
    loop {
        let (response, body) = one_response(rest)?;
        if body.starts_with(b"HTTP/") {
            rest = body;
            continue;
        }
        let mut response = response;
        *response.body_mut() = body.to_vec();
        return Ok(response);
    }
}

/// One status line and its headers, with the bytes after them.
fn one_response(input: &[u8]) -> Result<(http::Response<Vec<u8>>, &[u8]), String> {
    // httparse reads HTTP/1.x; curl prints `HTTP/2 429` (or `HTTP/3`) for the later
    // versions, whose heads are otherwise written the same way.
    let (head, shift): (std::borrow::Cow<'_, [u8]>, usize) = match input.get(..7) {
        Some(b"HTTP/2 " | b"HTTP/3 ") => {
            let mut head = b"HTTP/1.1 ".to_vec();
            head.extend_from_slice(&input[7..]);
            (head.into(), 2)
        }
        _ => (input.into(), 0),
    };
    let mut headers = [httparse::EMPTY_HEADER; 256];
    let mut parsed = httparse::Response::new(&mut headers);
    let length = match parsed.parse(&head) {
        Ok(httparse::Status::Complete(length)) => length,
        Ok(httparse::Status::Partial) => {
            return Err(
                "the response head is cut short: no blank line ends its headers".to_owned(),
            );
        }
        Err(e) => return Err(format!("not an HTTP response head: {e}")),
    };
    let code = parsed.code.unwrap_or_default();
    let status = http::StatusCode::from_u16(code)
        .map_err(|_| format!("{code:03} is not an HTTP status (100 to 999)"))?;
    let mut response = http::Response::new(Vec::new());
    *response.status_mut() = status;
    for header in parsed.headers.iter() {
        // A header http cannot hold is one no reader would see either: leave it out.
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(header.name.as_bytes()),
            http::HeaderValue::from_bytes(header.value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    let body = input
        .get(length.saturating_sub(shift)..)
        .unwrap_or_default();
    Ok((response, body))
}

fn print_table(out: &mut dyn Write) -> io::Result<()> {
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

/// Explains a response; `headers` when it came whole, with its head.
fn explain(
    out: &mut dyn Write,
    error: &ResponseError,
    headers: Option<&http::HeaderMap>,
) -> io::Result<()> {
    writeln!(out, "error          {error}")?;
    match error.row() {
        Some(row) => {
            let rule = match error.resolution() {
                Some(Resolution::Code) => "by its code",
                Some(Resolution::Message) => "by its message",
                Some(Resolution::Status) => "by its status, the only row with it",
                _ => "",
            };
            writeln!(out, "row            {} (matched {rule})", row.name())?;
            for note in row.notes() {
                writeln!(out, "note           {note}")?;
            }
        }
        None => writeln!(
            out,
            "row            none: no documented row fits this status, code and message"
        )?,
    }
    writeln!(out, "action         {}", error.action())?;
    writeln!(out, "retry          {}", yes_no(error.is_retryable()))?;
    writeln!(out, "throttled      {}", yes_no(error.is_throttled()))?;
    if let Some(headers) = headers {
        let asked = headers.get(http::header::RETRY_AFTER);
        match (error.retry_after(), asked) {
            (Some(wait), Some(asked)) => {
                let form = if asked.as_bytes().trim_ascii().iter().all(u8::is_ascii_digit) {
                    ""
                } else if headers.contains_key(http::header::DATE) {
                    ", a date read against the response's Date"
                } else {
                    ", a date read against this machine's clock"
                };
                let capped = if wait == MAX_RETRY_AFTER {
                    ", capped at one day"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "wait           {} (Retry-After: {:?}{form}{capped})",
                    seconds(wait),
                    String::from_utf8_lossy(asked.as_bytes())
                )?;
            }
            (_, Some(asked)) => writeln!(
                out,
                "wait           none: Retry-After {:?} is neither seconds nor a date",
                String::from_utf8_lossy(asked.as_bytes())
            )?,
            (_, None) => writeln!(out, "wait           none asked (no Retry-After)")?,
        }
        match error.request_id() {
            Some(id) => {
                let from = REQUEST_ID_HEADERS
                    .iter()
                    .find(|name| {
                        headers
                            .get(**name)
                            .is_some_and(|v| v.as_bytes() == id.as_bytes())
                    })
                    .unwrap_or(&"a request id header");
                writeln!(out, "request id     {id:?} (from {from})")?;
            }
            None => writeln!(
                out,
                "request id     none ({} absent or unusable)",
                REQUEST_ID_HEADERS.join(", ")
            )?,
        }
    }
    match error.server_code() {
        Some(ServerCode::Number(code)) => writeln!(out, "server code    {code} (as sent)")?,
        Some(code) => writeln!(out, "server code    {:?} (as sent)", code.to_string())?,
        None => writeln!(out, "server code    none sent")?,
    }
    match error.server_message() {
        Some(message) => writeln!(out, "server message {message:?} (as sent)"),
        None => writeln!(out, "server message none sent"),
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// `30 s`, `1 min 30 s`, `2 h 0 min 5 s`: whole seconds, as Retry-After gives them.
fn seconds(wait: Duration) -> String {
    let s = wait.as_secs();
    match (s / 3600, s % 3600 / 60, s % 60) {
        (0, 0, s) => format!("{s} s"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, m, s) => format!("{h} h {m} min {s} s"),
    }
}
