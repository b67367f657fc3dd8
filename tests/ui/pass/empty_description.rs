#[nexus_errors::error_table(path = "specs/empty_description.toml")]
pub enum Limited {}

fn main() {
    assert_eq!(Limited::COUNT, 1);
    let error = Limited::TooManyRequests;
    assert_eq!(error.description(), "");
    assert_eq!(error.code(), None);
    assert_eq!(error.status(), 429);
    // No code and no description: Display is the status line alone.
    assert_eq!(error.to_string(), "429 Too Many Requests");
}
