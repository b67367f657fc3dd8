//! The run's temp dir: removed at the end, or kept with `--keep`.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::Result;

pub struct Workdir {
    path: PathBuf,
    keep: bool,
}

impl Workdir {
    /// `$TMPDIR/nexus-build-time.<pid>.<n>`, a new directory.
    pub fn create(keep: bool) -> Result<Workdir> {
        let base = std::env::temp_dir();
        for n in 0..1_000 {
            let path = base.join(format!("nexus-build-time.{}.{n}", std::process::id()));
            match fs::create_dir(&path) {
                Ok(()) => {
                    // Paths go into manifests and command lines: keep them to Unicode.
                    if path.to_str().is_none() {
                        let _ = fs::remove_dir(&path);
                        return Err(format!(
                            "the temp dir {} is not valid Unicode; set TMPDIR",
                            path.display()
                        )
                        .into());
                    }
                    return Ok(Workdir { path, keep });
                }
                Err(error) if error.kind() == ErrorKind::AlreadyExists => continue,
                Err(error) => {
                    return Err(format!("create a temp dir in {}: {error}", base.display()).into());
                }
            }
        }
        Err(format!(
            "create a temp dir in {}: every name is taken",
            base.display()
        )
        .into())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as text, for `MARKER` and command lines (checked to be Unicode at creation).
    pub fn marker(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

impl Drop for Workdir {
    fn drop(&mut self) {
        if self.keep {
            eprintln!("kept {}", self.path.display());
        } else if let Err(error) = fs::remove_dir_all(&self.path) {
            eprintln!("xtask: could not remove {}: {error}", self.path.display());
        }
    }
}
