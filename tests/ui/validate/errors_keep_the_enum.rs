// The spec has a wrong status_text and a bad name. The macro still emits the enum with the
// rows it could read, so only the spec errors are reported: nothing about `ALL`, `COUNT`,
// the variants or the trait impls used below.
#[nexus_errors::error_table(path = "specs/errors_keep_the_enum.toml")]
pub enum Broken {}

fn main() {
    let _ = Broken::ALL;
    let _ = Broken::COUNT;
    let _ = Broken::RequiredParamsMissing.to_string();
    let _ = Broken::SessionTokenExpired.status_text();
    let _ = Broken::from_code(4011);
    let _ = <Broken as nexus_errors::ErrorTable>::ALL;
}
