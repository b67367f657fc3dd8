//! Stage 8 of reading a page: where an error response's code and message are, read from an
//! example error body the page shows (`{"error": {"code": "card_declined", "message": …}}`),
//! as the `[api] body` of a spec: one of the spec's presets when the body fits it, else the
//! JSON pointers (RFC 6901) of the two fields.

use nexus_errors_spec::{Body, Preset};
use serde_json::Value;

/// A preset and its pointers, as the spec documents them: code pointers, then message
/// pointers, each tried in order.
type Pointers = (Preset, &'static [&'static str], &'static [&'static str]);

/// The spec's presets, in the order they are tried.
const PRESETS: &[Pointers] = &[
    (
        Preset::Nexus,
        &["/error/code", "/code"],
        &["/error/message", "/error", "/message"],
    ),
    (
        Preset::ProblemDetails,
        &["/code", "/type"],
        &["/detail", "/title"],
    ),
    (Preset::OAuth, &["/error"], &["/error_description"]),
    (
        Preset::Flat,
        &["/code", "/error_code", "/errorCode"],
        &["/message", "/error_message", "/errorMessage"],
    ),
];

/// Keys that name an error's code, most telling first.
const CODE_KEYS: &[&str] = &[
    "code",
    "error_code",
    "errorCode",
    "errorcode",
    "error",
    "type",
];
/// Keys that name an error's message, most telling first.
const MESSAGE_KEYS: &[&str] = &[
    "message",
    "error_message",
    "errorMessage",
    "error_description",
    "errorDescription",
    "detail",
    "description",
    "title",
    "msg",
];

/// How many `{` the search tries at most, so a page of braces costs little.
const MAX_TRIES: usize = 64;
/// How deep a pointer may go: the runtime reads a body to 32 keys, and the spec refuses
/// deeper pointers.
const MAX_TOKENS: usize = 32;

/// The example body a proposal is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Where the code and message are, as the spec's `[api] body` says it.
    pub body: Body,
    /// The pointer of the code in the example.
    pub code: String,
    /// The pointer of the message in the example.
    pub message: String,
    /// The 1-based page line the example starts on.
    pub line: usize,
}

/// The body proposed by the first example on `page` that has both a code and a message.
pub fn propose(page: &str) -> Option<Proposal> {
    let mut from = 0;
    for _ in 0..MAX_TRIES {
        let start = from + page.get(from..)?.find('{')?;
        let Some(end) = matching_brace(&page[start..]).map(|length| start + length) else {
            from = start + 1;
            continue;
        };
        if let Ok(value @ Value::Object(_)) = serde_json::from_str::<Value>(&page[start..end])
            && let Some((body, code, message)) = read(&value)
        {
            let line = page[..start].matches('\n').count() + 1;
            return Some(Proposal {
                body,
                code,
                message,
                line,
            });
        }
        from = end;
    }
    None
}

/// The length of the text from the `{` that starts `text` through its matching `}`.
fn matching_brace(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The body for an example value: its code and message pointers, and the preset they fit.
fn read(value: &Value) -> Option<(Body, String, String)> {
    let mut leaves = Vec::new();
    collect(value, Vec::new(), &mut leaves);
    let pick = |keys: &[&str], wanted: fn(&Value) -> bool| {
        keys.iter().find_map(|key| {
            leaves
                .iter()
                .find(|(tokens, leaf)| {
                    tokens.last().is_some_and(|last| last == key) && wanted(leaf)
                })
                .map(|(tokens, _)| tokens.clone())
        })
    };
    let code_tokens = pick(CODE_KEYS, |v| v.is_string() || v.is_i64() || v.is_u64())?;
    let message_tokens = pick(MESSAGE_KEYS, Value::is_string)?;
    let (code, message) = (pointer(&code_tokens), pointer(&message_tokens));
    let first_found = |pointers: &[&str]| {
        pointers
            .iter()
            .find(|p| {
                value
                    .pointer(p)
                    .is_some_and(|v| !v.is_object() && !v.is_array())
            })
            .map(|p| (*p).to_owned())
    };
    let preset = PRESETS.iter().find(|(_, codes, messages)| {
        first_found(codes).as_ref() == Some(&code)
            && first_found(messages).as_ref() == Some(&message)
    });
    let body = match preset {
        Some((preset, _, _)) => Body::Preset(*preset),
        None => Body::Pointers {
            code: vec![code_tokens],
            message: vec![message_tokens],
        },
    };
    Some((body, code, message))
}

/// Every leaf of `value` (not an object or array) with its pointer, keys in order; of an
/// array, only the first item counts, as the example of them all.
fn collect<'a>(value: &'a Value, tokens: Vec<String>, out: &mut Vec<(Vec<String>, &'a Value)>) {
    let with = |token: &str| {
        let mut tokens = tokens.clone();
        tokens.push(token.to_owned());
        tokens
    };
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                collect(child, with(key), out);
            }
        }
        Value::Array(items) => {
            if let Some(first) = items.first() {
                collect(first, with("0"), out);
            }
        }
        leaf if tokens.len() <= MAX_TOKENS => out.push((tokens, leaf)),
        _ => {}
    }
}

/// A pointer as the spec writes it (RFC 6901): `/` before each token, in which `~` is `~0`
/// and `/` is `~1`.
pub fn pointer(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|token| format!("/{}", token.replace('~', "~0").replace('/', "~1")))
        .collect()
}

#[cfg(test)]
mod tests;
