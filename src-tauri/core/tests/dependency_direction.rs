//! The import edges issue G turned one way, checked on the source so a later change cannot
//! quietly bring a cycle back: "now" is read only in `clock` (core, the CLI and the app shell
//! call it), `harness` does not import `store` (the store imports harness's history types), and
//! the emulator's route modules share `emulator::query` instead of `bots` importing `api`.
//! Test files (`tests.rs`, `*_tests.rs`) may reach anything for their fixtures and are skipped.

use std::path::{Path, PathBuf};

fn src_tauri() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("src-tauri")
}

/// Every non-test `.rs` file under `dir` (or `dir` itself if it is a file).
fn sources(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("a folder entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                pending.push(path);
            } else if name.ends_with(".rs") && name != "tests.rs" && !name.ends_with("_tests.rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no sources under {}", dir.display());
    files
}

/// The files under `dirs` whose text contains any of `needles`, as `path: needle`.
fn mentions(dirs: &[&str], needles: &[&str]) -> Vec<String> {
    let root = src_tauri();
    let mut found = Vec::new();
    for dir in dirs {
        for file in sources(&root.join(dir)) {
            let text = std::fs::read_to_string(&file).expect("a UTF-8 source file");
            for needle in needles {
                if text.contains(needle) {
                    let shown = file.strip_prefix(&root).unwrap_or(&file).display();
                    found.push(format!("{shown}: {needle}"));
                }
            }
        }
    }
    found
}

#[test]
fn the_wall_clock_is_read_only_in_core_clock() {
    let readers = mentions(
        &[
            "core/src",
            "cli/src",
            "logging/src",
            "commands",
            "lib.rs",
            "main.rs",
            "state.rs",
            "error.rs",
            "updater.rs",
        ],
        &["SystemTime::now", "UNIX_EPOCH"],
    );
    assert_eq!(
        readers,
        [
            "core/src/clock.rs: SystemTime::now",
            "core/src/clock.rs: UNIX_EPOCH"
        ]
    );
}

#[test]
fn harness_does_not_import_the_store() {
    let edges = mentions(
        &["core/src/harness"],
        &["crate::store", "super::super::store"],
    );
    assert!(edges.is_empty(), "harness -> store: {edges:?}");
}

#[test]
fn the_emulator_bots_routes_do_not_import_the_api_module() {
    let edges = mentions(
        &["core/src/emulator/bots.rs"],
        &["super::api", "emulator::api"],
    );
    assert!(
        edges.is_empty(),
        "emulator::bots -> emulator::api: {edges:?}"
    );
}
