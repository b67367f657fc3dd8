//! The documented rules that pick a response's row, worked out on the spec as the tests read
//! it: the reference the crate's resolver is checked against, so nothing here calls it.

use nexus_errors::{Resolution, ServerCode};

use super::{Row, Spec};

impl Spec {
    /// The row the documented rules pick for a response, and the rule that picked it. Among
    /// the rows with the response's status:
    ///
    /// 1. the rows that document the code (a number and a string compare as text): one is the
    ///    answer; several are told apart by the trimmed message, and none is the answer when
    ///    the message is none of their descriptions; with no such row, the code is set aside;
    /// 2. the trimmed message equals the description of a row;
    /// 3. the only row, when there is one.
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
        let described = |r: &&&Row| message.is_some_and(|m| r.description == m.trim());
        if let Some(code) = code.map(as_text) {
            let coded: Vec<&Row> = rows
                .iter()
                .copied()
                .filter(|r| r.code.map(|c| c.to_string()) == Some(code.clone()))
                .collect();
            match coded.as_slice() {
                [] => {}
                [only] => return Some((*only, Resolution::Code)),
                several => {
                    return several
                        .iter()
                        .find(described)
                        .map(|row| (*row, Resolution::CodeAndMessage));
                }
            }
        }
        if let Some(row) = rows.iter().find(described) {
            return Some((*row, Resolution::Message));
        }
        match rows.as_slice() {
            [only] => Some((*only, Resolution::Status)),
            _ => None,
        }
    }
}

/// The code as text, how the rules compare codes of either kind.
fn as_text(code: &ServerCode) -> String {
    match code {
        ServerCode::Number(n) => n.to_string(),
        ServerCode::Text(text) => text.to_string(),
        other => panic!("the reference rules know no code like {other:?}: teach them"),
    }
}
