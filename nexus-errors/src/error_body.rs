//! A row as the API would send it: the Nexus error body and a whole `http::Response`, for
//! mock servers and tests.

use http::HeaderValue;
use http::header::CONTENT_TYPE;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::Row;

impl Row {
    /// The body the API sends for this row: `{"error":{"code":…,"message":…}}`, with the
    /// documented code (`null` where the documentation gives none) and the description as
    /// the message. Built with serde_json, so every string is escaped as JSON requires.
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
        // Serializing a u16 and a &str into a String cannot fail; the fallback is never used.
        serde_json::to_string(&Body(self)).unwrap_or_default()
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

/// `{"error":{…}}`
struct Body<'a>(&'a Row);

/// `{"code":…,"message":…}`
struct Error<'a>(&'a Row);

impl Serialize for Body<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = serializer.serialize_struct("Body", 1)?;
        body.serialize_field("error", &Error(self.0))?;
        body.end()
    }
}

impl Serialize for Error<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut error = serializer.serialize_struct("Error", 2)?;
        error.serialize_field("code", &self.0.code())?;
        error.serialize_field("message", self.0.description())?;
        error.end()
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
                serde_json::json!(row.code()),
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
