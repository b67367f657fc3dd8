//! The documented rules that pick a response's row, worked out on the spec as the tests read
//! it: the reference the crate's resolver is checked against, so nothing here calls it.

use nexus_errors::{Resolution, ServerCode};

use super::{Row, Spec};

impl Spec {
    /// The row the documented rules pick for a response, and the rule that picked it. The
    /// first rule that holds wins:
    ///
    /// 1. the code is documented on a row with the response's status;
    /// 2. the trimmed message equals the description of a row with that status;
    /// 3. the table has exactly one row with that status.
    ///
    /// Returned as `ResponseError` splits it: the row, and the rule (`None` without a row).
    pub fn expected_row(
        &self,
        status: u16,
        code: Option<&ServerCode>,
        message: Option<&str>,
    ) -> (Option<&Row>, Option<Resolution>) {
        self.pick(status, code, message).unzip()
    }

    fn pick(
        &self,
        status: u16,
        code: Option<&ServerCode>,
        message: Option<&str>,
    ) -> Option<(&Row, Resolution)> {
        let rows = self.with_status(status);
        let code = code.and_then(table_code);
        if let Some(row) = rows.iter().find(|r| code.is_some() && r.code == code) {
            return Some((*row, Resolution::Code));
        }
        let by_message = message.and_then(|m| rows.iter().find(|r| r.description == m.trim()));
        if let Some(row) = by_message {
            return Some((*row, Resolution::Message));
        }
        match rows.as_slice() {
            [only] => Some((*only, Resolution::Status)),
            _ => None,
        }
    }
}

/// The table code a kept code stands for: a number, or text of digits, in `u16`'s range (kept
/// text is already trimmed).
fn table_code(code: &ServerCode) -> Option<u16> {
    match code {
        ServerCode::Number(n) => u16::try_from(*n).ok(),
        ServerCode::Text(text) => text.parse().ok(),
        other => panic!("the reference rules know no code like {other:?}: teach them"),
    }
}
