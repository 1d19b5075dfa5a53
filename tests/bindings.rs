//! Fails when `ui/src/bindings` (the types and `commands.ts`) differs from what the Rust side
//! generates, so the UI can never drift from the IPC payloads or the command names and arguments.
//! `UPDATE_BINDINGS=1 cargo test --test bindings` regenerates.

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

fn contract(name: &str) -> textgate_app::contract::CommandContract {
    textgate_app::command_contracts()
        .into_iter()
        .find(|command| command.name == name)
        .unwrap_or_else(|| panic!("no command {name}"))
}

fn cfg() -> ts_rs::Config {
    ts_rs::Config::new().with_large_int("number")
}

#[test]
fn every_command_is_listed_once() {
    let contracts = textgate_app::command_contracts();
    let mut names: Vec<&str> = contracts.iter().map(|command| command.name).collect();
    assert!(names.len() >= 40, "{names:?}");
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), contracts.len(), "a command is listed twice");
}

#[test]
fn a_contract_leaves_out_what_tauri_injects_and_keeps_the_rust_order() {
    let cfg = cfg();
    // `AppHandle<R>`, `State<AppState>`, `State<Updates>`: nothing the UI sends.
    assert!(contract("check_for_update").args.is_empty());
    assert!(contract("open_log_folder").args.is_empty());
    let burst = contract("run_burst");
    let args: Vec<(&str, String, bool)> = burst
        .args
        .iter()
        .map(|arg| (arg.name, arg.ty.name(&cfg), arg.ty.is_channel()))
        .collect();
    assert_eq!(
        args,
        [
            ("profile_id", "string".to_string(), false),
            ("count", "number".to_string(), false),
            ("concurrency", "number".to_string(), false),
            ("url", "string | null".to_string(), false),
            ("on_progress", "Channel<BurstProgress>".to_string(), true),
        ]
    );
    assert_eq!(burst.result.name(&cfg), "BurstReport");
    // `IpcResult<()>` answers `null`; `IpcResult<Vec<T>>` an array of T.
    assert_eq!(contract("stop_receiver").result.name(&cfg), "null");
    assert_eq!(
        contract("list_profiles").result.name(&cfg),
        "Array<ProfileSummary>"
    );
}

#[test]
fn commands_ts_declares_calls_and_dispatches_each_command_by_its_rust_names() {
    let cfg = cfg();
    let text = textgate_app::commands_ts::render(&textgate_app::command_contracts(), &cfg).unwrap();
    for line in [
        "  getProfile: (id: string) => Promise<ProfileView>;",
        "  getProfile: (id) => invoke<ProfileView>(\"get_profile\", { id }),",
        "  get_profile: { method: \"getProfile\", args: [\"id\"] },",
        "  | \"get_profile\"",
        // camelCase keys, as Tauri maps them onto the snake_case parameters.
        "  sendToGateway: (profileId, body, signing, url) => invoke<HistoryEntry>(\"send_to_gateway\", { profileId, body, signing, url }),",
        "  downloadUpdate: (onProgress: Channel<UpdateProgress>) => Promise<DownloadedUpdate>;",
        // A `serde_json::Value` argument says what the UI sends (`#[ipc(ts = ..)]`).
        "  saveSettings: (settings: Partial<Settings>) => Promise<SettingsView>;",
        "import type { Settings } from \"./Settings\";",
        "import type { ProfileView } from \"./ProfileView\";",
        "import { invoke, type Channel } from \"@tauri-apps/api/core\";",
    ] {
        assert!(text.lines().any(|got| got == line), "commands.ts lacks {line:?}:\n{text}");
    }
    // Only the types the commands name are imported, each once.
    let imports: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("import type"))
        .collect();
    let mut unique = imports.clone();
    unique.dedup();
    assert_eq!(imports, unique);
    assert!(
        !text.contains("from \"./Channel\""),
        "the history's Channel type is not a command's"
    );
}
