//! Timing both sides of a step: interleaved runs (the default) or hyperfine.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::error::{Context, Result};

use super::command::{Invocation, last_lines, shell_quote};
use super::edit;

/// What runs, untimed, before each timed build.
pub enum Prepare {
    /// An empty target dir: the build starts from scratch.
    RemoveDir(PathBuf),
    /// `cargo clean -p`: the crate is built again, its dependencies are not.
    Clean(Invocation),
    /// The one-row edit, flipped.
    ToggleEdit(PathBuf),
}

impl Prepare {
    fn run(&self, marker: &str) -> Result<()> {
        match self {
            Prepare::RemoveDir(dir) => match fs::remove_dir_all(dir) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    Err(format!("remove {}: {error}", dir.display()).into())
                }
                _ => Ok(()),
            },
            Prepare::Clean(clean) => clean.run(marker).map(drop),
            Prepare::ToggleEdit(path) => edit::toggle(path),
        }
    }

    /// The same, as a command line for hyperfine's `--prepare`.
    fn shell(&self, xtask: &str) -> String {
        match self {
            Prepare::RemoveDir(dir) => format!("rm -rf {}", shell_quote(&dir.to_string_lossy())),
            Prepare::Clean(clean) => clean.shell(),
            Prepare::ToggleEdit(path) => {
                let toggle = Invocation::new(xtask, &[super::TOGGLE_TASK, &path.to_string_lossy()]);
                toggle.shell()
            }
        }
    }
}

/// One side of a step: how to prepare a run, and the build that is timed.
pub struct Side {
    pub prepare: Prepare,
    pub build: Invocation,
}

/// A step's two sides and how often to build them.
pub struct Pair {
    pub runs: usize,
    /// Untimed runs of each side first: caches and the first-build costs of a step that reuses
    /// a target dir.
    pub warmup: usize,
    pub ours: Side,
    pub baseline: Side,
}

/// Wall-clock seconds of each run: ours, then the baseline.
pub type Times = (Vec<f64>, Vec<f64>);

/// Runs ours, baseline, baseline, ours, …: a burst of load from another build lands on both
/// sides alike. The clock times the build alone, not its preparation.
pub fn interleaved(pair: &Pair, marker: &str) -> Result<Times> {
    let once = |side: &Side| -> Result<f64> {
        side.prepare.run(marker)?;
        let start = Instant::now();
        side.build.run(marker)?;
        Ok(start.elapsed().as_secs_f64())
    };
    for _ in 0..pair.warmup {
        once(&pair.ours)?;
        once(&pair.baseline)?;
    }
    let (mut ours, mut baseline) = (Vec::new(), Vec::new());
    for run in 0..pair.runs {
        if run % 2 == 0 {
            ours.push(once(&pair.ours)?);
            baseline.push(once(&pair.baseline)?);
        } else {
            baseline.push(once(&pair.baseline)?);
            ours.push(once(&pair.ours)?);
        }
    }
    Ok((ours, baseline))
}

/// hyperfine runs every run of one side, then every run of the other: simpler to compare with
/// other hyperfine figures, more exposed to a burst of load.
pub fn hyperfine(pair: &Pair, marker: &str, xtask: &str, files: &Path) -> Result<Times> {
    let (json, log) = (files.with_extension("json"), files.with_extension("log"));
    let (runs, warmup) = (pair.runs.to_string(), pair.warmup.to_string());
    let json_arg = json.to_string_lossy();
    let (prepare_ours, prepare_baseline) = (
        pair.ours.prepare.shell(xtask),
        pair.baseline.prepare.shell(xtask),
    );
    let (ours, baseline) = (pair.ours.build.shell(), pair.baseline.build.shell());
    let mut args = vec!["--style", "none", "--runs", &runs, "--warmup", &warmup];
    args.extend(["--export-json", &json_arg]);
    args.extend(["--prepare", &prepare_ours, "--command-name", "ours", &ours]);
    args.extend([
        "--prepare",
        &prepare_baseline,
        "--command-name",
        "baseline",
        &baseline,
    ]);
    let output = Invocation::new("hyperfine", &args)
        .command(marker)
        .output()
        .context(|| "run hyperfine".to_owned())?;
    let _ = fs::write(&log, [output.stdout.as_slice(), &output.stderr].concat());
    if !output.status.success() {
        let said = last_lines(&output.stderr, 2);
        return Err(format!("hyperfine failed ({}): {said}", output.status).into());
    }
    let text = fs::read_to_string(&json).context(|| format!("read {}", json.display()))?;
    let times = |name| {
        hyperfine_times(&text, name)
            .ok_or_else(|| format!("{}: no times for `{name}`", json.display()))
    };
    Ok((times("ours")?, times("baseline")?))
}

/// The `times` of the result named `name` in hyperfine's JSON export: the one array of numbers
/// this needs, read without a JSON parser.
fn hyperfine_times(json: &str, name: &str) -> Option<Vec<f64>> {
    let named = [
        format!("\"command\": \"{name}\""),
        format!("\"command\":\"{name}\""),
    ];
    let start = named.iter().find_map(|key| json.find(key.as_str()))?;
    let rest = &json[start..];
    let times = rest.find("\"times\"")?;
    let rest = &rest[times..];
    let open = rest.find('[')?;
    let close = rest.find(']')?;
    rest[open + 1..close]
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| item.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_commands_times_from_hyperfine_json() {
        let json = r#"{
  "results": [
    {
      "command": "ours",
      "mean": 0.2, "stddev": 0.01, "median": 0.2, "user": 0.1, "system": 0.05,
      "min": 0.19, "max": 0.21,
      "times": [
        0.19,
        0.21
      ],
      "exit_codes": [0, 0]
    },
    {"command":"baseline","times":[0.3,0.25,0.35],"exit_codes":[0,0,0]}
  ]
}"#;
        assert_eq!(hyperfine_times(json, "ours"), Some(vec![0.19, 0.21]));
        assert_eq!(
            hyperfine_times(json, "baseline"),
            Some(vec![0.3, 0.25, 0.35])
        );
        assert_eq!(hyperfine_times(json, "other"), None);
    }

    #[test]
    fn prepares_have_shell_forms_for_hyperfine() {
        let remove = Prepare::RemoveDir(PathBuf::from("/tmp/w/t-scratch-ours"));
        assert_eq!(remove.shell("xtask"), "rm -rf /tmp/w/t-scratch-ours");
        let toggle = Prepare::ToggleEdit(PathBuf::from("/tmp/w/ours/spec/errors.toml"));
        assert_eq!(
            toggle.shell("/x/xtask"),
            format!(
                "/x/xtask {} /tmp/w/ours/spec/errors.toml",
                super::super::TOGGLE_TASK
            )
        );
    }
}
