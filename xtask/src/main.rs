//! Developer tasks for the nexus-errors workspace, run as `cargo run -p xtask -- <task>`: a
//! workspace member rather than a script, built and checked with everything else. Its one
//! task, `build-time`, is the harness behind BENCHMARKS.md's build-time figures.

mod harness;
mod projects;
mod report;

use std::num::NonZeroUsize;
use std::path::Path;

use anyhow::{Result, ensure};
use clap::{Parser, ValueEnum};

/// Developer tasks for the nexus-errors workspace
#[derive(Parser)]
enum Cli {
    /// Build times of nexus-errors against the same code written by hand (BENCHMARKS.md).
    ///
    /// Each step builds, with `cargo build` (dev profile) in a temp dir made from a snapshot of
    /// the workspace, a crate that uses nexus-errors (ours) and its hand-written equivalent
    /// (baseline, from nexus-errors/benches/baseline/mod.rs), in interleaved runs (ours,
    /// baseline, baseline, ours, ...), and reports medians, ratios ours/baseline and the goals.
    ///
    /// A sampler looks, once a second, for rustc processes that are not this run's: steps
    /// with such load (`load` column) or widely spread runs are flagged as noisy. Run it on a
    /// quiet machine: it takes the machine's cores for 10-20 minutes with the defaults. Its temp
    /// dir is removed at the end, and left behind if the run stops early.
    #[command(verbatim_doc_comment)]
    BuildTime {
        /// Steps to run, comma-separated; they run in the order below, whatever the order given
        #[arg(long, value_enum, value_delimiter = ',', default_values_t = Step::value_variants().to_vec())]
        steps: Vec<Step>,
        /// Timed runs of each side of every step
        #[arg(long, default_value_t = NonZeroUsize::new(5).unwrap())]
        runs: NonZeroUsize,
    },
}

/// The measured steps, in the order they run.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    /// Cold build from scratch: an empty target dir per run, dependencies included (goal: ratio <= 1.3)
    Scratch,
    /// Cold build of the downstream crate alone, its dependencies prebuilt
    Downstream,
    /// Rebuild after a one-row edit, in the spec and by hand in the baseline (goal: ratio <= 1.2)
    Rebuild,
    /// Generated tables of 100, 1,000 and 10,000 rows against hand-written ones (goal: 10x the rows in <= 12x the time)
    Synthetic,
    /// Ours only: the 10 MB spec of the UI case render/ten_megabytes; time to its compile error, peak memory (GNU time)
    LargeSpec,
}

fn main() -> Result<()> {
    let Cli::BuildTime { mut steps, runs } = Cli::parse();
    steps.sort_unstable();
    steps.dedup();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    ensure!(
        root.join("nexus-errors/Cargo.toml").is_file(),
        "no workspace at {}",
        root.display()
    );
    harness::run(&steps, runs.get(), &root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<(Vec<Step>, usize), clap::Error> {
        let Cli::BuildTime { steps, runs } =
            Cli::try_parse_from(["xtask", "build-time"].iter().chain(args))?;
        Ok((steps, runs.get()))
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        Cli::command().debug_assert();
        assert_eq!(parse(&[]).unwrap(), (Step::value_variants().to_vec(), 5));
        let given = parse(&["--runs=2", "--steps", "large-spec,scratch"]).unwrap();
        assert_eq!(given, (vec![Step::LargeSpec, Step::Scratch], 2));
    }

    #[test]
    fn bad_input_is_refused() {
        for args in [
            &["--runs", "0"][..],
            &["--steps", "cold"],
            &["--runs-scratch", "3"],
            &["--timer", "hyperfine"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }
}
