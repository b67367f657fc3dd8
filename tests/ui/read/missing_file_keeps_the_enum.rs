// The spec cannot be read: the macro still emits an empty enum with every associated item,
// so the uses below add no errors of their own.
#[nexus_errors::error_table(path = "specs/no_such_spec.toml")]
pub enum Missing {}

fn main() {
    let _ = Missing::ALL;
    let _ = Missing::COUNT;
    let _ = Missing::from_name("Anything");
    let _ = nexus_errors::ResponseError::<Missing>::from_response(404u16, b"");
}
