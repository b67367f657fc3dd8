//! The whitespace rule: when is the page's text the spec's text?
//!
//! A text copy of an HTML page loses the spaces around inline code (`The provided
//! external_guidvalue already exists` for "The provided `external_guid` value already
//! exists"), and either form may wrap or pad differently. So a page text and a spec text that
//! are equal once all whitespace is removed are the same text, and the spec's spelling is
//! kept. This is what makes importing the page the spec was made from a no-op.

/// Whether `page` and `spec` are the same text, all whitespace aside.
pub fn same_text(page: &str, spec: &str) -> bool {
    let page = page.chars().filter(|c| !c.is_whitespace());
    let spec = spec.chars().filter(|c| !c.is_whitespace());
    page.eq(spec)
}

/// Whether two lists of notes are the same, item by item, by [`same_text`].
pub fn same_notes(page: &[String], spec: &[String]) -> bool {
    page.len() == spec.len() && page.iter().zip(spec).all(|(p, s)| same_text(p, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_spaces_around_code_do_not_count() {
        assert!(same_text(
            "The provided external_guidvalue already exists.",
            "The provided external_guid value already exists."
        ));
        assert!(same_text(" a\n b\t", "a b"));
    }

    #[test]
    fn any_other_difference_counts() {
        assert!(!same_text("Invalid API token.", "Invalid API token"));
        assert!(!same_text("invalid", "Invalid"));
        assert!(!same_notes(&["a".into()], &["a".into(), "b".into()]));
    }
}
