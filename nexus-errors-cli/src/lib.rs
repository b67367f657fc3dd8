//! The `nexus-errors` command: checks an error-table spec, and imports a documentation page's
//! error table into one. `main.rs` only hands the process to [`cli::run`].
//!
//! The import is a pipeline of pure stages, one module each: [`page`] reads the page,
//! [`merge`] merges its rows into the spec's, [`spec_edit`] writes the result into the spec's
//! text, [`report`] says what changed. The spec's model, rules and messages are
//! `nexus-errors-spec`'s, the proc macro's own; [`spec_file`] loads a spec with them.

pub mod check_command;
pub mod cli;
pub mod failure;
pub mod import_command;
pub mod merge;
pub mod page;
pub mod report;
pub mod spec_edit;
pub mod spec_file;
pub mod style;
#[cfg(test)]
mod test_rows;
