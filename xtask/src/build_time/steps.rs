//! The measured steps, each from its projects to its figures.

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::error::{Context, Result};

use super::command::Invocation;
use super::large_spec::large_spec;
use super::load::Sampler;
use super::options::{Options, Timer};
use super::projects::{self, Project};
use super::report::{LargeSpecResult, PairResult};
use super::stats::busy_share;
use super::timing::{self, Pair, Prepare, Side};
use super::{memory, synthetic};

/// What every step needs: the options, the temp dir, and the marker of this run's processes.
pub struct Harness<'a> {
    pub options: &'a Options,
    pub work: &'a Path,
    pub marker: String,
    /// This program, for hyperfine's `--prepare` of the rebuild step.
    pub xtask: String,
    pub started: Instant,
}

impl Harness<'_> {
    pub fn log(&self, message: &str) {
        eprintln!("[{:>6.1}s] {message}", self.started.elapsed().as_secs_f64());
    }

    fn snapshot(&self) -> PathBuf {
        self.work.join("snapshot")
    }

    /// The target dir every step but the cold build from scratch shares: dependencies prebuilt.
    fn shared(&self) -> PathBuf {
        self.work.join("target-shared")
    }

    /// Fetches a project's dependencies (trimming the copied lockfile to them), untimed.
    fn fetch(&self, project: &Project) -> Result<()> {
        let manifest = project.manifest();
        Invocation::cargo(&[
            "fetch",
            "-q",
            "--manifest-path",
            &manifest.to_string_lossy(),
        ])
        .run(&self.marker)?;
        Ok(())
    }

    /// The two downstream crates, built once into the shared target dir (untimed): a crate
    /// that does not build stops the run here.
    pub fn downstream_crates(&self) -> Result<(Project, Project)> {
        let snapshot = self.snapshot();
        let spec = read(&snapshot.join("spec/errors.toml"))?;
        let ours = projects::ours(self.work.join("ours"), "downstream-ours", &snapshot, &spec)?;
        let hand_written = read(&snapshot.join("nexus-errors/benches/baseline/mod.rs"))?;
        let baseline = projects::baseline(
            self.work.join("baseline"),
            "downstream-baseline",
            &snapshot,
            &hand_written,
        )?;
        for project in [&ours, &baseline] {
            self.log(&format!("fetch and prebuild {}", project.package));
            self.fetch(project)?;
            Invocation::build(project, &self.shared()).run(&self.marker)?;
        }
        Ok((ours, baseline))
    }

    /// Cold build from scratch: an empty target dir per run, dependencies included.
    pub fn scratch(&self, ours: &Project, baseline: &Project) -> Result<PairResult> {
        let side = |project: &Project, dir: &str| {
            let target = self.work.join(dir);
            Side {
                prepare: Prepare::RemoveDir(target.clone()),
                build: Invocation::build(project, &target),
            }
        };
        let pair = Pair {
            runs: self.options.runs.scratch,
            warmup: 0,
            ours: side(ours, "t-scratch-ours"),
            baseline: side(baseline, "t-scratch-base"),
        };
        let result = self.measure("cold build, from scratch", &pair, Some(1.3), None);
        for dir in ["t-scratch-ours", "t-scratch-base"] {
            let _ = fs::remove_dir_all(self.work.join(dir));
        }
        result
    }

    /// Cold build of the downstream crate alone, its dependencies prebuilt.
    pub fn downstream(&self, ours: &Project, baseline: &Project) -> Result<PairResult> {
        let pair = Pair {
            runs: self.options.runs.downstream,
            warmup: 1,
            ours: self.rebuilt_from_clean(ours),
            baseline: self.rebuilt_from_clean(baseline),
        };
        self.measure("cold build, downstream crate only", &pair, None, None)
    }

    /// Rebuild after a one-row edit, flipped before each run so that every run rebuilds.
    pub fn rebuild(&self, ours: &Project, baseline: &Project) -> Result<PairResult> {
        let side = |project: &Project, edited: &str| Side {
            prepare: Prepare::ToggleEdit(project.dir.join(edited)),
            build: Invocation::build(project, &self.shared()),
        };
        let pair = Pair {
            runs: self.options.runs.rebuild,
            warmup: 1,
            ours: side(ours, "spec/errors.toml"),
            baseline: side(baseline, "src/lib.rs"),
        };
        self.measure("rebuild after a one-row edit", &pair, Some(1.2), None)
    }

    /// A synthetic table of `rows` rows against its hand-written equivalent.
    pub fn synthetic(&self, rows: usize) -> Result<PairResult> {
        let snapshot = self.snapshot();
        let (ours_name, baseline_name) = (
            format!("synthetic-ours-{rows}"),
            format!("synthetic-baseline-{rows}"),
        );
        let ours = projects::ours(
            self.work.join(&ours_name),
            &ours_name,
            &snapshot,
            &synthetic::spec(rows),
        )?;
        let baseline = projects::baseline(
            self.work.join(&baseline_name),
            &baseline_name,
            &snapshot,
            &synthetic::hand_written(rows),
        )?;
        self.fetch(&ours)?;
        self.fetch(&baseline)?;
        let pair = Pair {
            runs: self.options.runs.synthetic(rows),
            warmup: 0,
            ours: self.rebuilt_from_clean(&ours),
            baseline: self.rebuilt_from_clean(&baseline),
        };
        self.measure(
            &format!("synthetic table, {rows} rows"),
            &pair,
            None,
            Some(rows),
        )
    }

    fn rebuilt_from_clean(&self, project: &Project) -> Side {
        Side {
            prepare: Prepare::Clean(Invocation::clean(project, &self.shared())),
            build: Invocation::build(project, &self.shared()),
        }
    }

    fn measure(
        &self,
        label: &str,
        pair: &Pair,
        goal: Option<f64>,
        rows: Option<usize>,
    ) -> Result<PairResult> {
        self.log(&format!("{label}: {} each", runs_text(pair.runs)));
        let sampler = Sampler::start(&self.marker);
        let times = match self.options.timer {
            Timer::Interleaved => timing::interleaved(pair, &self.marker),
            Timer::Hyperfine => timing::hyperfine(
                pair,
                &self.marker,
                &self.xtask,
                &self.work.join(file_name(label)),
            ),
        };
        let load = busy_share(&sampler.finish());
        let (ours, baseline) = times.context(|| label.to_owned())?;
        self.record(label, "ours", &ours)?;
        self.record(label, "baseline", &baseline)?;
        Ok(PairResult {
            label: label.to_owned(),
            goal,
            rows,
            ours,
            baseline,
            load,
        })
    }

    /// The 10 MB spec: time to its compile error, peak memory, and the error checked.
    pub fn large_spec(&self) -> Result<LargeSpecResult> {
        let spec = large_spec();
        let project = projects::ours(
            self.work.join("large-spec"),
            "large-spec",
            &self.snapshot(),
            &spec.text,
        )?;
        self.fetch(&project)?;
        let gnu_time = memory::gnu_time();
        let runs = self.options.runs.large_spec;
        self.log(&format!("10 MB spec: {}", runs_text(runs)));
        let sampler = Sampler::start(&self.marker);
        let mut result = LargeSpecResult {
            times: Vec::new(),
            max_rss_kib: Vec::new(),
            spec_bytes: spec.text.len(),
            diagnostic_bytes: 0,
            load: 0.0,
        };
        let measured = (0..runs).try_for_each(|run| {
            let report = self.work.join(format!("large-spec-rss-{run}.txt"));
            let build = Invocation::build(&project, &self.shared());
            let build = gnu_time.map_or(build.clone(), |time| memory::wrap(time, &build, &report));
            let (seconds, stderr) = failed_build(&build, &self.marker, &spec.expected_error)?;
            result.times.push(seconds);
            result.diagnostic_bytes = stderr;
            result.max_rss_kib.extend(
                fs::read_to_string(&report)
                    .ok()
                    .and_then(|text| memory::max_rss_kib(&text)),
            );
            Ok::<_, crate::error::Error>(())
        });
        result.load = busy_share(&sampler.finish());
        measured.context(|| "10 MB spec".to_owned())?;
        self.record("10 MB spec, time to the error", "ours", &result.times)?;
        Ok(result)
    }

    /// Appends `label<TAB>side<TAB>run<TAB>seconds` lines to `times.tsv` (kept with `--keep`).
    fn record(&self, label: &str, side: &str, times: &[f64]) -> Result<()> {
        let path = self.work.join("times.tsv");
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .context(|| format!("open {}", path.display()))?;
        for (run, seconds) in times.iter().enumerate() {
            writeln!(file, "{label}\t{side}\t{run}\t{seconds:.3}")
                .context(|| format!("write {}", path.display()))?;
        }
        Ok(())
    }
}

/// Times a build that must fail with `expected` in its messages: seconds to the error, and
/// the bytes it wrote to stderr.
fn failed_build(build: &Invocation, marker: &str, expected: &str) -> Result<(f64, usize)> {
    let start = Instant::now();
    let output = build
        .command(marker)
        .output()
        .context(|| format!("run `{}`", build.shell()))?;
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() {
        return Err("the spec has a mistake, but the crate built".into());
    }
    if !stderr.contains(expected) {
        // The diagnostic is bounded by design; cap it anyway, it is the evidence.
        let shown: String = stderr.chars().take(4_000).collect();
        eprintln!("{shown}");
        return Err(
            format!("the build failed, but without `{expected}`; its output is above").into(),
        );
    }
    Ok((seconds, output.stderr.len()))
}

/// `1 run`, `3 runs`.
fn runs_text(n: usize) -> String {
    format!("{n} run{}", if n == 1 { "" } else { "s" })
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).context(|| format!("read {}", path.display()))
}

/// A step's label as a file name: `cold-build--from-scratch`.
fn file_name(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}
