//! The commands the harness runs, with the environment every one of them gets.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::error::{Context, Result};

use super::projects::Project;

/// Every process of a run carries `NEXUS_BUILD_TIME_RUN=<its temp dir>`: the load sampler
/// tells this run's rustc processes from other builds' by it.
pub const MARKER: &str = "NEXUS_BUILD_TIME_RUN";

/// Settings meant for the workspace's own builds that would change what is measured.
const REMOVED: [&str; 10] = [
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "RUSTC_WRAPPER",
    "CARGO_BUILD_RUSTC_WRAPPER",
    "RUSTC_WORKSPACE_WRAPPER",
    "CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER",
    "CARGO_INCREMENTAL",
    "RUSTFLAGS",
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
];

/// A program and its arguments, run directly or, for hyperfine, as one shell word list.
#[derive(Clone, Debug)]
pub struct Invocation {
    pub program: String,
    pub args: Vec<String>,
}

impl Invocation {
    pub fn new(program: impl Into<String>, args: &[&str]) -> Self {
        Invocation {
            program: program.into(),
            args: args.iter().map(|&a| a.to_owned()).collect(),
        }
    }

    /// `cargo ARGS`, with the cargo that runs this task when there is one.
    pub fn cargo(args: &[&str]) -> Self {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        Invocation::new(cargo, args)
    }

    /// `cargo build` (dev profile) of `project` into `target`, quiet, from the lockfile only.
    pub fn build(project: &Project, target: &Path) -> Self {
        Invocation::cargo_on("build", project, target, &[])
    }

    /// Removes `project`'s own artifacts from `target`, keeping its dependencies'.
    pub fn clean(project: &Project, target: &Path) -> Self {
        Invocation::cargo_on("clean", project, target, &["-p", &project.package])
    }

    fn cargo_on(subcommand: &str, project: &Project, target: &Path, more: &[&str]) -> Self {
        let (manifest, target) = (project.manifest(), target.to_string_lossy());
        let manifest = manifest.to_string_lossy();
        let mut args = vec![subcommand, "--frozen", "-q", "--manifest-path", &manifest];
        args.extend(["--target-dir", &target]);
        args.extend(more);
        Invocation::cargo(&args)
    }

    pub fn command(&self, marker: &str) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args);
        for name in REMOVED {
            command.env_remove(name);
        }
        command
            .env("CARGO_TERM_COLOR", "never")
            .env(MARKER, marker)
            .stdin(Stdio::null());
        command
    }

    /// Runs it to the end, its output captured; on failure, its output is passed on to stderr
    /// (a compiler's messages are the context) and the error says which command failed.
    pub fn run(&self, marker: &str) -> Result<Output> {
        let output = self
            .command(marker)
            .output()
            .context(|| format!("run `{}`", self.shell()))?;
        if output.status.success() {
            return Ok(output);
        }
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        Err(format!(
            "`{}` failed ({}); its output is above",
            self.shell(),
            output.status
        )
        .into())
    }

    /// The command line for `sh -c`.
    pub fn shell(&self) -> String {
        let mut words = vec![shell_quote(&self.program)];
        words.extend(self.args.iter().map(|arg| shell_quote(arg)));
        words.join(" ")
    }
}

/// The last `n` non-empty lines of a command's output, joined with ` | ` to fit on one line.
pub fn last_lines(output: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(output);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    lines[lines.len().saturating_sub(n)..].join(" | ")
}

/// `text` as one word for `sh`: bare if it is plainly safe, single-quoted otherwise.
pub fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(
            shell_quote("/tmp/nexus-build-time.1/ours"),
            "/tmp/nexus-build-time.1/ours"
        );
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
        let invocation = Invocation::new("rm", &["-rf", "/tmp/x y"]);
        assert_eq!(invocation.shell(), "rm -rf '/tmp/x y'");
    }

    #[test]
    fn last_lines_fit_on_one_line() {
        assert_eq!(last_lines(b"a\n\nb\n  c  \nd\n", 3), "b | c | d");
        assert_eq!(last_lines(b"only\n", 3), "only");
        assert_eq!(last_lines(b"", 3), "");
    }
}
