//! Which value of the enum stands for each row of the table.

use nexus_errors_spec::Row;
use proc_macro2::Ident;
use quote::format_ident;

/// One row of the table and the value of the enum that stands for it.
pub struct Binding {
    /// The row, as validated (or a placeholder for a variant the table lacks).
    pub row: Row,
    /// The enum's value for it.
    pub value: Value,
}

/// How an enum value stands for a row.
pub enum Value {
    /// A unit variant of its own.
    Variant(Ident),
    /// The `#[nexus(other)]` variant, which carries the row: `Other(&'static Row)`.
    Other(Ident),
}

impl Binding {
    /// The row as a unit variant of its name, as the attribute form writes it. The name passed
    /// the spec's name rule, so it is an identifier.
    pub fn own_variant(row: Row) -> Self {
        let value = Value::Variant(format_ident!("{}", row.name));
        Binding { row, value }
    }
}
