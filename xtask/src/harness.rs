//! The measured steps: the crates each one builds, timed in interleaved runs, with the load of
//! other builds sampled meanwhile.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, ensure};

use crate::report::{self, Measured};
use crate::{Step, projects};

/// Every process of a run carries `NEXUS_BUILD_TIME_RUN=<pid of this program>`: the load
/// sampler tells this run's rustc processes from other builds' by it.
const MARKER: &str = "NEXUS_BUILD_TIME_RUN";

/// Settings meant for the workspace's own builds that would change what is measured.
const REMOVED_ENV: &str = "CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR RUSTC_WRAPPER \
    CARGO_BUILD_RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER \
    CARGO_INCREMENTAL RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS";

/// What runs, untimed, before each timed build of a side.
#[derive(Clone, Copy)]
enum Prepare {
    /// An empty target dir of its own: the build starts from scratch, dependencies included.
    Scratch,
    /// `cargo clean -p` in the shared target dir: the crate is built again, not its
    /// dependencies.
    Clean,
    /// The one-row edit, flipped, so that every run rebuilds. This process makes it between
    /// timed runs: there is no task of its own for a benchmarking tool to run.
    Edit,
}

/// The temp dir of the run, and how many runs each side of a step gets.
struct Harness {
    work: PathBuf,
    runs: usize,
    started: Instant,
}

/// Measures `steps` with `runs` runs a side, in a temp dir that is removed at the end (left
/// behind if the run stops early: its path is printed first).
pub fn run(steps: &[Step], runs: usize, root: &Path) -> Result<()> {
    let work = std::env::temp_dir().join(format!("nexus-build-time.{}", std::process::id()));
    fs::create_dir(&work).with_context(|| format!("create {}", work.display()))?;
    let h = Harness {
        work,
        runs,
        started: Instant::now(),
    };
    let machine = machine()?;
    h.log(format!("temp dir {}", h.work.display()));
    let snapshot = h.work.join("snapshot");
    projects::copy_tree(root, &snapshot).with_context(|| format!("copy {}", root.display()))?;
    let read = |path: &str| fs::read_to_string(snapshot.join(path)).context(path.to_owned());
    let ours = projects::write_ours(&h.work, "downstream-ours", &read("spec/errors.toml")?)?;
    let hand_written = read("nexus-errors/benches/baseline/mod.rs")?;
    let baseline = projects::write_baseline(&h.work, "downstream-baseline", &hand_written)?;
    // Both built once, untimed, into the shared target dir: every step but the first finds
    // their dependencies there, and a crate that does not build stops the run here.
    for project in [&ours, &baseline] {
        h.log(format!("fetch and prebuild {}", project.display()));
        fetch(project)?;
        checked(&mut cargo("build", project, &h.shared()))?;
    }
    let mut measured = Vec::new();
    for step in steps {
        let (label, goal, warmup, prepare) = match step {
            Step::Scratch => ("cold build, from scratch", Some(1.3), 0, Prepare::Scratch),
            Step::Downstream => ("cold build, downstream crate only", None, 1, Prepare::Clean),
            Step::Rebuild => ("rebuild after a one-row edit", Some(1.2), 1, Prepare::Edit),
            Step::Synthetic => {
                for rows in [100, 1_000, 10_000] {
                    measured.push(h.synthetic(rows)?);
                }
                continue;
            }
            Step::LargeSpec => {
                measured.push(h.large_spec()?);
                continue;
            }
        };
        let pair = h.pair(label, warmup, prepare, [&ours, &baseline])?;
        measured.push(Measured { goal, ..pair });
    }
    println!("\n{machine}\n");
    print!("{}", report::render(&measured));
    fs::remove_dir_all(&h.work).with_context(|| format!("remove {}", h.work.display()))
}

impl Harness {
    fn log(&self, message: String) {
        eprintln!("[{:>6.1}s] {message}", self.started.elapsed().as_secs_f64());
    }

    /// The target dir of every build but those from scratch: dependencies prebuilt.
    fn shared(&self) -> PathBuf {
        self.work.join("target-shared")
    }

    /// One run of one side: its preparation, untimed, then its build, timed.
    fn once(&self, project: &Path, prepare: Prepare) -> Result<f64> {
        let mut target = self.shared();
        let name = &*project.file_name().unwrap_or_default().to_string_lossy();
        match prepare {
            Prepare::Scratch => {
                target = self.work.join(format!("target-{name}"));
                if target.exists() {
                    fs::remove_dir_all(&target).context("remove a target dir")?;
                }
            }
            Prepare::Clean => {
                checked(cargo("clean", project, &target).args(["-p", name]))?;
            }
            Prepare::Edit => projects::flip_edit(project)?,
        }
        Ok(checked(&mut cargo("build", project, &target))?.0)
    }

