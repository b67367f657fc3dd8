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
    // Names are ASCII (see `name_not_ascii`); every other column keeps its Unicode.
    let refused = Unicode::AccessRefused;
    assert_eq!(refused.name(), "AccessRefused");
    assert_eq!(refused.to_string(), "403 Forbidden: Zugriff verweigert – bitte „später“ erneut versuchen.");
    assert_eq!("AccessRefused".parse::<Unicode>(), Ok(refused));
    assert!("Zurückgewiesen".parse::<Unicode>().is_err());
}
