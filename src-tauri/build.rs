//! Generates Tauri's context (config, icons, capabilities) at compile time. Capabilities live
//! beside the Rust sources rather than at the package root, so the path is spelled out.

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/*.json");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
