// `codes_start_with_status = false` under [api] switches off the rule that a code begins
// with its status (compare ui/validate/code_prefix_mismatch.rs).
#[nexus_errors::error_table(path = "specs/codes_not_prefixed.toml")]
pub enum Unprefixed {}

fn main() {
    assert_eq!(Unprefixed::COUNT, 2);
    assert_eq!(Unprefixed::from_code(17), Some(Unprefixed::Throttled));
    assert_eq!(Unprefixed::from_code(9001), Some(Unprefixed::Maintenance));
    assert_eq!(Unprefixed::from_code(4290), None);
    assert_eq!(Unprefixed::Throttled.status(), 429);
    assert_eq!(Unprefixed::Throttled.to_string(), "429 Too Many Requests [17]: Slow down.");
    assert_eq!(Unprefixed::Maintenance.to_string(), "503 Service Unavailable [9001]: Down for maintenance.");
}
