// 499 has no standard reason phrase, so any status_text is accepted.
#[nexus_errors::error_table(path = "specs/nonstandard_status.toml")]
pub enum Nginx {}

fn main() {
    assert_eq!(Nginx::COUNT, 1);
    let error = Nginx::ClientClosedRequest;
    assert_eq!(error.status(), 499);
    assert_eq!(::http::StatusCode::from(error).as_u16(), 499);
    assert_eq!(::http::StatusCode::from(error).canonical_reason(), None);
    assert_eq!(error.status_text(), "Client Closed Request");
    assert_eq!(error.to_string(), "499 Client Closed Request [4990]: The client went away.");
}
