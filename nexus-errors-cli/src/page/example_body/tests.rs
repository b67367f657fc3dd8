use super::*;

fn body(page: &str) -> Option<Body> {
    propose(page).map(|proposal| proposal.body)
}

/// Pointers from their keys: `&["error", "code"]` is `/error/code`.
fn pointers(code: &[&str], message: &[&str]) -> Option<Body> {
    let tokens = |keys: &[&str]| vec![keys.iter().map(|k| (*k).to_owned()).collect()];
    Some(Body::Pointers {
        code: tokens(code),
        message: tokens(message),
    })
}

#[test]
fn a_body_that_fits_a_preset_gets_the_preset() {
    assert_eq!(
        body(r#"{ "error": { "code": "invalid_api_key", "message": "…" } }"#),
        Some(Body::Preset(Preset::Nexus))
    );
    assert_eq!(
        body(
            "{\n\"errorCode\": \"SVCSTG_AMS_4000001\",\n\"errorMessage\": \"Request param invalid\"\n}"
        ),
        Some(Body::Preset(Preset::Flat))
    );
    assert_eq!(
        body(r#"{"error": "invalid_grant", "error_description": "Expired."}"#),
        Some(Body::Preset(Preset::OAuth))
    );
    assert_eq!(
        body(
            r#"{"type": "https://x.test/out-of-credit", "title": "No credit.", "detail": "Balance 30."}"#
        ),
        Some(Body::Preset(Preset::ProblemDetails))
    );
}

#[test]
fn a_body_that_fits_no_preset_gets_its_pointers() {
    let wrike = "{\n\"errorDescription\": \"Access token is unknown or invalid\",\n\"error\": \"not_authorized\"\n}Status Codes";
    assert_eq!(body(wrike), pointers(&["error"], &["errorDescription"]));
    let listed = r#"{"errors": [{"code": "bad", "description": "Bad."}]}"#;
    assert_eq!(
        body(listed),
        pointers(&["errors", "0", "code"], &["errors", "0", "description"])
    );
    let odd = r#"{"a/b~": {"code": 4, "message": "x"}}"#;
    let proposal = propose(odd).expect("a proposal");
    assert_eq!(
        Some(proposal.body),
        pointers(&["a/b~", "code"], &["a/b~", "message"])
    );
    assert_eq!(proposal.code, "/a~1b~0/code");
}

#[test]
fn the_first_example_with_a_code_and_a_message_counts_and_says_where_it_is() {
    let page = "Text {not json}\n{\"status\": 1}\n\n{\"code\": 7, \"message\": \"m\"}\n";
    let proposal = propose(page).expect("a proposal");
    assert_eq!(proposal.line, 4);
    assert_eq!(
        (proposal.code.as_str(), proposal.message.as_str()),
        ("/code", "/message")
    );
    assert_eq!(proposal.body, Body::Preset(Preset::Nexus));
}

#[test]
fn a_field_deeper_than_the_runtime_reads_is_not_proposed() {
    let deep = |depth: usize| {
        let open = "{\"a\": ".repeat(depth - 1);
        let close = "}".repeat(depth - 1);
        format!("{open}{{\"code\": \"x\", \"message\": \"y\"}}{close}")
    };
    assert!(body(&deep(MAX_TOKENS)).is_some());
    assert_eq!(body(&deep(MAX_TOKENS + 1)), None);
}

#[test]
fn no_example_no_proposal() {
    for page in [
        "",
        "{",
        "}{",
        "{\"message\": \"only a message\"}",
        "<Error><Code>X</Code></Error>",
    ] {
        assert_eq!(body(page), None, "{page:?}");
    }
}
