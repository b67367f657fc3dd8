//! A spec file as the commands load it: its text, and what `nexus-errors-spec` makes of it,
//! with the same rules and messages as the proc macro.

use std::path::Path;

use nexus_errors_spec::read::ReadError;
use nexus_errors_spec::{Checked, Table};

use crate::failure::Failure;

/// A spec file, read and checked.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// Its text; empty when it is not UTF-8.
    pub text: String,
    /// Its table and every problem in it (a file that is not UTF-8 has one problem, and no
    /// table).
    pub checked: Checked,
}

/// Reads the spec at `path` and checks it with `check` (one of `nexus-errors-spec`'s), named
/// in messages as given. A file that cannot be read is trouble; one that is not UTF-8 is a
/// spec with one problem, as the compiler says.
pub fn load(path: &Path, check: fn(&str, &str) -> Checked) -> Result<SpecFile, Failure> {
    let Some(file) = path.to_str() else {
        return Err(Failure::trouble(format!(
            "the spec path {} is not UTF-8",
            path.to_string_lossy()
        )));
    };
    match nexus_errors_spec::read::read(Path::new(""), file) {
        Ok(source) => {
            let checked = check(file, &source.text);
            Ok(SpecFile {
                text: source.text,
                checked,
            })
        }
        Err(ReadError::NotUtf8(diagnostic)) => Ok(SpecFile {
            text: String::new(),
            checked: Checked {
                table: Table::default(),
                diagnostics: vec![*diagnostic],
            },
        }),
        Err(ReadError::Unreadable(diagnostic)) => Err(Failure::trouble(diagnostic.message)),
    }
}
