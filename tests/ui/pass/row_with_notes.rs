#[nexus_errors::error_table(path = "specs/row_with_notes.toml")]
pub enum Noted {}

fn main() {
    assert_eq!(Noted::COUNT, 2);
    assert_eq!(
        Noted::RecordNotSaved.notes(),
        &[
            "The user already has a member for this institution.",
            "The provided external_guid value already exists.",
            "The provided institution_guid does not exist.",
        ]
    );
    assert!(Noted::NoNotes.notes().is_empty());
    // Notes are not part of the one-line Display.
    assert_eq!(
        Noted::RecordNotSaved.to_string(),
        "422 Unprocessable Entity [4220]: Record could not be saved. See note below."
    );
    assert_eq!(Noted::from_code(4220), Some(Noted::RecordNotSaved));
    assert_eq!(Noted::with_status(404), &[Noted::NoNotes]);
}
