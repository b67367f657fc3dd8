#[nexus_errors::error_table(pth = "specs/minimal.toml")]
pub enum Api {}

fn main() {
    // The enum is still emitted (a skeleton without rows), with every generated item: the
    // misspelt option is the only error.
    let all: &[Api] = Api::ALL;
    let _ = all.iter().map(|e| e.status()).count();
    let _ = Api::from_code(4011).map(|e| e.to_string());
    let _ = "Anything".parse::<Api>();
}
