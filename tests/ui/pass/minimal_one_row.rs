#[nexus_errors::error_table(path = "specs/minimal.toml")]
pub enum Minimal {}

fn main() {
    assert_eq!(Minimal::COUNT, 1);
    assert_eq!(Minimal::ALL, &[Minimal::Teapot]);
    assert_eq!(Minimal::Teapot.code(), Some(4180));
    assert_eq!(Minimal::Teapot.status(), 418);
    assert_eq!(Minimal::Teapot.to_string(), "418 I'm a teapot [4180]: Short and stout.");
}
