//! The crates the steps build, each in its own directory of the temp dir, and the snapshot of
//! the workspace that `ours` depends on by path.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Context, Result};

/// A crate of its own (`[workspace]` in its manifest), built with `--manifest-path`.
pub struct Project {
    pub dir: PathBuf,
    pub package: String,
}

impl Project {
    pub fn manifest(&self) -> PathBuf {
        self.dir.join("Cargo.toml")
    }
}

/// The downstream crate on our side: the table from its own `spec/errors.toml`.
const OURS_LIB: &str = "\
//! A downstream crate: the error table from its own spec, through nexus-errors.

/// The API's errors, generated from `spec/errors.toml`.
#[nexus_errors::error_table(path = \"spec/errors.toml\")]
pub enum ApiError {}

/// Reads a failed response.
pub fn from_response(status: u16, body: &[u8]) -> nexus_errors::ResponseError<ApiError> {
    ApiError::from_response(status, body)
}
";

/// The hand-written side's dependencies, at the versions the workspace locks.
const BASELINE_DEPENDENCIES: [&str; 3] = [
    "thiserror = \"2.0.21\"",
    "serde = { version = \"1.0.229\", features = [\"derive\"] }",
    "serde_json = \"1.0.154\"",
];

/// Copies the workspace, without `target/` and `.git`, so that edits made there during the run
/// change nothing here.
pub fn snapshot(root: &Path, to: &Path) -> Result<()> {
    copy_tree(root, to).context(|| format!("snapshot of {} into {}", root.display(), to.display()))
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let (source, destination) = (entry.path(), to.join(&name));
        let kind = entry.file_type()?;
        if kind.is_symlink() {
            copy_symlink(&source, &destination)?;
        } else if kind.is_dir() {
            copy_tree(&source, &destination)?;
        } else {
            fs::copy(&source, &destination)?;
        }
    }
    Ok(())
}

/// The workspace links files within itself (`nexus-errors/spec/errors.toml`): the same
/// relative link resolves within the snapshot.
#[cfg(unix)]
fn copy_symlink(source: &Path, destination: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(fs::read_link(source)?, destination)
}

#[cfg(not(unix))]
fn copy_symlink(source: &Path, destination: &Path) -> std::io::Result<()> {
    fs::copy(source, destination).map(drop)
}

/// A crate using nexus-errors from the snapshot, with `spec` as its `spec/errors.toml`.
pub fn ours(dir: PathBuf, package: &str, snapshot: &Path, spec: &str) -> Result<Project> {
    let nexus_errors = snapshot.join("nexus-errors");
    let dependency = format!(
        "nexus-errors = {{ path = {} }}",
        toml_string(&nexus_errors.to_string_lossy())
    );
    let project = write_crate(dir, package, snapshot, &[dependency.as_str()], OURS_LIB)?;
    write(&project.dir.join("spec/errors.toml"), spec)?;
    Ok(project)
}

/// A crate whose root is `lib_rs`, written by hand.
pub fn baseline(dir: PathBuf, package: &str, snapshot: &Path, lib_rs: &str) -> Result<Project> {
    write_crate(dir, package, snapshot, &BASELINE_DEPENDENCIES, lib_rs)
}

fn write_crate(
    dir: PathBuf,
    package: &str,
    snapshot: &Path,
    dependencies: &[&str],
    lib_rs: &str,
) -> Result<Project> {
    write(&dir.join("Cargo.toml"), &manifest(package, dependencies))?;
    write(&dir.join("src/lib.rs"), lib_rs)?;
    // The workspace's lockfile: both sides build the dependency versions the workspace tests.
    let lock = snapshot.join("Cargo.lock");
    fs::copy(&lock, dir.join("Cargo.lock")).context(|| format!("copy {}", lock.display()))?;
    Ok(Project {
        dir,
        package: package.to_owned(),
    })
}

fn manifest(package: &str, dependencies: &[&str]) -> String {
    format!(
        "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n{}\n\n[workspace]\n",
        dependencies.join("\n")
    )
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).context(|| format!("create {}", parent.display()))?;
    }
    fs::write(path, text).context(|| format!("write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_is_a_workspace_of_its_own() {
        let text = manifest("downstream-ours", &["a = \"1\"", "b = \"2\""]);
        assert!(text.starts_with("[package]\nname = \"downstream-ours\"\n"));
        assert!(text.contains("[dependencies]\na = \"1\"\nb = \"2\"\n\n[workspace]\n"));
    }

    #[test]
    fn toml_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(toml_string(r#"C:\tmp\"x"#), r#""C:\\tmp\\\"x""#);
        assert_eq!(toml_string("a\tb"), r#""a\u0009b""#);
    }
}
