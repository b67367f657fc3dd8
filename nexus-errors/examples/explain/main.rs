//! Explains Nexus API errors.
//!
//! With no arguments, prints the error table generated from `spec/errors.toml`.
//!
//! With a status and an optional body, explains that response: the row it matches, what to
//! do about it, and the code and message the server sent.
//!
//! With `-` or a file, explains a whole HTTP response as `curl -si` prints it (status line,
//! headers, body): the same, and the `Retry-After` wait, whether the request was
//! throttled, and the request id.
//!
//! ```text
//! cargo run -p nexus-errors --example explain
//! cargo run -p nexus-errors --example explain -- 401 '{"error":{"code":4011,"message":"…"}}'
//! echo '{"code":4001}' | cargo run -p nexus-errors --example explain -- 400 -
//! curl -si https://… | cargo run -p nexus-errors --example explain -- -
//! cargo run -p nexus-errors --example explain -- saved-response.http
//! ```
//!
//! The work is done in `cli.rs`, which `tests/explain.rs` runs too.

mod cli;

use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = cli::run(
        &args,
        &mut io::stdin().lock(),
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    );
    ExitCode::from(code)
}
