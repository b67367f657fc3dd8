//! The specs `nexus-errors import` wrote from eight real error pages
//! (`nexus-errors-cli/tests/pages/specs/`) compile, in a crate outside the workspace, each as
//! an `error_table` enum whose rows and `Display` text come out as the spec says.

#[path = "common/scratch.rs"]
mod scratch;

use std::fs;
use std::path::PathBuf;

fn specs() -> Vec<PathBuf> {
    let dir = scratch::workspace().join("nexus-errors-cli/tests/pages/specs");
    let mut specs: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("the imported specs")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    specs.sort();
    specs
}

#[test]
fn every_imported_spec_compiles_and_its_rows_are_its_enum() {
    let specs = specs();
    assert_eq!(specs.len(), 8, "{specs:?}");
    let dir = scratch::package("imported-specs");
    let mut main = String::new();
    let mut checks = String::new();
    let mut expected = Vec::new();
    for (index, spec) in specs.iter().enumerate() {
        let file = format!("spec{index}.toml");
        fs::copy(spec, dir.join(&file)).expect("copy");
        main.push_str(&format!(
            "#[nexus_errors::error_table(path = {file:?})]\npub enum Table{index} {{}}\n\n"
        ));
        checks.push_str(&format!(
            "    for row in Table{index}::ALL {{ println!(\"{index} {{}}: {{row}}\", row.name()); }}\n"
        ));
        // The expected lines, from the spec itself: its rows as `Display` writes them.
        let table = nexus_errors_spec::check(&file, &fs::read_to_string(spec).expect("spec"));
        assert!(
            table.is_valid(),
            "{}: {:?}",
            spec.display(),
            table.diagnostics
        );
        for row in &table.table.rows {
            expected.push(format!("{index} {}: {}", row.name, row.display()));
        }
    }
    main.push_str(&format!("fn main() {{\n{checks}}}\n"));
    fs::write(dir.join("src/main.rs"), main).expect("main");

    let output = scratch::cargo(&dir, &["run", "--quiet"]);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines, expected);
}
