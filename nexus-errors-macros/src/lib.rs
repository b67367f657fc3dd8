//! Procedural macros behind [`nexus-errors`](https://docs.rs/nexus-errors): they read an HTTP
//! API's error table from a TOML spec at compile time and generate a typed error enum.
//!
//! Use them through `nexus-errors`, which re-exports them and holds the runtime types the
//! generated code refers to. The front half of the pipeline (read → parse → validate) is the
//! plain library `nexus-errors-spec`, shared with the `nexus-errors` command; this crate
//! parses the macro's arguments and the user's item, binds rows to variants for the derive,
//! expands, and turns the spec's diagnostics into compile errors.

mod args;
mod attribute;
mod derive;
mod docs;
mod expand;
mod item;
mod spec;

use proc_macro::TokenStream;

/// Generates an error enum from a TOML spec: put it on an empty enum.
///
/// ```ignore
/// #[nexus_errors::error_table(path = "spec/errors.toml")]
/// pub enum NexusError {}
/// ```
///
/// The path is relative to the crate's `Cargo.toml`. See the `nexus-errors` documentation for
/// the spec format and everything generated.
#[proc_macro_attribute]
pub fn error_table(args: TokenStream, item: TokenStream) -> TokenStream {
    attribute::error_table(args.into(), item.into()).into()
}

/// Implements an error table's accessors and traits for a hand-written enum.
///
/// ```ignore
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, nexus_errors::ErrorTable)]
/// #[nexus(path = "spec/errors.toml")]
/// pub enum MyError {
///     SessionTokenExpired,
///     #[nexus(row = "InvalidApiToken")]
///     BadToken,
///     #[nexus(other)]
///     Other(&'static nexus_errors::Row),
/// }
/// ```
///
/// Each unit variant matches the row of its name, or the row named by `#[nexus(row = "…")]`.
/// A variant without a row, or a row without a variant, is a compile error, unless one
/// variant is `#[nexus(other)]`: it then carries every row that has no variant of its own.
#[proc_macro_derive(ErrorTable, attributes(nexus))]
pub fn derive_error_table(item: TokenStream) -> TokenStream {
    derive::derive(item.into()).into()
}
