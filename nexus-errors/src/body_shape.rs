//! Where an error body keeps its code and its message.

/// Where a table's error bodies keep the code and the message: JSON Pointers (RFC 6901),
/// tried in order, set by the spec's `[api] body`.
///
/// Each pointer is held as its reference tokens, already unescaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyShape {
    code: &'static [&'static [&'static str]],
    message: &'static [&'static [&'static str]],
}

impl BodyShape {
    /// `body = "nexus"`, the default: `{"error":{"code":…,"message":…}}`,
    /// `{"code":…,"message":…}` and `{"error":"message"}`.
    pub const NEXUS: BodyShape = BodyShape {
        code: &[&["error", "code"], &["code"]],
        message: &[&["error", "message"], &["message"], &["error"]],
    };

    /// Used by the generated code only: a shape from the pointers a spec lists.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_pointers(
        code: &'static [&'static [&'static str]],
        message: &'static [&'static [&'static str]],
    ) -> BodyShape {
        BodyShape { code, message }
    }

    /// Where the code may be, in order, as reference tokens.
    pub(crate) const fn code_tokens(&self) -> &'static [&'static [&'static str]] {
        self.code
    }

    /// Where the message may be, in order, as reference tokens.
    pub(crate) const fn message_tokens(&self) -> &'static [&'static [&'static str]] {
        self.message
    }
}