    /// Ours against the baseline: `runs` runs of each side after `warmup` untimed ones, as
    /// ours, baseline, baseline, ours, ...: a burst of load from another build lands on both
    /// sides alike.
    fn pair(
        &self,
        label: &str,
        warmup: usize,
        how: Prepare,
        sides: [&Path; 2],
    ) -> Result<Measured> {
        self.log(format!("{label}: {} run(s) each", self.runs));
        let (times, load) = sampled(|| -> Result<_> {
            for side in (0..warmup).flat_map(|_| sides) {
                self.once(side, how)?;
            }
            let mut times = [Vec::new(), Vec::new()];
            for run in 0..self.runs {
                for side in if run % 2 == 0 { [0, 1] } else { [1, 0] } {
                    times[side].push(self.once(sides[side], how)?);
                }
            }
            Ok(times)
        });
        let [ours, baseline] = times.context(label.to_owned())?;
        self.log(format!("{label}: ours {ours:.2?}, baseline {baseline:.2?}"));
        Ok(Measured::new(label, ours, baseline, load))
    }

    fn synthetic(&self, rows: usize) -> Result<Measured> {
        let spec = projects::synthetic_spec(rows);
        let ours = projects::write_ours(&self.work, &format!("synthetic-ours-{rows}"), &spec)?;
        let hand_written = projects::synthetic_hand_written(rows);
        let baseline = format!("synthetic-baseline-{rows}");
        let baseline = projects::write_baseline(&self.work, &baseline, &hand_written)?;
        fetch(&ours)?;
        fetch(&baseline)?;
        let label = format!("synthetic table, {rows} rows");
        let pair = self.pair(&label, 0, Prepare::Clean, [&ours, &baseline])?;
        let rows = Some(rows);
        Ok(Measured { rows, ..pair })
    }

    /// The 10 MB spec (ours only): time to its compile error, peak memory, the error checked.
    /// GNU time reports the largest resident set of the command and of every descendant it
    /// waited for (`%M`, KiB): with cargo as the command, that covers the rustc expanding the
    /// macro.
    fn large_spec(&self) -> Result<Measured> {
        let (spec, expected) = projects::large_spec();
        let project = projects::write_ours(&self.work, "large-spec", &spec)?;
        fetch(&project)?;
        let (rss, cargo) = (
            self.work.join("rss"),
            cargo("build", &project, &self.shared()),
        );
        let mut build = command("/usr/bin/time");
        build.args(["-f", "%M", "-o"]).arg(&rss);
        build.arg(cargo.get_program()).args(cargo.get_args());
        let label = "10 MB spec, time to the error".to_owned();
        self.log(format!("{label}: {} run(s)", self.runs));
        let (runs, load) = sampled(|| {
            let peak = || max_rss_kib(&fs::read_to_string(&rss).unwrap_or_default());
            let once = |_| timed(&mut build).map(|(seconds, output)| (seconds, output, peak()));
            (0..self.runs).map(once).collect::<Result<Vec<_>>>()
        });
        let runs = runs.context("10 MB spec (it needs GNU time at /usr/bin/time)")?;
        for (_, output, _) in &runs {
            let stderr = String::from_utf8_lossy(&output.stderr);
            // The diagnostic is bounded by design; cap it anyway, it is the evidence.
            let shown: String = stderr.chars().take(4_000).collect();
            let stopped = !output.status.success() && stderr.contains(&expected);
            ensure!(stopped, "{shown}\nthe build did not stop with `{expected}`");
        }
        let ours: Vec<f64> = runs.iter().map(|run| run.0).collect();
        self.log(format!("{label}: {ours:.2?}"));
        let peak_mib = runs.iter().filter_map(|run| run.2).max().unwrap_or(0) as f64 / 1024.0;
        let (bytes, n, stderr) = (spec.len(), runs.len(), runs[0].1.stderr.len());
        let mut measured = Measured::new(&label, ours, Vec::new(), load);
        measured.note = Some(format!(
            "10 MB spec ({bytes} bytes, {n} runs): the expected compile error, {stderr} bytes on \
             stderr; peak memory {peak_mib:.0} MiB (largest resident set of one process, GNU time)"
        ));
        Ok(measured)
    }
}

fn command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    for name in REMOVED_ENV.split_whitespace() {
        command.env_remove(name);
    }
    command
        .env("CARGO_TERM_COLOR", "never")
        .stdin(Stdio::null());
    command.env(MARKER, std::process::id().to_string());
    command
}

/// `cargo SUBCOMMAND` on `project`, quiet; with a target dir, from the lockfile only.
fn cargo(subcommand: &str, project: &Path, target: &Path) -> Command {
    let mut cargo = command(std::env::var_os("CARGO").unwrap_or("cargo".into()));
    cargo
        .args([subcommand, "-q", "--manifest-path"])
        .arg(project.join("Cargo.toml"));
    if subcommand != "fetch" {
        cargo.args(["--frozen", "--target-dir"]).arg(target);
    }
    cargo
}

