#[nexus_errors::error_table(path = "specs/unicode_text.toml")]
pub enum Unicode {}

fn main() {
    assert_eq!(Unicode::COUNT, 2);
    let saved = Unicode::RecordNotSaved;
    assert_eq!(saved.description(), "The record “Café Müller” couldn’t be saved — see the notes.");
    assert_eq!(
        saved.notes(),
        &[
            "Naïve façades: ‘single’ and “double” quotes, an em dash — and an ellipsis…",
            "Ünïcödé letters: ß, ø, å, ñ, ç, 東京.",
        ]
    );
    assert_eq!(
        saved.to_string(),
        "422 Unprocessable Entity [4220]: The record “Café Müller” couldn’t be saved — see the notes."
    );
    // A non-ASCII name is a valid Rust identifier, so it is a variant too.
    let refused = Unicode::Zurückgewiesen;
    assert_eq!(refused.name(), "Zurückgewiesen");
    assert_eq!(refused.to_string(), "403 Forbidden: Zugriff verweigert – bitte „später“ erneut versuchen.");
    assert_eq!("Zurückgewiesen".parse::<Unicode>(), Ok(refused));
}
