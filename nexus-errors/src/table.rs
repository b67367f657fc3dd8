//! The trait every generated error enum implements, so code can be generic over tables.

use core::fmt::{self, Debug};
use core::hash::Hash;

use crate::{Api, Row};

/// An enum generated from an error table, by `#[error_table]` or `#[derive(ErrorTable)]`.
///
/// Each generated enum also has these as inherent `const fn`s; the trait is for code that
/// works with any table, such as [`ResponseError`](crate::ResponseError), which reads a
/// response into any table: `ResponseError::<YourTable>::from_response(status, body)`.
pub trait ErrorTable: Copy + Eq + Hash + Debug + std::error::Error + Send + Sync + 'static {
    /// Every row of the table, in the spec's order.
    const ALL: &'static [Self];

    /// The table row this value stands for.
    fn row(self) -> &'static Row;

    /// Every row with this HTTP status, in the spec's order.
    fn with_status(status: u16) -> &'static [Self];

    /// The row with this name, as written in the spec.
    fn from_name(name: &str) -> Option<Self>;

    /// The API the table documents: the spec's `[api]` name and source.
    ///
    /// ```
    /// use nexus_errors::{ErrorTable, NexusError};
    ///
    /// fn documented_at<T: ErrorTable>() -> Option<&'static str> {
    ///     T::api().source()
    /// }
    /// assert_eq!(
    ///     documented_at::<NexusError>(),
    ///     Some("https://docs.mx.com/api-reference/nexus/overview/errors")
    /// );
    /// ```
    fn api() -> &'static Api;
}

/// The error of `FromStr` on a generated enum: no row has that name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct UnknownName;

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no row of the error table has this name")
    }
}

impl std::error::Error for UnknownName {}
