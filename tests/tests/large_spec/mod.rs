//! The 10 MB spec: 1,000 rows with ~10 kB descriptions, then one row with a mistake.
//!
//! The spec of the UI case `render/ten_megabytes`, written by `tests/ui.rs`. The build-time
//! harness (`xtask/src/projects.rs`) times that case's compile error with its own copy of
//! this generator; both pin the mistake to where the case's `.stderr` shows it.

/// A spec, and the error its build must stop with.
pub struct LargeSpec {
    pub text: String,
    /// `spec/errors.toml:LINE:COL: MESSAGE`: the start of the expected compile error, for a
    /// spec written to `spec/errors.toml`.
    pub expected_error: String,
}

const HEADER: &str = "[api]\nname = \"Test API\"\n";

pub fn large_spec() -> LargeSpec {
    let mut text = String::from(HEADER);
    let words = "the quick brown fox jumps over the lazy dog ".repeat(230);
    for i in 0..1_000 {
        text.push_str(&format!(
            "\n[[error]]\nname = \"Row{i}\"\nstatus = 400\nstatus_text = \"Bad Request\"\ndescription = \"{i} {words}\"\n"
        ));
    }
    text.push_str("\n[[error]]\nname = \"Last\"\n");
    // The mistake: a status outside 400..=599, on the line about to be written.
    let line = text.matches('\n').count() + 1;
    let column = "status = ".len() + 1;
    text.push_str("status = 4000\nstatus_text = \"Bad Request\"\ndescription = \"\"\n");
    LargeSpec {
        text,
        expected_error: format!(
            "spec/errors.toml:{line}:{column}: status 4000 is not an error status"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_megabytes_with_the_mistake_where_the_ui_case_has_it() {
        let spec = large_spec();
        assert!(spec.text.len() >= 10_000_000, "{} bytes", spec.text.len());
        assert_eq!(spec.text.matches("[[error]]").count(), 1_001);
        // As in tests/ui/…/render_ten_megabytes.stderr.
        assert_eq!(
            spec.expected_error,
            "spec/errors.toml:6006:10: status 4000 is not an error status"
        );
        assert_eq!(spec.text.lines().nth(6005), Some("status = 4000"));
    }
}
