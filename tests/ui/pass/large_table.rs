//! A table past the size where lookups become binary searches over sorted tables: every
//! lookup must still agree with a plain scan of `ALL`.

#[nexus_errors::error_table(path = "specs/large_table.toml")]
pub enum Large {}

fn main() {
    // specs/large_table.toml: 300 rows named Row000…Row299, codes on two rows in three.
    assert_eq!(Large::COUNT, 300);
    let coded = Large::ALL.iter().filter(|row| row.code().is_some()).count();
    assert_eq!(coded, 200);
    for code in 0..=i64::from(u16::MAX) {
        let scanned = Large::ALL.iter().copied().find(|row| row.code() == Some(code));
        assert_eq!(Large::from_code(code), scanned, "code {code}");
    }
    for (index, row) in Large::ALL.iter().enumerate() {
        let name = format!("Row{index:03}");
        assert_eq!(row.name(), name);
        assert_eq!(Large::from_name(&name), Some(*row));
        assert_eq!(name.parse::<Large>(), Ok(*row));
    }
    for absent in ["", "Row300", "row000", "Row00", "Row0000", "Zzz"] {
        assert_eq!(Large::from_name(absent), None, "{absent}");
    }
}
