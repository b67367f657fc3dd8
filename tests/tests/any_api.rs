//! Any API's table, outside this workspace: a crate of its own builds tables of string codes
//! in each body shape (the four presets and pointers of its own), with `error_table` and with
//! the derive, and reads responses served by a live loopback server into the right rows.
//!
//! The crate is `any_api/`: its tables, and an `app.rs` (its `main.rs`; named so that cargo
//! does not take it for a test of this package) that serves one body per case and reads it
//! back. Each expected line below comes from its table and the rule in the README: the
//! row whose code the body carries, under the response's status, told apart by the message
//! where a code has several rows.

#[path = "common/scratch.rs"]
mod scratch;

use std::fs;
use std::path::Path;

#[test]
fn tables_of_string_codes_resolve_bodies_of_every_shape_served_over_loopback() {
    let dir = scratch::package("any-api");
    let manifest = dir.join("Cargo.toml");
    let with_httparse = fs::read_to_string(&manifest).expect("manifest").replace(
        "\n\n# Its own workspace",
        "\nhttparse = \"1\"\n\n# Its own workspace",
    );
    fs::write(&manifest, with_httparse).expect("manifest");
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/any_api");
    for entry in fs::read_dir(&sources).expect("any_api/") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a file name");
        let to = if name == "app.rs" {
            dir.join("src/main.rs")
        } else {
            dir.join(name)
        };
        fs::copy(&path, to).expect("copy");
    }

    let output = scratch::cargo(&dir, &["run", "--quiet"]);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(
        lines,
        [
            "problem details: Some(\"OutOfCredit\") Some(Code)",
            "problem details, string status: Some(\"ValidationError\") Some(Code)",
            "oauth: Some(\"InvalidScope\") Some(Code)",
            "oauth, code alone: Some(\"InvalidClient\") Some(Code)",
            "flat: Some(\"RateLimited\") Some(Code)",
            "google: Some(\"ResourceExhausted\") Some(Code)",
            "payments: Some(\"CardDeclinedInsufficientFunds\") Some(CodeAndMessage)",
            "derived: Some(Declined) Some(CodeAndMessage)",
            "payments, one row of the code: Some(\"ExpiredCard\") Some(Code)",
            "payments, a message neither row has: None None",
            "codes: Some(\"card_declined\") Some(Declined) Some(ResourceExhausted)",
        ]
    );
}
