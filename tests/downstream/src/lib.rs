//! An example downstream crate: `nexus-errors` on an error table of its own
//! (`errors.toml`, the made-up Acme Payments API), in both forms.

use nexus_errors::{ErrorTable, Row, error_table};

/// Generated: one variant per row of `errors.toml`, named by the spec.
#[error_table(path = "errors.toml")]
pub enum PaymentsError {}

/// Derived: the variants this crate cares about, named by hand; the compiler checks them
/// against `errors.toml`, and [`PaymentFailure::Other`] carries the rows left over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "errors.toml")]
pub enum PaymentFailure {
    /// The card was declined.
    #[nexus(row = "CardDeclined")]
    Declined,
    /// Not enough money in the account.
    InsufficientFunds,
    /// Same idempotency key as an earlier payment.
    #[nexus(row = "DuplicatePayment")]
    Duplicate,
    /// Any other documented row.
    #[nexus(other)]
    Other(&'static Row),
}
