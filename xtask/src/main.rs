//! Developer tasks for the nexus-errors workspace, run as `cargo run -p xtask -- <task>`.
//!
//! A workspace member rather than a script: it is built and checked with everything else
//! (fmt, clippy, its unit tests in `cargo test --workspace`), and needs only a Rust toolchain.

mod build_time;
mod error;

use std::process::ExitCode;

use error::Result;

const USAGE: &str = "\
Developer tasks for the nexus-errors workspace.

Usage: cargo run -p xtask -- <TASK> [OPTIONS]

Tasks:
  build-time   compile times of nexus-errors against hand-written code (BENCHMARKS.md);
               `build-time --help` lists its options
  help         this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("build-time") => build_time::main(&args[1..]),
        Some(build_time::TOGGLE_TASK) => build_time::toggle_main(&args[1..]),
        None | Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => {
            Err(format!("unknown task `{other}`; `cargo run -p xtask -- help` lists them").into())
        }
    }
}
