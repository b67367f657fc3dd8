// A table of string codes, one of them on two rows, with problem-details bodies: `code()`
// and `from_code` take the table's kind, and a response resolves by code, then message.
use nexus_errors::{BodyShape, Resolution, ResponseError};

#[nexus_errors::error_table(path = "specs/string_codes.toml")]
pub enum Storage {}

fn main() {
    assert_eq!(Storage::NoAuthenticationInformation.code(), Some("NoAuthenticationInformation"));
    match Storage::ConditionNotMetOnRead.code() {
        Some("ConditionNotMet") => {}
        other => panic!("{other:?}"),
    }
    // A repeated code: `from_code` gives the first row in the spec's order.
    assert_eq!(Storage::from_code("ConditionNotMet"), Some(Storage::ConditionNotMetOnRead));
    assert_eq!(Storage::from_code("conditionnotmet"), None);
    assert_eq!(Storage::api().body_shape(), &BodyShape::NEXUS);
    assert_eq!(
        Storage::ConditionNotMetOnWrite.to_string(),
        "412 Precondition Failed [ConditionNotMet]: The condition specified using HTTP conditional header(s) is not met."
    );

    // The status narrows the repeated code to one row.
    let read = |status: u16, body: &str| ResponseError::<Storage>::from_response(status, body.as_bytes());
    let error = read(412, r#"{"code":"ConditionNotMet"}"#);
    assert_eq!((error.row(), error.resolution()), (Some(Storage::ConditionNotMetOnWrite), Some(Resolution::Code)));
    // Under one status, the message tells two rows of one code apart, or picks neither.
    let error = read(400, r#"{"code":"InvalidQueryParameterValue","message":"An invalid value was specified for one of the query parameters in the request URI."}"#);
    assert_eq!((error.row(), error.resolution()), (Some(Storage::InvalidQueryParameterValue), Some(Resolution::CodeAndMessage)));
    let error = read(400, r#"{"code":"InvalidQueryParameterValue","message":"something else"}"#);
    assert_eq!((error.row(), error.resolution()), (None, None));
    // Every row's own body reads back to it.
    for row in Storage::ALL {
        let body = row.row().error_body();
        assert_eq!(read(row.status(), &body).row(), Some(*row), "{body}");
    }
}
