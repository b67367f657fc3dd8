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
    name: &'static str,
    code: Option<Code>,
    api: &'static Api,
    status: StatusCode,
    status_text: &'static str,
    description: &'static str,
    notes: &'static [&'static str],
    display: &'static str,
}

impl Row {
    /// Used by the generated code only, through `__private::row`: named fields, so two
    /// columns of one type cannot be swapped without the build noticing.
    pub(crate) const fn from_fields(fields: RowFields) -> Self {
        let RowFields {
            name,
            code,
            api,
            status,
            status_text,
            description,
            notes,
            display,
        } = fields;
        Row {
            name,
            code,
            api,
            status,
            status_text,
            description,
            notes,
            display,
        }
    }

    /// The row's name in the spec (the variant's name).
    #[inline]
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The documented error code, if the documentation gives one.
    #[inline]
    #[must_use]
    pub const fn code(&self) -> Option<Code> {
        self.code
    }

    /// The API of the row's table, whose body shape its error body follows.
    pub(crate) const fn api(&self) -> &'static Api {
        self.api
    }

    /// The HTTP status as a number.
    #[inline]
    #[must_use]
    pub const fn status(&self) -> u16 {
        self.status.as_u16()
    }

    /// The HTTP status, for the conversions into `http` types.
    pub(crate) const fn status_code(&self) -> StatusCode {
        self.status
    }

    /// The status text as the documentation writes it.
    #[inline]
    #[must_use]
    pub const fn status_text(&self) -> &'static str {
        self.status_text
    }

    /// The documented description, word for word; it may be empty.
    #[inline]
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The notes the documentation gives under the row; usually empty.
    #[inline]
    #[must_use]
    pub const fn notes(&self) -> &'static [&'static str] {
        self.notes
    }

    /// The one-line form `Display` writes, e.g. `400 Bad Request [4001]: Required params missing.`
    #[inline]
    #[must_use]
    pub const fn display(&self) -> &'static str {
        self.display
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
        f.write_str(self.display)
    }
}
