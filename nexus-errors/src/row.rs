//! One row of an error table, as data.

use core::fmt;

use http::StatusCode;

use crate::__private::RowFields;
use crate::{Action, Api, Code};

/// One row of a documented error table: code, HTTP status, status text, description, notes.
///
/// Rows are generated from the spec at compile time and live in `'static` memory; every
/// accessor returns borrowed data and allocates nothing. Get one with `row()` on a generated
/// enum, e.g. [`NexusError::row`](crate::NexusError::row). A generated enum converts into
/// `http::StatusCode` (`StatusCode::from(NexusError::RecordNotFound)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row {
    // The columns as the generated code names them: one struct for the data, private here.
    fields: RowFields,
}

impl Row {
    /// Used by the generated code only, through `__private::row`.
    pub(crate) const fn from_fields(fields: RowFields) -> Self {
        Row { fields }
    }

    /// The row's name in the spec (the variant's name).
    #[inline]
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.fields.name
    }

    /// The documented error code, if the documentation gives one.
    #[inline]
    #[must_use]
    pub const fn code(&self) -> Option<Code> {
        self.fields.code
    }

    /// The API of the row's table, whose body shape its error body follows.
    pub(crate) const fn api(&self) -> &'static Api {
        self.fields.api
    }

    /// The HTTP status as a number.
    #[inline]
    #[must_use]
    pub const fn status(&self) -> u16 {
        self.fields.status.as_u16()
    }

    /// The HTTP status, for the conversions into `http` types.
    pub(crate) const fn status_code(&self) -> StatusCode {
        self.fields.status
    }

    /// The status text as the documentation writes it.
    #[inline]
    #[must_use]
    pub const fn status_text(&self) -> &'static str {
        self.fields.status_text
    }

    /// The documented description, word for word; it may be empty.
    #[inline]
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.fields.description
    }

    /// The notes the documentation gives under the row; usually empty.
    #[inline]
    #[must_use]
    pub const fn notes(&self) -> &'static [&'static str] {
        self.fields.notes
    }

    /// The one-line form `Display` writes, e.g. `400 Bad Request [4001]: Required params missing.`
    #[inline]
    #[must_use]
    pub const fn display(&self) -> &'static str {
        self.fields.display
    }

    /// What a client should do about this row, decided by its status.
    #[inline]
    #[must_use]
    pub const fn action(&self) -> Action {
        Action::for_status(self.status())
    }
}

impl fmt::Display for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.fields.display)
    }
}
