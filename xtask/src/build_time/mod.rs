//! `build-time`: compile times of nexus-errors against the same code written by hand, side by
//! side, in a temp dir made from a snapshot of the workspace. `--help` says what each step
//! measures; BENCHMARKS.md holds the method and the figures.

mod command;
mod edit;
mod large_spec;
mod load;
mod memory;
mod options;
mod projects;
mod report;
mod stats;
mod steps;
mod synthetic;
mod timing;
mod workdir;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::error::Result;

use command::Invocation;
use options::{Options, Parsed, Step, Timer};
use steps::Harness;
use workdir::Workdir;

/// The internal task hyperfine runs as the rebuild step's `--prepare`: `toggle-row-edit FILE`
/// flips the one-row edit in FILE.
pub const TOGGLE_TASK: &str = "toggle-row-edit";

pub fn main(args: &[String]) -> Result<()> {
    match options::parse(args)? {
        Parsed::Help => {
            print!("{}", options::HELP);
            Ok(())
        }
        Parsed::Run(options) => run(&options),
    }
}

pub fn toggle_main(args: &[String]) -> Result<()> {
    match args {
        [path] => edit::toggle(Path::new(path)),
        _ => Err(format!("{TOGGLE_TASK} takes one file").into()),
    }
}

fn run(options: &Options) -> Result<()> {
    let root = workspace_root()?;
    let work = Workdir::create(options.keep)?;
    let harness = Harness {
        options,
        work: work.path(),
        marker: work.marker(),
        xtask: std::env::current_exe()
            .map(|exe| exe.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "xtask".to_owned()),
        started: Instant::now(),
    };
    let machine = machine(&harness)?;
    harness.log(&format!("temp dir {}", work.path().display()));
    harness.log(&format!("snapshot of {}", root.display()));
    projects::snapshot(&root, &work.path().join("snapshot"))?;
    let (ours, baseline) = harness.downstream_crates()?;

    let mut pairs = Vec::new();
    if options.runs(Step::Scratch) {
        pairs.push(harness.scratch(&ours, &baseline)?);
    }
    if options.runs(Step::Downstream) {
        pairs.push(harness.downstream(&ours, &baseline)?);
    }
    if options.runs(Step::Rebuild) {
        pairs.push(harness.rebuild(&ours, &baseline)?);
    }
    if options.runs(Step::Synthetic) {
        for &rows in &options.sizes {
            pairs.push(harness.synthetic(rows)?);
        }
    }
    let large = if options.runs(Step::LargeSpec) {
        Some(harness.large_spec()?)
    } else {
        None
    };
    println!("\n{machine}\n");
    print!("{}", report::render(&pairs, large.as_ref()));
    Ok(())
}

/// The workspace this program belongs to.
fn workspace_root() -> Result<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf);
    match root {
        Some(root) if root.join("nexus-errors/Cargo.toml").is_file() => Ok(root),
        _ => Err(format!(
            "the workspace is not where this program was built from ({})",
            env!("CARGO_MANIFEST_DIR")
        )
        .into()),
    }
}

/// The machine and method lines of the report; checks the tools on the way.
fn machine(harness: &Harness) -> Result<String> {
    let cargo = Invocation::cargo(&["--version"]).run(&harness.marker)?;
    let rustc = Invocation::new("rustc", &["--version"]).run(&harness.marker)?;
    let timer = match harness.options.timer {
        Timer::Interleaved => "interleaved runs (ours, baseline, baseline, ours, ...)".to_owned(),
        Timer::Hyperfine => {
            let version = Invocation::new("hyperfine", &["--version"])
                .run(&harness.marker)
                .map_err(|_| "--timer hyperfine: hyperfine is not installed, or does not run")?;
            String::from_utf8_lossy(&version.stdout).trim().to_owned()
        }
    };
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            let line = info.lines().find(|line| line.starts_with("model name"))?;
            Some(line.split_once(':')?.1.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let version =
        |output: &std::process::Output| String::from_utf8_lossy(&output.stdout).trim().to_owned();
    Ok(format!(
        "machine: {cores} cores, {model}, {}, {}\ntiming: {timer}; cargo build, dev profile; wall clock; medians",
        version(&rustc),
        version(&cargo),
    ))
}
