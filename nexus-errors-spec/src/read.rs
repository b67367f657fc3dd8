//! Stage 1 — read: load a spec file as text, relative to a base directory.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, LineIndex, Location};

/// A spec file as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as the user wrote it; every message names the file this way.
    pub file: String,
    /// The path it was read from, with `.` and `..` removed.
    pub resolved: PathBuf,
    /// The file's text.
    pub text: String,
}

/// Why a spec file could not be read as text: each kind with the diagnostic that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file cannot be read at all (missing, a directory, no permission); the
    /// diagnostic's note names the path looked for.
    Unreadable(Box<Diagnostic>),
    /// The file is read but is not UTF-8; the diagnostic points at the first bad byte.
    NotUtf8(Box<Diagnostic>),
}

impl ReadError {
    /// The diagnostic, whichever the kind.
    #[must_use]
    pub fn into_diagnostic(self) -> Box<Diagnostic> {
        match self {
            ReadError::Unreadable(diagnostic) | ReadError::NotUtf8(diagnostic) => diagnostic,
        }
    }
}

/// Reads the spec `file`, a path relative to `base` (or absolute).
///
/// # Errors
///
/// [`ReadError::Unreadable`] when the file cannot be read, [`ReadError::NotUtf8`] when it is
/// not UTF-8. Callers add a `help` saying what the path is relative to, in their own terms.
pub fn read(base: &Path, file: &str) -> Result<Source, ReadError> {
    let resolved = normalize(&base.join(file));
    let bytes = std::fs::read(&resolved).map_err(|err| {
        ReadError::Unreadable(Box::new(Diagnostic {
            file: file.to_owned(),
            location: None,
            message: format!("cannot read the spec `{file}`: {err}"),
            snippet: None,
            notes: vec![format!("looked for {}", resolved.display())],
            help: None,
        }))
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|err| ReadError::NotUtf8(Box::new(not_utf8(file, &err))))?;
    Ok(Source {
        file: file.to_owned(),
        resolved,
        text,
    })
}

fn not_utf8(file: &str, err: &std::string::FromUtf8Error) -> Diagnostic {
    let bytes = err.as_bytes();
    let valid = err.utf8_error().valid_up_to();
    // Everything before `valid` is UTF-8, so lines and columns can be counted up to it.
    let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let line = LineIndex::new(prefix).line(prefix, valid);
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Diagnostic {
        file: file.to_owned(),
        location: Some(Location {
            line,
            column,
            range: valid..valid + 1,
        }),
        message: format!(
            "the spec is not valid UTF-8 (byte 0x{:02x} at offset {valid})",
            bytes.get(valid).copied().unwrap_or_default()
        ),
        snippet: None,
        notes: Vec::new(),
        help: Some("save the file as UTF-8".to_owned()),
    }
}

/// Removes `.` and `..` lexically, so messages show a clean path even for a missing file.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "nexus-errors-spec-read-{name}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn normalize_removes_dot_segments() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d.toml")),
            PathBuf::from("/a/c/d.toml")
        );
        assert_eq!(normalize(Path::new("../x")), PathBuf::from("../x"));
    }

    #[test]
    fn a_file_is_read_with_its_resolved_path() {
        let dir = temp_dir("ok");
        std::fs::write(dir.join("a.toml"), "[api]\n").expect("write");
        let source = read(&dir, "sub/../a.toml").expect("readable");
        assert_eq!(source.file, "sub/../a.toml");
        assert_eq!(source.resolved, dir.join("a.toml"));
        assert_eq!(source.text, "[api]\n");
    }

    #[test]
    fn missing_file_names_the_resolved_path() {
        let dir = temp_dir("missing");
        let Err(ReadError::Unreadable(diagnostic)) = read(&dir, "x/../nope.toml") else {
            panic!("a missing file is unreadable");
        };
        assert!(
            diagnostic
                .message
                .starts_with("cannot read the spec `x/../nope.toml`: ")
        );
        assert_eq!(
            diagnostic.notes,
            [format!("looked for {}", dir.join("nope.toml").display())]
        );
    }

    #[test]
    fn invalid_utf8_gives_line_and_column() {
        let dir = temp_dir("utf8");
        std::fs::write(dir.join("bad.toml"), b"[api]\nname = \"a\xffb\"\n").expect("write");
        let Err(ReadError::NotUtf8(diagnostic)) = read(&dir, "bad.toml") else {
            panic!("the file is not UTF-8");
        };
        assert_eq!(
            diagnostic.to_string(),
            "bad.toml:2:10: the spec is not valid UTF-8 (byte 0xff at offset 15)\n  = help: save the file as UTF-8"
        );
    }
}
