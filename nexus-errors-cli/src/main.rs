//! `nexus-errors`: see `nexus-errors --help`.

fn main() -> std::process::ExitCode {
    nexus_errors_cli::cli::run()
}
