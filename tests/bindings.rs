//! Fails when `ui/src/bindings` differs from what the Rust types generate, so the UI can never
//! drift from the IPC payloads. `UPDATE_BINDINGS=1 cargo test --test bindings` regenerates.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn read_dir_files(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "ts") {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                files.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn generated_typescript_bindings_are_current() {
    let checked_in = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        for stale in read_dir_files(&checked_in).keys() {
            std::fs::remove_file(checked_in.join(stale)).unwrap();
        }
        textgate_app::bindings::export_all(&checked_in).unwrap();
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    textgate_app::bindings::export_all(fresh.path()).unwrap();
    let expected = read_dir_files(fresh.path());
    let actual = read_dir_files(&checked_in);
    assert!(
        expected.len() >= 10,
        "the export produced only {} files",
        expected.len()
    );
    let stale: Vec<&String> = expected
        .iter()
        .filter(|(name, text)| actual.get(*name) != Some(text))
        .map(|(name, _)| name)
        .chain(actual.keys().filter(|name| !expected.contains_key(*name)))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale ({stale:?}); run `make bindings` (UPDATE_BINDINGS=1 cargo test --test bindings)"
    );
}
