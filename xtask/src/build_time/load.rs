//! The load sampler: once a second, how many rustc processes are running that are not this
//! run's. Another build on the machine skews every figure; the report flags the steps it saw.

use std::fs;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::command::MARKER;

pub struct Sampler {
    stop: Sender<()>,
    thread: JoinHandle<Vec<usize>>,
}

impl Sampler {
    /// Starts sampling; `marker` is the value of `MARKER` in this run's processes.
    pub fn start(marker: &str) -> Sampler {
        let mine = format!("{MARKER}={marker}").into_bytes();
        let (stop, stopped) = mpsc::channel();
        let thread = thread::spawn(move || {
            let mut samples = Vec::new();
            loop {
                samples.push(foreign_rustc(&mine));
                match stopped.recv_timeout(Duration::from_secs(1)) {
                    Err(RecvTimeoutError::Timeout) => continue,
                    Ok(()) | Err(RecvTimeoutError::Disconnected) => return samples,
                }
            }
        });
        Sampler { stop, thread }
    }

    /// Stops sampling: one count per second of the step, the first at its start.
    pub fn finish(self) -> Vec<usize> {
        let _ = self.stop.send(());
        self.thread.join().unwrap_or_default()
    }
}

/// rustc processes whose environment lacks `mine`; one whose environment cannot be read
/// (another user's) is not this run's. Without `/proc`, there is nothing to count.
fn foreign_rustc(mine: &[u8]) -> usize {
    foreign_rustc_pids(mine).len()
}

fn foreign_rustc_pids(mine: &[u8]) -> Vec<u32> {
    let Ok(processes) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    processes
        .flatten()
        .filter_map(|entry| {
            Some((
                entry.file_name().to_str()?.parse::<u32>().ok()?,
                entry.path(),
            ))
        })
        .filter(|(_, path)| fs::read(path.join("comm")).is_ok_and(|comm| comm == b"rustc\n"))
        .filter(|(_, path)| {
            let environ = fs::read(path.join("environ")).unwrap_or_default();
            !environ.split(|&b| b == 0).any(|variable| variable == mine)
        })
        .map(|(pid, _)| pid)
        .collect()
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::process::{Child, Command};

    /// A process named `rustc` (a copy of `sleep`), with or without this run's marker.
    fn fake_rustc(dir: &std::path::Path, marker: Option<&str>) -> Child {
        let mut command = Command::new(dir.join("rustc"));
        command.arg("5").env_remove(MARKER);
        if let Some(marker) = marker {
            command.env(MARKER, marker);
        }
        command.spawn().expect("start the fake rustc")
    }

    #[test]
    fn tells_this_runs_rustc_from_others() {
        let dir = std::env::temp_dir().join(format!("xtask-load-test.{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let Ok(_) = fs::copy("/bin/sleep", dir.join("rustc")) else {
            return; // no /bin/sleep to disguise: nothing to check here
        };
        let (mut ours, mut theirs) = (fake_rustc(&dir, Some("/tmp/run")), fake_rustc(&dir, None));
        std::thread::sleep(std::time::Duration::from_millis(100));
        let foreign = foreign_rustc_pids(format!("{MARKER}=/tmp/run").as_bytes());
        let _ = (ours.kill(), theirs.kill(), ours.wait(), theirs.wait());
        let _ = fs::remove_dir_all(&dir);
        assert!(foreign.contains(&theirs.id()), "{foreign:?}");
        assert!(!foreign.contains(&ours.id()), "{foreign:?}");
    }
}
