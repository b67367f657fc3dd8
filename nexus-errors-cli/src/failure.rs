//! Why a command stopped early, and the exit code that says so.

/// A one-line message and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// 1 for a finding, 2 for trouble (see `--help`).
    pub code: u8,
    /// One line, without the `error: ` label.
    pub message: String,
}

impl Failure {
    /// A problem with the invocation or the files (exit code 2).
    pub fn trouble(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// A finding about the spec or the page (exit code 1).
    pub fn finding(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}
