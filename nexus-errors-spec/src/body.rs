//! The `[api]` key `body`: a preset's name, or JSON Pointers (RFC 6901) where the code and
//! the message may be.

use crate::diagnostic::Diagnostics;
use crate::model::{Body, Pointer, Preset};
use crate::parse::{Located, RawBody};
use crate::suggest::did_you_mean;
use crate::text::quoted;

/// Checks a `body` as written; a part that is wrong is reported, and the table falls back to
/// the default shape so the rest of the spec is still checked.
pub fn check(raw: RawBody, diagnostics: &mut Diagnostics<'_>) -> Body {
    match raw {
        RawBody::Preset(name) => check_preset(&name, diagnostics)
            .map(Body::Preset)
            .unwrap_or_default(),
        RawBody::Pointers { at, code, message } => {
            if code.as_ref().is_none_or(Vec::is_empty) && message.as_ref().is_none_or(Vec::is_empty)
            {
                diagnostics.error(
                    at,
                    "`body` names no pointer for the code or the message",
                    Some("write `body = { code = [\"/error/code\"], message = [\"/error/message\"] }`, or a preset: `body = \"flat\"`".to_owned()),
                );
                return Body::default();
            }
            let code = pointers(code.unwrap_or_default(), diagnostics);
            let message = pointers(message.unwrap_or_default(), diagnostics);
            match (code, message) {
                (Some(code), Some(message)) => Body::Pointers { code, message },
                _ => Body::default(),
            }
        }
    }
}

fn check_preset(name: &Located<String>, diagnostics: &mut Diagnostics<'_>) -> Option<Preset> {
    if let Some(preset) = Preset::from_key(&name.value) {
        return Some(preset);
    }
    let keys = Preset::ALL.map(Preset::key);
    let help = match did_you_mean(&name.value, &keys) {
        Some(close) => format!("did you mean `body = \"{close}\"`?"),
        None => format!(
            "the presets are {}; or write pointers: `body = {{ code = [\"/error/code\"], message = [\"/error/message\"] }}`",
            keys.map(|k| format!("\"{k}\"")).join(", ")
        ),
    };
    diagnostics.error(
        name.at.clone(),
        format!("unknown body preset {}", quoted(&name.value)),
        Some(help),
    );
    None
}

/// How many pointers the runtime reads of each list, and how many tokens of each pointer:
/// the bounds that keep its memory fixed (`BodyShape`'s documentation), checked here so a
/// spec past them is an error rather than pointers that never match.
const MAX_POINTERS: usize = 16;
/// See [`MAX_POINTERS`].
const MAX_TOKENS: usize = 32;

/// Every pointer, or `None` when one is not a JSON Pointer (each such one is reported).
fn pointers(raw: Vec<Located<String>>, diagnostics: &mut Diagnostics<'_>) -> Option<Vec<Pointer>> {
    let mut all_valid = true;
    let mut parsed = Vec::with_capacity(raw.len());
    if let Some(extra) = raw.get(MAX_POINTERS) {
        all_valid = false;
        diagnostics.error(
            extra.at.clone(),
            format!("a list of body pointers is read up to its {MAX_POINTERS}th pointer"),
            Some("keep the pointers that the API's bodies use".to_owned()),
        );
    }
    for pointer in raw {
        match parse_pointer(&pointer.value) {
            Ok(tokens) if tokens.len() > MAX_TOKENS => {
                all_valid = false;
                diagnostics.error(
                    pointer.at,
                    format!("this pointer is deeper than the {MAX_TOKENS} keys a body is read to"),
                    None,
                );
            }
            Ok(tokens) => parsed.push(tokens),
            Err(problem) => {
                all_valid = false;
                diagnostics.error(
                    pointer.at,
                    format!("{} is not a JSON Pointer: {problem}", quoted(&pointer.value)),
                    Some("a JSON Pointer (RFC 6901) is `/` then each key, e.g. \"/error/code\"; write `~1` for a `/` and `~0` for a `~` inside a key".to_owned()),
                );
            }
        }
    }
    all_valid.then_some(parsed)
}

/// The reference tokens of an RFC 6901 pointer, unescaped: `""` is the whole body, and
/// every other pointer is `/` followed by tokens separated by `/`, where `~` must be `~0`
/// or `~1`.
pub fn parse_pointer(pointer: &str) -> Result<Pointer, &'static str> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err("it must be empty or start with `/`");
    };
    rest.split('/').map(unescape).collect()
}

fn unescape(token: &str) -> Result<String, &'static str> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('0') => out.push('~'),
            Some('1') => out.push('/'),
            _ => return Err("`~` must be followed by `0` or `1`"),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6901, section 5: the example pointers and the keys they name.
    #[test]
    fn the_rfcs_examples_parse_to_their_keys() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("/foo", &["foo"]),
            ("/foo/0", &["foo", "0"]),
            ("/", &[""]),
            ("/a~1b", &["a/b"]),
            ("/c%d", &["c%d"]),
            ("/e^f", &["e^f"]),
            ("/g|h", &["g|h"]),
            ("/i\\j", &["i\\j"]),
            ("/k\"l", &["k\"l"]),
            ("/ ", &[" "]),
            ("/m~0n", &["m~n"]),
        ];
        for (pointer, keys) in cases {
            let keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
            assert_eq!(parse_pointer(pointer), Ok(keys), "{pointer:?}");
        }
        // `~01` is `~1` unescaped once, not `/` (section 4's order of unescaping).
        assert_eq!(parse_pointer("/~01"), Ok(vec!["~1".to_owned()]));
    }

    #[test]
    fn a_spec_past_the_readers_bounds_is_told_so() {
        let spec = |body: &str| {
            format!(
                "[api]\nname = \"A\"\nbody = {body}\n[[error]]\nname = \"X\"\nstatus = 400\nstatus_text = \"Bad Request\"\ndescription = \"\"\n"
            )
        };
        let many = vec!["\"/a\""; MAX_POINTERS + 1].join(", ");
        let checked = crate::check("t.toml", &spec(&format!("{{ code = [{many}] }}")));
        assert_eq!(checked.diagnostics.len(), 1, "{:?}", checked.diagnostics);
        let deep = "/a".repeat(MAX_TOKENS + 1);
        let checked = crate::check("t.toml", &spec(&format!("{{ message = [\"{deep}\"] }}")));
        assert_eq!(checked.diagnostics.len(), 1, "{:?}", checked.diagnostics);
        let at_the_bounds =
            vec![format!("\"{}\"", "/a".repeat(MAX_TOKENS)); MAX_POINTERS].join(", ");
        let checked = crate::check("t.toml", &spec(&format!("{{ code = [{at_the_bounds}] }}")));
        assert!(checked.is_valid(), "{:?}", checked.diagnostics);
    }

    #[test]
    fn a_pointer_without_its_slash_or_with_a_bad_escape_is_refused() {
        for bad in ["error/code", "#/error", "/a~2", "/a~", "/~/x"] {
            assert!(parse_pointer(bad).is_err(), "{bad:?}");
        }
    }
}
