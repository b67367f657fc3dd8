//! The `nexus-errors` command: checks an error-table spec, and imports a documentation page's
//! error table into one. `main.rs` only wires [`cli::run`] to the process.

pub mod merge;
pub mod page;
pub mod spec_edit;
pub mod spec_rules;
