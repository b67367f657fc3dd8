//! A row as the API would send it: its error body, in its table's body shape, and a whole
//! `http::Response`, for mock servers and tests.

use http::HeaderValue;
use http::header::CONTENT_TYPE;
use serde_json::{Map, Value};

use crate::{Code, Row};

impl Row {
    /// The body the API sends for this row, in its table's [`BodyShape`](crate::BodyShape):
    /// the documented code at the shape's first code pointer (`null` where the documentation
    /// gives none) and the description at its first message pointer. For the Nexus shape,
    /// `{"error":{"code":…,"message":…}}`. Built with serde_json, so every string is escaped
    /// as JSON requires.
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let row = NexusError::SessionTokenExpired.row();
    /// assert_eq!(
    ///     row.error_body(),
    ///     r#"{"error":{"code":4011,"message":"The session token used in this request has expired."}}"#
    /// );
    /// assert_eq!(
    ///     NexusError::InvalidApiToken.row().error_body(),
    ///     r#"{"error":{"code":null,"message":"Invalid API token."}}"#
    /// );
    /// // Read back, the body resolves to its row.
    /// let read: ResponseError = ResponseError::from_response(row.status(), row.error_body().as_bytes());
    /// assert_eq!(read.row(), Some(NexusError::SessionTokenExpired));
    /// ```
    #[must_use]
    pub fn error_body(&self) -> String {
        let shape = self.api().body_shape();
        let code = match self.code() {
            Some(Code::Integer(code)) => Value::from(code),
            Some(Code::Text(code)) => Value::from(code),
            None => Value::Null,
        };
        let mut body = Value::Object(Map::new());
        if let Some(pointer) = shape.code_tokens().first() {
            put(&mut body, pointer, code);
        }
        if let Some(pointer) = shape.message_tokens().first() {
            put(&mut body, pointer, Value::from(self.description()));
        }
        body.to_string()
    }

    /// The response the API sends for this row: its status, `Content-Type:
    /// application/json` and [`error_body`](Self::error_body).
    ///
    /// ```
    /// use nexus_errors::{NexusError, ResponseError};
    ///
    /// let response = NexusError::RecordNotFound.row().to_http_response();
    /// assert_eq!(response.status(), http::StatusCode::NOT_FOUND);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// let error: ResponseError = ResponseError::from_http(&response);
    /// assert_eq!(error.row(), Some(NexusError::RecordNotFound));
    /// ```
    #[must_use]
    pub fn to_http_response(&self) -> http::Response<String> {
        let mut response = http::Response::new(self.error_body());
        *response.status_mut() = self.status_code();
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response
    }
}

/// Sets `value` at the object keys `tokens` name, making the objects on the way. A pointer
/// that runs into a value already set (a message pointer inside the code) is skipped: the
/// body keeps what it has.
fn put(body: &mut Value, tokens: &[&str], value: Value) {
    let Some((last, path)) = tokens.split_last() else {
        // The empty pointer is the whole body: a body that is only the message.
        *body = value;
        return;
    };
    let mut at = body;
    for token in path {
        let Value::Object(object) = at else {
            return;
        };
        at = object
            .entry(*token)
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(object) = at {
        object.insert((*last).to_owned(), value);
    }
}

#[cfg(test)]
mod tests {
    use crate::{NexusError, ResponseError};

    #[test]
    fn every_body_is_json_with_the_rows_code_and_description() {
        for error in NexusError::ALL {
            let row = error.row();
            let body: serde_json::Value = serde_json::from_str(&row.error_body()).expect("JSON");
            assert_eq!(
                body["error"]["code"],
                serde_json::json!(error.code()),
                "{}",
                row.name()
            );
            assert_eq!(
                body["error"]["message"],
                row.description(),
                "{}",
                row.name()
            );
            assert_eq!(body.as_object().map(|o| o.len()), Some(1));
        }
    }

    #[test]
    fn every_response_reads_back_to_its_row() {
        for &error in NexusError::ALL {
            let read = ResponseError::<NexusError>::from_http(&error.row().to_http_response());
            assert_eq!(read.row(), Some(error));
        }
    }
}
