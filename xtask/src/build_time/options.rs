//! The `build-time` command line: run counts, table sizes, steps, timer, and its `--help`.

use crate::error::{Error, Result};

pub const HELP: &str = "\
Build times of nexus-errors against the same code written by hand, side by side.

Usage: cargo run -p xtask -- build-time [OPTIONS]

Each step builds, with `cargo build` (dev profile) in a temp dir made from a snapshot of the
workspace, a crate that uses nexus-errors (`ours`) and its hand-written equivalent (`baseline`,
from nexus-errors/benches/baseline/mod.rs), in interleaved runs, and reports medians, ratios
ours/baseline and the goals:

  scratch     cold build from scratch: an empty target dir per run, dependencies included
              (goal: ratio <= 1.3)
  downstream  cold build of the downstream crate alone, dependencies prebuilt
  rebuild     rebuild after a one-row edit, in the spec and by hand in the baseline
              (goal: ratio <= 1.2)
  synthetic   generated tables of each --sizes rows against hand-written equivalents
              (goal: 10x the rows in <= 12x the time)
  large-spec  ours only: a 10 MB spec with one mistake (the UI case render_ten_megabytes);
              time to the compile error, peak memory (max RSS of one process, through
              /usr/bin/time when it is GNU time) and a check that the error is the expected one

A sampler counts, once a second, the rustc processes that are not this run's: steps with such
load (`load` column) or widely spread runs are flagged as noisy. Everything runs on the
machine's cores: run it on a quiet machine, it takes 10-20 minutes with the defaults.

Options:
      --steps LIST             steps to run, comma-separated [default: all, in the order above]
      --sizes LIST             rows of the synthetic tables [default: 100,1000,10000]
      --runs N                 runs of every step, except --runs-synth-large
      --runs-scratch N         cold builds from scratch [default: 3]
      --runs-downstream N      cold builds of the downstream crate [default: 7]
      --runs-rebuild N         rebuilds after an edit [default: 10]
      --runs-synth N           builds of each synthetic table under 10,000 rows [default: 5]
      --runs-synth-large N     builds of each table of 10,000 rows or more [default: 1]
      --runs-large-spec N      builds of the 10 MB spec [default: 3]
      --timer interleaved|hyperfine
                               interleaved: ours, baseline, baseline, ours, ... so that a
                               burst of load lands on both sides alike [default];
                               hyperfine: all runs of one side, then the other's (needs
                               hyperfine; the 10 MB spec step is always timed here)
      --keep                   keep the temp dir (projects, times.tsv, logs)
  -h, --help                   this text

An interrupted run leaves its temp dir behind; its path is printed when the run starts.
";

/// One of the measured steps, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Scratch,
    Downstream,
    Rebuild,
    Synthetic,
    LargeSpec,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Scratch,
        Step::Downstream,
        Step::Rebuild,
        Step::Synthetic,
        Step::LargeSpec,
    ];

    fn name(self) -> &'static str {
        match self {
            Step::Scratch => "scratch",
            Step::Downstream => "downstream",
            Step::Rebuild => "rebuild",
            Step::Synthetic => "synthetic",
            Step::LargeSpec => "large-spec",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timer {
    Interleaved,
    Hyperfine,
}

/// How many runs each step gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Runs {
    pub scratch: usize,
    pub downstream: usize,
    pub rebuild: usize,
    pub synth: usize,
    pub synth_large: usize,
    pub large_spec: usize,
}

/// Tables of this many rows and more take minutes a build: they get `Runs::synth_large`.
pub const LARGE_TABLE: usize = 10_000;

impl Runs {
    pub fn synthetic(&self, rows: usize) -> usize {
        if rows >= LARGE_TABLE {
            self.synth_large
        } else {
            self.synth
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub steps: Vec<Step>,
    pub sizes: Vec<usize>,
    pub runs: Runs,
    pub timer: Timer,
    pub keep: bool,
}

impl Options {
    pub fn runs(&self, step: Step) -> bool {
        self.steps.contains(&step)
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Help,
    Run(Options),
}

/// Run counts as given; a specific count wins over `--runs`, whatever their order.
#[derive(Default)]
struct GivenRuns {
    all: Option<usize>,
    scratch: Option<usize>,
    downstream: Option<usize>,
    rebuild: Option<usize>,
    synth: Option<usize>,
    synth_large: Option<usize>,
    large_spec: Option<usize>,
}

impl GivenRuns {
    fn resolve(&self) -> Runs {
        let or = |given: Option<usize>, default| given.or(self.all).unwrap_or(default);
        Runs {
            scratch: or(self.scratch, 3),
            downstream: or(self.downstream, 7),
            rebuild: or(self.rebuild, 10),
            synth: or(self.synth, 5),
            synth_large: self.synth_large.unwrap_or(1),
            large_spec: or(self.large_spec, 3),
        }
    }
}

pub fn parse(args: &[String]) -> Result<Parsed> {
    let mut runs = GivenRuns::default();
    let mut options = Options {
        steps: Step::ALL.to_vec(),
        sizes: vec![100, 1_000, 10_000],
        runs: runs.resolve(),
        timer: Timer::Interleaved,
        keep: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| Error::from(format!("{flag} needs a value; see --help")))
        };
        match flag {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--keep" => options.keep = true,
            "--steps" => options.steps = steps(&value()?)?,
            "--sizes" => options.sizes = sizes(&value()?)?,
            "--timer" => options.timer = timer(&value()?)?,
            "--runs" => runs.all = Some(count(flag, &value()?)?),
            "--runs-scratch" => runs.scratch = Some(count(flag, &value()?)?),
            "--runs-downstream" => runs.downstream = Some(count(flag, &value()?)?),
            "--runs-rebuild" => runs.rebuild = Some(count(flag, &value()?)?),
            "--runs-synth" => runs.synth = Some(count(flag, &value()?)?),
            "--runs-synth-large" => runs.synth_large = Some(count(flag, &value()?)?),
            "--runs-large-spec" => runs.large_spec = Some(count(flag, &value()?)?),
            _ => return Err(format!("unknown option `{arg}`; see --help").into()),
        }
    }
    options.runs = runs.resolve();
    Ok(Parsed::Run(options))
}

fn count(flag: &str, value: &str) -> Result<usize> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(
            format!("{flag}: expected a whole number of runs, at least 1, got `{value}`").into(),
        ),
    }
}

