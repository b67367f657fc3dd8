#[nexus_errors::error_table(path = "specs/minimal.toml")]
pub enum Broken {
    Teapot,
}

fn main() {}
