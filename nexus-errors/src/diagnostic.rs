//! `miette` integration (the `miette` feature): [`miette::Diagnostic`] for [`ResponseError`]
//! and, through the generated code, for every generated enum.

use core::fmt::{self, Display};

use crate::{Api, ErrorTable, ResponseError};

/// The code is the row's name, namespaced by the API (`nexus_api::SessionTokenExpired`), or
/// `http_` and the status when no row was found (`nexus_api::http_503`); the help is the
/// [`Action`](crate::Action)'s advice; the url is the spec's `[api] source`.
///
/// A generated enum's inherent `code` (the row's documented code) is picked before the
/// trait's by a method call: call the trait's as `Diagnostic::code(&row)`.
///
/// ```
/// use miette::Diagnostic;
/// use nexus_errors::{NexusError, ResponseError};
///
/// let text = |d: Option<Box<dyn std::fmt::Display + '_>>| d.map(|d| d.to_string());
///
/// let error: ResponseError = ResponseError::from_response(503u16, b"<html>Service Unavailable</html>");
/// assert_eq!(text(error.code()).as_deref(), Some("nexus_api::http_503"));
/// assert_eq!(text(error.help()).as_deref(), Some("retry with backoff"));
/// assert_eq!(
///     text(error.url()).as_deref(),
///     Some("https://docs.mx.com/api-reference/nexus/overview/errors")
/// );
///
/// let expired = NexusError::SessionTokenExpired;
/// assert_eq!(text(Diagnostic::code(&expired)).as_deref(), Some("nexus_api::SessionTokenExpired"));
/// assert_eq!(
///     text(expired.help()).as_deref(),
///     Some("authenticate again (get a new session token), then retry")
/// );
/// ```
///
/// Available with the `miette` feature.
impl<T: ErrorTable> miette::Diagnostic for ResponseError<T> {
    fn code<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        let name = match self.row() {
            Some(row) => Name::Row(row.row().name()),
            None => Name::Status(self.status()),
        };
        Some(Box::new(DiagnosticCode {
            api: T::api(),
            name,
        }))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        Some(Box::new(self.action().advice()))
    }

    fn url<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        table_url::<T>()
    }
}

/// A generated enum's diagnostic code: its row's name, namespaced by the API.
#[must_use]
pub fn table_code<T: ErrorTable>(row: T) -> Option<Box<dyn Display>> {
    Some(Box::new(DiagnosticCode {
        api: T::api(),
        name: Name::Row(row.row().name()),
    }))
}

/// A generated enum's help: the advice of its row's [`Action`](crate::Action).
#[must_use]
pub fn table_help<T: ErrorTable>(row: T) -> Option<Box<dyn Display>> {
    Some(Box::new(row.row().action().advice()))
}

/// A table's url: the spec's `[api] source`, if it has one.
#[must_use]
pub fn table_url<T: ErrorTable>() -> Option<Box<dyn Display>> {
    T::api()
        .source()
        .map(|source| Box::new(source) as Box<dyn Display>)
}

/// A diagnostic code, `namespace::name`: the API's name as a namespace, then `name`.
///
/// The namespace is the API's name in lower case, ASCII letters and digits kept, every run
/// of other characters one `_`, none at either end: `Nexus API` is `nexus_api`. A name with
/// no ASCII letter or digit is `api`. Written on demand: nothing is allocated but its box.
struct DiagnosticCode<'a> {
    api: &'a Api,
    name: Name<'a>,
}

/// The part after the namespace.
enum Name<'a> {
    /// A row's name, as in the spec.
    Row(&'a str),
    /// No row: `http_` and the status.
    Status(u16),
}

impl fmt::Display for DiagnosticCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_namespace(f, self.api.name())?;
        f.write_str("::")?;
        match self.name {
            Name::Row(name) => f.write_str(name),
            Name::Status(status) => write!(f, "http_{status}"),
        }
    }
}

fn write_namespace(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    let words = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty());
    let mut any = false;
    for word in words {
        if any {
            f.write_str("_")?;
        }
        any = true;
        for c in word.chars() {
            fmt::Write::write_char(f, c.to_ascii_lowercase())?;
        }
    }
    if !any {
        f.write_str("api")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(api: &str, name: Name<'_>) -> String {
        let api = Api::from_header(Box::leak(api.into()), None, crate::BodyShape::NEXUS);
        DiagnosticCode { api: &api, name }.to_string()
    }

    #[test]
    fn the_namespace_is_the_api_name_in_snake_case() {
        assert_eq!(
            code("Nexus API", Name::Row("SessionTokenExpired")),
            "nexus_api::SessionTokenExpired"
        );
        assert_eq!(
            code("Acme Payments API", Name::Row("CardDeclined")),
            "acme_payments_api::CardDeclined"
        );
        assert_eq!(
            code("  MX--Nexus (v2) ", Name::Status(503)),
            "mx_nexus_v2::http_503"
        );
        assert_eq!(
            code("Zürich API", Name::Status(429)),
            "z_rich_api::http_429"
        );
        assert_eq!(code("", Name::Status(500)), "api::http_500");
        assert_eq!(code("—", Name::Row("X")), "api::X");
    }
}