/// Fetches a project's dependencies, trimming its copy of the workspace's lockfile.
fn fetch(project: &Path) -> Result<()> {
    checked(&mut cargo("fetch", project, Path::new(""))).map(drop)
}

/// Runs a command to its end, timed. The harness's one timer: the wall clock of a whole
/// command, from this process (rather than hyperfine, which it also offered): the sides
/// interleave run by run, the preparations stay untimed and in-process, and no tool but
/// cargo is needed.
fn timed(command: &mut Command) -> Result<(f64, Output)> {
    let start = Instant::now();
    let output = command
        .output()
        .with_context(|| format!("run {command:?}"))?;
    Ok((start.elapsed().as_secs_f64(), output))
}

/// `timed`, and the command must succeed: a failure passes its stderr on (a compiler's
/// messages are the context).
fn checked(command: &mut Command) -> Result<(f64, Output)> {
    let (seconds, output) = timed(command)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    ensure!(
        output.status.success(),
        "{stderr}{command:?} failed ({})",
        output.status
    );
    Ok((seconds, output))
}

/// The machine and method lines of the report; checks the tools on the way.
fn machine() -> Result<String> {
    let version = |program: &OsStr| -> Result<String> {
        let output = checked(command(program).arg("--version"))?.1;
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    let cargo = version(&std::env::var_os("CARGO").unwrap_or("cargo".into()))?;
    let rustc = version("rustc".as_ref())?;
    let cores = thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"));
    let model = model.and_then(|line| Some(line.split_once(':')?.1.trim()));
    Ok(format!(
        "machine: {cores} cores, {}, {rustc}, {cargo}\ntiming: interleaved runs (ours, \
         baseline, baseline, ours, ...); cargo build, dev profile; wall clock; medians",
        model.unwrap_or("unknown CPU")
    ))
}

/// The figure in GNU time's report: its last line (after a line saying that the command
/// failed, when it did).
fn max_rss_kib(report: &str) -> Option<u64> {
    report
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())?
        .trim()
        .parse()
        .ok()
}

/// Runs `f` while sampling, once a second, whether a rustc that is not this run's is
/// running: another build on the machine skews every figure. Returns `f`'s result and the
/// share of the samples that saw one.
fn sampled<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let mine = format!("{MARKER}={}", std::process::id());
    let (stop, stopped) = mpsc::channel::<()>();
    thread::scope(|scope| {
        let sampler = scope.spawn(move || {
            let (mut busy, mut samples) = (0, 0);
            loop {
                samples += 1;
                busy += usize::from(!foreign_rustc(mine.as_bytes()).is_empty());
                let next = stopped.recv_timeout(Duration::from_secs(1));
                if next != Err(RecvTimeoutError::Timeout) {
                    return busy as f64 / samples as f64;
                }
            }
        });
        let result = f();
        drop(stop);
        (result, sampler.join().unwrap_or(0.0))
    })
}

/// The pids of rustc processes whose environment lacks `mine`; one whose environment cannot
/// be read (another user's) is not this run's. Without `/proc`, there is nothing to count.
fn foreign_rustc(mine: &[u8]) -> Vec<u32> {
    let processes = fs::read_dir("/proc").into_iter().flatten().flatten();
    let read = |entry: &fs::DirEntry, file| fs::read(entry.path().join(file)).unwrap_or_default();
    let rustc = processes.filter(|entry| read(entry, "comm") == b"rustc\n");
    let environ = |entry: &fs::DirEntry| read(entry, "environ");
    let foreign = rustc.filter(|entry| !environ(entry).split(|&b| b == 0).any(|v| v == mine));
    foreign
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_peak_after_a_failed_command_too() {
        assert_eq!(max_rss_kib("612345\n"), Some(612_345));
        let failed = "Command exited with non-zero status 101\n612345\n";
        assert_eq!(max_rss_kib(failed), Some(612_345));
        assert_eq!(max_rss_kib("garbage\n"), None);
    }

    /// Two processes named `rustc` (copies of `sleep`), one with this run's marker.
    #[cfg(target_os = "linux")]
    #[test]
    fn tells_this_runs_rustc_from_others() {
        let dir = std::env::temp_dir().join(format!("xtask-load-test.{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::copy("/bin/sleep", dir.join("rustc")).expect("a sleep to disguise");
        let fake = |id| {
            Command::new(dir.join("rustc"))
                .arg("5")
                .env(MARKER, id)
                .spawn()
        };
        let (mut ours, mut theirs) = (fake("42").unwrap(), fake("43").unwrap());
        thread::sleep(Duration::from_millis(100));
        let foreign = foreign_rustc(format!("{MARKER}=42").as_bytes());
        let _ = (ours.kill(), theirs.kill(), ours.wait(), theirs.wait());
        let _ = fs::remove_dir_all(&dir);
        assert!(foreign.contains(&theirs.id()), "{foreign:?}");
        assert!(!foreign.contains(&ours.id()), "{foreign:?}");
    }
}
