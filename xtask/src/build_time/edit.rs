//! The one-row edit of the rebuild step: one row's description, changed in the spec and, by
//! hand, everywhere the baseline repeats it; each run flips it, so every run rebuilds.

use std::fs;
use std::path::Path;

use crate::error::{Context, Result};

/// A row of `spec/errors.toml` and `benches/baseline/mod.rs`.
const OLD: &str = "The date range provided was invalid.";
const NEW: &str = "The date range provided is not valid.";

/// Replaces every `OLD` in the file with `NEW`, or, if it has none, every `NEW` with `OLD`.
pub fn toggle(path: &Path) -> Result<()> {
    let text = fs::read_to_string(path).context(|| format!("read {}", path.display()))?;
    let text = flip(&text).ok_or_else(|| {
        format!(
            "{}: has neither {OLD:?} nor {NEW:?} to edit",
            path.display()
        )
    })?;
    fs::write(path, text).context(|| format!("write {}", path.display()))
}

fn flip(text: &str) -> Option<String> {
    if text.contains(OLD) {
        Some(text.replace(OLD, NEW))
    } else if text.contains(NEW) {
        Some(text.replace(NEW, OLD))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flips_every_occurrence_back_and_forth() {
        let text = format!("a {OLD} b {OLD}");
        let edited = flip(&text).unwrap();
        assert_eq!(edited, format!("a {NEW} b {NEW}"));
        assert_eq!(flip(&edited).unwrap(), text);
        assert_eq!(flip("nothing to edit"), None);
    }
}
