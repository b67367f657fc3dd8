//! Peak memory of a build: the largest resident set of any one process in it (the rustc that
//! expands the macro), as GNU time reports it.
//!
//! GNU time waits for cargo, and the kernel reports for a waited-for process the largest
//! resident set of it and every descendant it waited for, so `%M` covers rustc too.

use std::path::Path;
use std::process::{Command, Stdio};

use super::command::Invocation;

const GNU_TIME: &str = "/usr/bin/time";

/// `/usr/bin/time` if it is GNU time (BSD's has no `-f`); `None` leaves memory unmeasured.
pub fn gnu_time() -> Option<&'static str> {
    let probe = Command::new(GNU_TIME)
        .args(["-f", "%M", "-o", "/dev/null", "true"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    probe
        .is_ok_and(|status| status.success())
        .then_some(GNU_TIME)
}

/// `invocation`, run by GNU time, which writes the peak resident set in KiB to `report`.
pub fn wrap(time: &str, invocation: &Invocation, report: &Path) -> Invocation {
    let report = report.to_string_lossy();
    let mut args = vec!["-f", "%M", "-o", &report, &invocation.program];
    args.extend(invocation.args.iter().map(String::as_str));
    Invocation::new(time, &args)
}

/// The figure in GNU time's report: its last line (after a line saying that the command
/// failed, when it did).
pub fn max_rss_kib(report: &str) -> Option<u64> {
    report
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_figure_after_a_failed_command_too() {
        assert_eq!(max_rss_kib("612345\n"), Some(612_345));
        assert_eq!(
            max_rss_kib("Command exited with non-zero status 101\n612345\n"),
            Some(612_345)
        );
        assert_eq!(max_rss_kib(""), None);
        assert_eq!(max_rss_kib("garbage\n"), None);
    }

    #[test]
    fn wraps_the_command_line() {
        let build = Invocation::new("cargo", &["build", "-q"]);
        let wrapped = wrap("/usr/bin/time", &build, Path::new("/tmp/rss"));
        assert_eq!(
            wrapped.shell(),
            "/usr/bin/time -f %M -o /tmp/rss cargo build -q"
        );
    }
}
