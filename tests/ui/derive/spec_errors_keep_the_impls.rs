use nexus_errors::ErrorTable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ErrorTable)]
#[nexus(path = "specs/spec_errors_keep_the_impls.toml")]
pub enum Broken {
    RequiredParamsMissing,
    #[nexus(other)]
    Other(&'static nexus_errors::Row),
}

fn main() {
    // Only the spec's errors are reported; the impls are still generated.
    let _ = Broken::ALL;
    let _ = Broken::RequiredParamsMissing.to_string();
}
