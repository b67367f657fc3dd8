//! Where an error body keeps its code and its message: [`BodyShape`].

use core::fmt;

use crate::body::Plan;

/// Where a table's error body keeps its code and its message, as two lists of JSON Pointers
/// ([RFC 6901](https://www.rfc-editor.org/rfc/rfc6901)) tried in order.
///
/// The code is the target of the first code pointer that is a string (trimmed, and not
/// empty once trimmed) or a number; the message is the target of the first message pointer
/// that is a string. A pointer whose target is missing, `null`, `true`, `false`, an array, an
/// object, or a string that is not valid UTF-8, is passed over for the next one. Where an
/// object has the same key twice, the last one counts, as in most JSON parsers. A token
/// made of digits indexes an array (`/errors/0/message`).
///
/// Only a body that is a JSON object is read, and only up to the end of that object; see
/// [`ResponseError`'s guarantees](crate::ResponseError#guarantees) for what holds for any
/// other bytes. Each list is read up to its 16th pointer, and a pointer of more than 32
/// tokens never matches: enough for any error body, and what keeps the reader's memory and
/// recursion fixed whatever the table says.
///
/// Four presets cover the common shapes; a table names one with its `body` key, or gives
/// its own pointers.
///
/// ```
/// use nexus_errors::BodyShape;
///
/// assert_eq!(
///     BodyShape::NEXUS.code_pointers().collect::<Vec<_>>(),
///     ["/error/code", "/code"]
/// );
/// assert_eq!(
///     BodyShape::OAUTH.message_pointers().collect::<Vec<_>>(),
///     ["/error_description"]
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyShape {
    // Each pointer is its reference tokens, already unescaped (`~1` is `/`, `~0` is `~`):
    // the reader compares keys with tokens and never parses pointer text at run time.
    code: &'static [&'static [&'static str]],
    message: &'static [&'static [&'static str]],
    // A function of the two lists, computed with them at compile time.
    plan: Plan<'static>,
}

impl BodyShape {
    /// The MX Nexus API's bodies, and the shape of a table that names none (`"nexus"`).
    ///
    /// Code: `/error/code`, then `/code`. Message: `/error/message`, then `/error` (the
    /// message itself, in `{"error":"…"}`), then `/message`. So the `"error"` object wins
    /// over flat fields beside it:
    ///
    /// ```json
    /// {"error":{"code":4011,"message":"The session token used in this request has expired."}}
    /// {"code":4011,"message":"The session token used in this request has expired."}
    /// {"error":"The session token used in this request has expired."}
    /// ```
    pub const NEXUS: BodyShape = BodyShape::__from_pointers(
        &[&["error", "code"], &["code"]],
        &[&["error", "message"], &["error"], &["message"]],
    );

    /// Problem details, [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)
    /// (`"problem-details"`).
    ///
    /// Code: `/code`, then `/type`. The RFC identifies a problem by its `type` URI, but many
    /// APIs that send problem details add a `code` extension member for their own code
    /// (Unity's Relay, Adobe's Lightroom, Hitchpin), and where they do, that is the code
    /// their error tables document. Message: `/detail` (this occurrence), then `/title`
    /// (the problem type's summary). The body's `status` is not read: the response's status
    /// is the one acted on, and some servers send it as a string.
    ///
    /// ```json
    /// {"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.",
    ///  "status":403,"detail":"Your current balance is 30, but that costs 50.",
    ///  "instance":"/account/12345/msgs/abc"}
    /// ```
    pub const PROBLEM_DETAILS: BodyShape =
        BodyShape::__from_pointers(&[&["code"], &["type"]], &[&["detail"], &["title"]]);

    /// OAuth 2.0 error responses, [RFC 6749 §5.2](https://www.rfc-editor.org/rfc/rfc6749#section-5.2)
    /// (`"oauth"`): `error` is the code, `error_description` the message.
    ///
    /// ```json
    /// {"error":"invalid_scope","error_description":"The requested scope is invalid."}
    /// ```
    pub const OAUTH: BodyShape =
        BodyShape::__from_pointers(&[&["error"]], &[&["error_description"]]);

    /// One flat object, under the key names APIs commonly use (`"flat"`).
    ///
    /// Code: `/code`, `/error_code`, then `/errorCode`. Message: `/message`,
    /// `/error_message`, then `/errorMessage`.
    ///
    /// ```json
    /// {"code":"5100","message":"(100004) incorrect projectId"}
    /// {"error_code":"string","error_message":"A description of the error that occurred"}
    /// {"errorCode":-16,"errorMessage":"The folder does not exist."}
    /// ```
    pub const FLAT: BodyShape = BodyShape::__from_pointers(
        &[&["code"], &["error_code"], &["errorCode"]],
        &[&["message"], &["error_message"], &["errorMessage"]],
    );

    /// A shape from its pointers, each given as its unescaped reference tokens. For the code
    /// `#[error_table]` generates; a spec names its pointers in RFC 6901 text.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_pointers(
        code: &'static [&'static [&'static str]],
        message: &'static [&'static [&'static str]],
    ) -> BodyShape {
        BodyShape {
            code,
            message,
            plan: Plan::of(code, message),
        }
    }

    /// The code pointers, in the order they are tried, as RFC 6901 text.
    pub fn code_pointers(&self) -> impl Iterator<Item = String> + '_ {
        self.code.iter().map(|tokens| pointer_text(tokens))
    }

    /// The message pointers, in the order they are tried, as RFC 6901 text.
    pub fn message_pointers(&self) -> impl Iterator<Item = String> + '_ {
        self.message.iter().map(|tokens| pointer_text(tokens))
    }

    /// Where the code may be, in order, as reference tokens.
    pub(crate) const fn code_tokens(&self) -> &'static [&'static [&'static str]] {
        self.code
    }

    /// Where the message may be, in order, as reference tokens.
    pub(crate) const fn message_tokens(&self) -> &'static [&'static [&'static str]] {
        self.message
    }

    /// What the reader knows of these pointers before it reads a body.
    pub(crate) const fn plan(&self) -> &Plan<'static> {
        &self.plan
    }
}

