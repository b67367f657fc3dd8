//! The `[api]` header of a spec, as the generated table exposes it.

use crate::BodyShape;

/// The API an error table documents: the `[api]` header of its spec.
///
/// Every generated enum has it as a `const fn api()`, and through [`ErrorTable::api`](crate::ErrorTable::api).
///
/// ```
/// use nexus_errors::NexusError;
///
/// let api = NexusError::api();
/// assert_eq!(api.name(), "Nexus API");
/// assert_eq!(api.source(), Some("https://docs.mx.com/api-reference/nexus/overview/errors"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Api {
    name: &'static str,
    source: Option<&'static str>,
    body: BodyShape,
}

impl Api {
    /// Used by the generated code only, through `__private::api`.
    pub(crate) const fn from_header(
        name: &'static str,
        source: Option<&'static str>,
        body: BodyShape,
    ) -> Self {
        Api { name, source, body }
    }

    /// The API's name, `[api] name` in the spec.
    ///
    /// ```
    /// assert_eq!(nexus_errors::NexusError::api().name(), "Nexus API");
    /// ```
    #[inline]
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// Where the table was copied from, `[api] source` in the spec, if it says.
    ///
    /// ```
    /// let source = nexus_errors::NexusError::api().source();
    /// assert_eq!(source, Some("https://docs.mx.com/api-reference/nexus/overview/errors"));
    /// ```
    #[inline]
    #[must_use]
    pub const fn source(&self) -> Option<&'static str> {
        self.source
    }

    /// Where the API's error bodies keep the code and the message, `[api] body` in the
    /// spec; the Nexus shapes when it says nothing.
    ///
    /// ```
    /// assert_eq!(nexus_errors::NexusError::api().body_shape(), &nexus_errors::BodyShape::NEXUS);
    /// ```
    #[inline]
    #[must_use]
    pub const fn body_shape(&self) -> &BodyShape {
        &self.body
    }
}
