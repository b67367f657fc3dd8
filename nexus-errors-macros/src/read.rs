//! Stage 1 — read: find the spec file next to the calling crate and load it as text.

use std::path::{Component, Path, PathBuf};

use syn::LitStr;

/// A spec file as read from disk.
pub struct SpecFile {
    /// The path as the user wrote it; every message names the file this way.
    pub shown: String,
    /// The path it was read from. `include_bytes!` of it ties rebuilds to the file.
    pub resolved: PathBuf,
    pub text: String,
}

/// Reads the spec named by `path`, relative to the calling crate's `CARGO_MANIFEST_DIR`.
pub fn read(path: &LitStr) -> syn::Result<SpecFile> {
    let shown = path.value();
    if shown.trim().is_empty() {
        return Err(syn::Error::new(
            path.span(),
            "the spec path is empty\n  = help: name a TOML file relative to the crate's Cargo.toml, e.g. `path = \"spec/errors.toml\"`",
        ));
    }
    let Some(base) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return Err(syn::Error::new(
            path.span(),
            "CARGO_MANIFEST_DIR is not set, so the spec path cannot be resolved\n  = help: build with cargo, which sets it",
        ));
    };
    read_from(Path::new(&base), path, shown)
}

fn read_from(base: &Path, path: &LitStr, shown: String) -> syn::Result<SpecFile> {
    let resolved = normalize(&base.join(&shown));
    let bytes = std::fs::read(&resolved).map_err(|err| {
        syn::Error::new(
            path.span(),
            format!(
                "cannot read the spec `{shown}`: {err}\n  = note: looked for {}\n  = help: the path is relative to the directory of the crate's Cargo.toml ({})",
                resolved.display(),
                base.display(),
            ),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        syn::Error::new(
            path.span(),
            format!(
                "{shown}:{line}:{column}: the spec is not valid UTF-8 (byte 0x{:02x} at offset {valid})\n  = help: save the file as UTF-8",
                bytes[valid],
            ),
        )
    })?;
    Ok(SpecFile {
        shown,
        resolved,
        text,
    })
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
    use proc_macro2::Span;

    fn lit(s: &str) -> LitStr {
        LitStr::new(s, Span::call_site())
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("nexus-errors-read-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn normalize_removes_dot_segments() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d.toml")),
            PathBuf::from("/a/c/d.toml")
        );
    }

    #[test]
    fn missing_file_names_the_resolved_path() {
        let dir = temp_dir("missing");
        let err = read_from(&dir, &lit("x/../nope.toml"), "x/../nope.toml".into())
            .err()
            .expect("missing file is an error");
        let message = err.to_string();
        assert!(
            message.contains(&dir.join("nope.toml").display().to_string()),
            "{message}"
        );
    }

    #[test]
    fn invalid_utf8_gives_line_and_column() {
        let dir = temp_dir("utf8");
        std::fs::write(dir.join("bad.toml"), b"[api]\nname = \"a\xffb\"\n").expect("write");
        let err = read_from(&dir, &lit("bad.toml"), "bad.toml".into())
            .err()
            .expect("invalid UTF-8 is an error");
        assert!(
            err.to_string()
                .starts_with("bad.toml:2:10: the spec is not valid UTF-8"),
            "{err}"
        );
    }
}
