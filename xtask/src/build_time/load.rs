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
    let Ok(processes) = fs::read_dir("/proc") else {
        return 0;
    };
    processes
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter(|entry| fs::read(entry.path().join("comm")).is_ok_and(|comm| comm == b"rustc\n"))
        .filter(|entry| {
            let environ = fs::read(entry.path().join("environ")).unwrap_or_default();
            !environ.split(|&b| b == 0).any(|variable| variable == mine)
        })
        .count()
}
