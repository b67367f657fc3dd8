//! Items the generated code refers to. Not part of the public API.

use core::fmt;
use core::marker::PhantomData;

pub use http;
use http::StatusCode;
pub use serde;
use serde::de::{self, Deserializer, Unexpected, Visitor};

use crate::{Api, BodyShape, Code, ErrorTable, Row};

/// `StatusCode` for a status the macro has already checked to be in 300..=599.
///
/// Called only in the generated `ROWS` constant, which rustc evaluates at compile time: an
/// out-of-range status fails the build and can never panic at run time. Not generic over
/// the status, so the crate generating a table instantiates nothing.
pub const fn status_code(status: u16) -> StatusCode {
    match StatusCode::from_u16(status) {
        Ok(status) => status,
        Err(_) => panic!("an HTTP status code must be in 100..=999"),
    }
}

/// The columns of one row, as the generated code writes them: a struct literal, so two
/// columns of one type (`status_text` and `description`, say) cannot be swapped unnoticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowFields {
    /// The variant's name.
    pub name: &'static str,
    /// The documented code.
    pub code: Option<Code>,
    /// The table's `[api]` header.
    pub api: &'static Api,
    /// The HTTP status, from [`status_code`].
    pub status: StatusCode,
    /// The status text as documented.
    pub status_text: &'static str,
    /// The description as documented.
    pub description: &'static str,
    /// The notes under the row.
    pub notes: &'static [&'static str],
    /// The one-line `Display` text, precomputed from the other columns.
    pub display: &'static str,
}

/// A row from its columns.
pub const fn row(fields: RowFields) -> Row {
    Row::from_fields(fields)
}

/// The `[api]` header of a table.
pub const fn api(name: &'static str, source: Option<&'static str>, body: BodyShape) -> Api {
    Api::from_header(name, source, body)
}

/// The status of a row, for `From<generated enum> for http::StatusCode`.
pub const fn row_status_code(row: &Row) -> StatusCode {
    row.status_code()
}

/// The index of the row named `name`, for a generated `from_name`: one loop compiled here
/// rather than a `match` of string arms compiled in every crate that generates a table.
#[must_use]
pub fn row_named(rows: &[Row], name: &str) -> Option<usize> {
    rows.iter().position(|row| row.name() == name)
}

/// Deserializes a generated enum from its row's name.
pub fn deserialize_by_name<'de, D: Deserializer<'de>, T: ErrorTable>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_str(ByName(PhantomData))
}

struct ByName<T>(PhantomData<T>);

impl<T: ErrorTable> Visitor<'_> for ByName<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the name of a row of the error table")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<T, E> {
        T::from_name(name).ok_or_else(|| E::invalid_value(Unexpected::Str(name), &self))
    }
}

#[cfg(feature = "miette")]
pub use miette;

#[cfg(feature = "miette")]
pub use crate::diagnostic::{table_code, table_help, table_url};

// Two definitions, chosen by this crate's feature: a `cfg` inside one macro body would be
// read in the crate that expands it, against that crate's features.
/// `miette::Diagnostic` for a generated enum: code, help and url from its table.
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_diagnostic {
    ($ty:ty) => {
        #[automatically_derived]
        impl $crate::__private::miette::Diagnostic for $ty {
            fn code<'a>(
                &'a self,
            ) -> ::core::option::Option<::std::boxed::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::table_code(*self)
            }

            fn help<'a>(
                &'a self,
            ) -> ::core::option::Option<::std::boxed::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::table_help(*self)
            }

            fn url<'a>(
                &'a self,
            ) -> ::core::option::Option<::std::boxed::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::table_url::<$ty>()
            }
        }
    };
}

/// Without the `miette` feature, nothing.
#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_diagnostic {
    ($ty:ty) => {};
}

pub use crate::__impl_diagnostic as impl_diagnostic;
