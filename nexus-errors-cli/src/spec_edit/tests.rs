use super::*;

const SPEC: &str = r#"# The table.

[api]
name = "Test API"   # shown in docs

# Auth rows.
[[error]]
name = "Expired"
code = 4011
status = 401
status_text = "Unauthorized"
description = "Token expired."  # keep this comment

[[error]]
name = "Forbidden"
status = 403
status_text = "Forbidden"
description = "Operation is forbidden."
notes = [
    "Ask an admin.",
]
# Trailing comment.
"#;

use crate::test_rows::spec_row as row;

fn expired() -> Row {
    row("Expired", Some(4011), 401, "Unauthorized", "Token expired.")
}

fn forbidden() -> Row {
    Row {
        notes: vec!["Ask an admin.".into()],
        ..row(
            "Forbidden",
            None,
            403,
            "Forbidden",
            "Operation is forbidden.",
        )
    }
}

fn kept(spec: usize, row: Row) -> Entry {
    Entry {
        row,
        origin: Origin::Kept { spec },
    }
}

fn added(row: Row) -> Entry {
    Entry {
        row,
        origin: Origin::Added {
            page: 0,
            basis: crate::merge::names::Basis::Shape,
        },
    }
}

fn edit(entries: &[Entry]) -> String {
    write(Base::Existing(SPEC), entries).expect("editable")
}

#[test]
fn unchanged_rows_give_the_same_text_byte_for_byte() {
    assert_eq!(edit(&[kept(0, expired()), kept(1, forbidden())]), SPEC);
}

#[test]
fn a_changed_value_keeps_its_comment() {
    let mut changed = expired();
    changed.description = "The token expired.".into();
    let text = edit(&[kept(0, changed), kept(1, forbidden())]);
    assert_eq!(
        text,
        SPEC.replace(
            r#"description = "Token expired.""#,
            r#"description = "The token expired.""#
        )
    );
}

#[test]
fn an_added_code_goes_after_the_name_and_a_dropped_one_goes() {
    let mut coded = forbidden();
    coded.code = Some(nexus_errors_spec::Code::Integer(4031));
    let mut uncoded = expired();
    uncoded.code = None;
    let text = edit(&[kept(0, uncoded), kept(1, coded)]);
    let expected = SPEC.replace("code = 4011\n", "").replace(
        "name = \"Forbidden\"\n",
        "name = \"Forbidden\"\ncode = 4031\n",
    );
    assert_eq!(text, expected);
}

#[test]
fn notes_are_replaced_dropped_or_added_as_multi_line_arrays() {
    let mut more = forbidden();
    more.notes.push("Or use another token.".into());
    let mut noted = expired();
    noted.notes = vec!["Log in again.".into()];
    let text = edit(&[kept(0, noted), kept(1, more)]);
    let expected = SPEC
        .replace(
            "description = \"Token expired.\"  # keep this comment\n",
            "description = \"Token expired.\"  # keep this comment\nnotes = [\n    \"Log in again.\",\n]\n",
        )
        .replace(
            "    \"Ask an admin.\",\n]",
            "    \"Ask an admin.\",\n    \"Or use another token.\",\n]",
        );
    assert_eq!(text, expected);

    let text = edit(&[
        kept(0, expired()),
        kept(
            1,
            Row {
                notes: vec![],
                ..forbidden()
            },
        ),
    ]);
    assert_eq!(
        text,
        SPEC.replace("notes = [\n    \"Ask an admin.\",\n]\n", "")
    );
}

#[test]
fn a_new_row_is_formatted_like_the_others() {
    let new = Row {
        notes: vec!["Wait a minute.".into(), "Then retry.".into()],
        ..row("TooManyRequests", None, 429, "Too Many Requests", "")
    };
    let text = edit(&[kept(0, expired()), kept(1, forbidden()), added(new)]);
    let expected = SPEC.replace(
        "# Trailing comment.\n",
        "\n[[error]]\nname = \"TooManyRequests\"\nstatus = 429\nstatus_text = \"Too Many Requests\"\ndescription = \"\"\nnotes = [\n    \"Wait a minute.\",\n    \"Then retry.\",\n]\n# Trailing comment.\n",
    );
    assert_eq!(text, expected);
}

