//! "Did you mean" hints for misspelled keys.

/// The known word closest to `word`, if it is close enough to be a likely misspelling.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let length = word.chars().count();
    known
        .iter()
        .map(|candidate| (candidate, (candidate.len() / 3).max(1)))
        // The distance is at least the difference in length: skip hopeless candidates before
        // paying for a table the size of a (possibly huge) word.
        .filter(|(candidate, most)| length.abs_diff(candidate.chars().count()) <= *most)
        .map(|(candidate, most)| (edit_distance(word, candidate), *candidate, most))
        .filter(|(distance, _, most)| distance <= most)
        .map(|(distance, candidate, _)| (distance, candidate))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance counted in characters, with adjacent swaps costing one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: distance between a[..i] and b[..j]
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = rows[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(rows[i - 1][j] + 1).min(rows[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = crate::parse::ROW_KEYS;

    #[test]
    fn a_huge_word_is_rejected_without_a_huge_table() {
        assert_eq!(did_you_mean(&"x".repeat(1_000_000), KEYS), None);
    }

    #[test]
    fn close_misspellings_are_suggested() {
        assert_eq!(did_you_mean("cdoe", KEYS), Some("code"));
        assert_eq!(did_you_mean("statustext", KEYS), Some("status_text"));
        assert_eq!(did_you_mean("descripton", KEYS), Some("description"));
        assert_eq!(did_you_mean("note", KEYS), Some("notes"));
    }

    #[test]
    fn unrelated_words_are_not() {
        assert_eq!(did_you_mean("colour", KEYS), None);
        assert_eq!(did_you_mean("", KEYS), None);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