fn sizes(value: &str) -> Result<Vec<usize>> {
    let mut sizes = Vec::new();
    for item in value.split(',').map(str::trim) {
        match item.parse::<usize>() {
            Ok(n) if n >= 1 => sizes.push(n),
            _ => {
                return Err(
                    format!("--sizes: expected row counts, at least 1 each, got `{item}`").into(),
                );
            }
        }
    }
    sizes.sort_unstable();
    sizes.dedup();
    Ok(sizes)
}

fn steps(value: &str) -> Result<Vec<Step>> {
    let mut wanted = Vec::new();
    for item in value.split(',').map(str::trim) {
        let step = Step::ALL
            .into_iter()
            .find(|step| step.name() == item)
            .ok_or_else(|| {
                let names: Vec<_> = Step::ALL.iter().map(|step| step.name()).collect();
                format!(
                    "--steps: unknown step `{item}`; the steps are {}",
                    names.join(", ")
                )
            })?;
        wanted.push(step);
    }
    // Steps always run in the documented order, whatever the order given.
    Ok(Step::ALL
        .into_iter()
        .filter(|step| wanted.contains(step))
        .collect())
}

fn timer(value: &str) -> Result<Timer> {
    match value {
        "interleaved" => Ok(Timer::Interleaved),
        "hyperfine" => Ok(Timer::Hyperfine),
        _ => Err(format!("--timer: expected `interleaved` or `hyperfine`, got `{value}`").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options> {
        let args: Vec<String> = args.iter().map(|&a| a.to_owned()).collect();
        match parse(&args)? {
            Parsed::Run(options) => Ok(options),
            Parsed::Help => panic!("asked for help"),
        }
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let options = run(&[]).unwrap();
        assert_eq!(options.steps, Step::ALL);
        assert_eq!(options.sizes, [100, 1_000, 10_000]);
        assert_eq!(
            options.runs,
            Runs {
                scratch: 3,
                downstream: 7,
                rebuild: 10,
                synth: 5,
                synth_large: 1,
                large_spec: 3
            }
        );
        assert_eq!(options.timer, Timer::Interleaved);
        assert!(!options.keep);
    }

    #[test]
    fn runs_sets_every_count_but_the_large_tables_and_specific_counts_win() {
        let options = run(&["--runs-rebuild=4", "--runs", "2", "--sizes", "1000,100"]).unwrap();
        assert_eq!(
            options.runs,
            Runs {
                scratch: 2,
                downstream: 2,
                rebuild: 4,
                synth: 2,
                synth_large: 1,
                large_spec: 2
            }
        );
        assert_eq!(options.sizes, [100, 1_000]);
        assert_eq!(options.runs.synthetic(100), 2);
        assert_eq!(options.runs.synthetic(10_000), 1);
    }

    #[test]
    fn steps_run_in_the_documented_order() {
        let options = run(&["--steps", "large-spec,scratch"]).unwrap();
        assert_eq!(options.steps, [Step::Scratch, Step::LargeSpec]);
    }

    #[test]
    fn bad_input_is_a_one_line_error() {
        for (args, expected) in [
            (
                &["--runs", "0"][..],
                "--runs: expected a whole number of runs, at least 1, got `0`",
            ),
            (&["--runs"][..], "--runs needs a value; see --help"),
            (
                &["--sizes", "10,x"][..],
                "--sizes: expected row counts, at least 1 each, got `x`",
            ),
            (&["--steps", "cold"][..], "--steps: unknown step `cold`"),
            (
                &["--timer", "perf"][..],
                "--timer: expected `interleaved` or `hyperfine`",
            ),
            (&["--fast"][..], "unknown option `--fast`"),
        ] {
            let error = run(args).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{error}");
            assert!(!error.contains('\n'), "{error}");
        }
    }

    #[test]
    fn help_wins() {
        let args = vec!["--runs".to_owned(), "1".to_owned(), "--help".to_owned()];
        assert_eq!(parse(&args).unwrap(), Parsed::Help);
    }
}