#[test]
fn reordered_rows_take_their_comments_with_them() {
    let text = edit(&[kept(1, forbidden()), kept(0, expired())]);
    let forbidden_at = text.find("name = \"Forbidden\"").expect("row");
    let expired_at = text.find("name = \"Expired\"").expect("row");
    let comment_at = text.find("# Auth rows.").expect("comment");
    assert!(
        forbidden_at < comment_at && comment_at < expired_at,
        "{text}"
    );
    assert!(text.starts_with("# The table.\n\n[api]\nname = \"Test API\"   # shown in docs\n"));
}

#[test]
fn a_new_spec_gets_an_api_header() {
    let api = NewApi {
        name: "Acme API".into(),
        source: Some("https://acme.test/errors".into()),
        codes_start_with_status: true,
        body: None,
    };
    let text = write(Base::New(&api), &[added(expired())]).expect("a new spec");
    assert_eq!(
        text,
        "[api]\nname = \"Acme API\"\nsource = \"https://acme.test/errors\"\n\n[[error]]\nname = \"Expired\"\ncode = 4011\nstatus = 401\nstatus_text = \"Unauthorized\"\ndescription = \"Token expired.\"\n"
    );
}

#[test]
fn crlf_specs_stay_crlf() {
    let crlf = SPEC.replace('\n', "\r\n");
    let text = write(
        Base::Existing(&crlf),
        &[
            kept(0, expired()),
            kept(1, forbidden()),
            added(row("Gone", None, 410, "Gone", "x")),
        ],
    )
    .expect("editable");
    assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
    assert!(text.starts_with(&crlf.replace("# Trailing comment.\r\n", "")));
}

#[test]
fn inline_rows_are_refused() {
    let text = "error = [{ name = \"X\", status = 400, status_text = \"Bad Request\", description = \"\" }]\n\n[api]\nname = \"A\"\n";
    assert_eq!(write(Base::Existing(text), &[]), Err(EditError::InlineRows));
}

#[test]
fn a_new_spec_says_when_codes_do_not_start_with_their_status() {
    let api = NewApi {
        name: "Acme API".into(),
        source: None,
        codes_start_with_status: false,
        body: None,
    };
    let text = write(
        Base::New(&api),
        &[added(row(
            "Declined",
            Some(1001),
            402,
            "Payment Required",
            "",
        ))],
    )
    .expect("a new spec");
    assert!(
        text.starts_with(
            "[api]\nname = \"Acme API\"\ncodes_start_with_status = false\n\n[[error]]\n"
        ),
        "{text}"
    );
}

#[test]
fn a_new_specs_body_is_a_preset_or_its_pointers() {
    use nexus_errors_spec::{Body, Preset};
    assert_eq!(
        body_value(&Body::Preset(Preset::Flat)).to_string(),
        "\"flat\""
    );
    let pointers = Body::Pointers {
        code: vec![vec!["error".into()]],
        message: vec![vec!["a/b".into(), "errorDescription".into()]],
    };
    assert_eq!(
        body_value(&pointers).to_string(),
        r#"{ code = ["/error"], message = ["/a~1b/errorDescription"] }"#
    );
    let api = NewApi {
        name: "Acme API".into(),
        source: None,
        codes_start_with_status: true,
        body: Some(pointers),
    };
    let text = write(Base::New(&api), &[added(expired())]).expect("a new spec");
    assert!(
        text.starts_with("[api]\nname = \"Acme API\"\nbody = { code = [\"/error\"], message = [\"/a~1b/errorDescription\"] }\n"),
        "{text}"
    );
    let checked = nexus_errors_spec::check("errors.toml", &text);
    assert!(checked.is_valid(), "{:?}", checked.diagnostics);
}