// By hand, to leave out the plan: it says nothing the pointers do not.
impl fmt::Debug for BodyShape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodyShape")
            .field("code", &self.code)
            .field("message", &self.message)
            .finish()
    }
}

/// RFC 6901 text of a pointer: each token after a `/`, with `~` written `~0` and `/` written
/// `~1` (in that order, or a `/` would come out as `~01`).
fn pointer_text(tokens: &[&str]) -> String {
    tokens
        .iter()
        .map(|token| format!("/{}", token.replace('~', "~0").replace('/', "~1")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_are_written_as_rfc_6901_text() {
        // RFC 6901 §5's examples: the document's keys `a/b`, `m~n` and `` (empty) are
        // written `/a~1b`, `/m~0n` and `/`; the whole document is the empty pointer.
        const ODD: BodyShape = BodyShape::__from_pointers(
            &[&["a/b"], &["m~n"], &[""], &[], &["~1"]],
            &[&["foo", "0"]],
        );
        assert_eq!(
            ODD.code_pointers().collect::<Vec<_>>(),
            ["/a~1b", "/m~0n", "/", "", "/~01"]
        );
        assert_eq!(ODD.message_pointers().collect::<Vec<_>>(), ["/foo/0"]);
    }

    #[test]
    fn debug_shows_the_pointers_as_tokens() {
        assert_eq!(
            format!("{:?}", BodyShape::OAUTH),
            r#"BodyShape { code: [["error"]], message: [["error_description"]] }"#
        );
    }

    #[test]
    fn the_presets_point_where_their_documentation_says() {
        let text = |shape: BodyShape| {
            (
                shape.code_pointers().collect::<Vec<_>>(),
                shape.message_pointers().collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            text(BodyShape::NEXUS),
            (
                vec!["/error/code".to_owned(), "/code".to_owned()],
                vec![
                    "/error/message".to_owned(),
                    "/error".to_owned(),
                    "/message".to_owned()
                ]
            )
        );
        assert_eq!(
            text(BodyShape::PROBLEM_DETAILS),
            (
                vec!["/code".to_owned(), "/type".to_owned()],
                vec!["/detail".to_owned(), "/title".to_owned()]
            )
        );
        assert_eq!(
            text(BodyShape::OAUTH),
            (
                vec!["/error".to_owned()],
                vec!["/error_description".to_owned()]
            )
        );
        assert_eq!(
            text(BodyShape::FLAT),
            (
                vec![
                    "/code".to_owned(),
                    "/error_code".to_owned(),
                    "/errorCode".to_owned()
                ],
                vec![
                    "/message".to_owned(),
                    "/error_message".to_owned(),
                    "/errorMessage".to_owned()
                ]
            )
        );
    }
}
