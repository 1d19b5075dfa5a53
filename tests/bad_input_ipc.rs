//! The bad-input catalogue for the app's IPC commands (issue E, section 5), through Tauri's own
//! IPC on the mock runtime (no window): the same command table the window calls
//! (`textgate_app::invoke_handler`), every command of the one list in `lib.rs` that makes it
//! (`textgate_app::command_contracts`), so a new command cannot be left out, fed wrong JSON
//! types, unknown and missing fields, huge strings (10 MB), NUL bytes, out-of-range numbers and
//! `javascript:`/`file:`/`ftp:` URLs. Each call must answer an error — the command's
//! `{code, message}`, or, for arguments Tauri cannot even decode, its one-line "invalid args"
//! string (which the UI's `toIpcError` turns into `{code: "unexpected"}`) — never panic, and
//! leave every file of the data folder byte for byte as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use textgate_app::state::AppState;
use textgate_core::generate::generate_uri;
use textgate_core::{MemorySecretStore, ProfileDraft, Sensitive};

#[path = "bad_input_ipc/cases.rs"]
mod cases;
#[path = "bad_input_ipc/cases_debugging.rs"]
mod cases_debugging;
#[path = "bad_input_ipc/cases_scenarios.rs"]
mod cases_scenarios;
#[path = "bad_input_ipc/cases_transfer.rs"]
mod cases_transfer;

use cases::{cases, Expect};

/// The command names of the one list in `lib.rs` (`ipc_commands!`), which is also the table.
fn commands() -> Vec<String> {
    textgate_app::command_contracts()
        .iter()
        .map(|command| command.name.to_string())
        .collect()
}

/// Every file under `dir` with its bytes, but SQLite's `-shm`: the open connection's shared-memory
/// index of the WAL, whose read marks move on every read (it holds no data).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                pending.push(entry.unwrap().path());
            }
        } else if !path.to_string_lossy().ends_with("-shm") {
            files.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    files
}

fn request(command: &str, args: Value) -> InvokeRequest {
    InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    }
}

fn shorten(value: &Value) -> String {
    let text = value.to_string();
    if text.len() > 300 {
        format!("{}… ({} bytes)", &text[..300], text.len())
    } else {
        text
    }
}

#[test]
fn every_ipc_command_refuses_bad_input_with_an_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_path_buf(), Arc::new(MemorySecretStore::new()));
    let profile = state
        .workspace()
        .unwrap()
        .profiles()
        .save(ProfileDraft {
            name: "Support".into(),
            uri: generate_uri(),
            callback: "https://bot.example.com/hook".into(),
            secret: Sensitive::new("s3cret-s3cret".into()),
            ..ProfileDraft::default()
        })
        .unwrap()
        .profile
        .id;
    // The updater as a build without a release key has it: its commands answer without the
    // network.
    let mut context = mock_context(noop_assets());
    context.config_mut().plugins.0.insert(
        "updater".into(),
        serde_json::json!({"pubkey": "", "endpoints": ["https://updates.invalid/latest.json"]}),
    );
    let app = mock_builder()
        .plugin(textgate_app::updater::plugin())
        .manage(state)
        .manage(textgate_app::updater::Updates::new(None))
        .invoke_handler(textgate_app::invoke_handler())
        .build(context)
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let commands = commands();
    assert!(commands.len() >= 30, "the command table: {commands:?}");
    let mut calls = 0;
    for command in &commands {
        for case in cases(command, &profile) {
            let shown = format!("`{command}` with {}: {}", case.what, shorten(&case.args));
            let before = snapshot(dir.path());
            let response = get_ipc_response(&webview, request(command, case.args));
            let after = snapshot(dir.path());
            let changed: Vec<_> = after
                .iter()
                .filter(|(path, bytes)| before.get(*path) != Some(bytes))
                .map(|(path, _)| path.file_name().unwrap().to_string_lossy().into_owned())
                .chain(
                    before
                        .keys()
                        .filter(|path| !after.contains_key(*path))
                        .map(|p| format!("{} (gone)", p.display())),
                )
                .collect();
            assert!(
                changed.is_empty(),
                "the data folder changed ({changed:?}): {shown}"
            );
            match (case.expect, response) {
                (Expect::Answers, Ok(_)) => {}
                (Expect::Code(code), Err(error)) => {
                    let error_shown = shorten(&error);
                    assert_eq!(error["code"], code, "{shown}: {error_shown}");
                    let message = error["message"].as_str().unwrap_or_default();
                    assert!(message.len() > 5, "a clear message: {shown}: {error_shown}");
                    assert!(!message.contains('\n'), "one line: {shown}");
                }
                (Expect::Args, Err(Value::String(message))) => {
                    assert!(
                        message.starts_with("invalid args") && message.contains(command),
                        "{shown}: {}",
                        shorten(&Value::String(message.clone()))
                    );
                    assert!(!message.contains('\n'), "one line: {shown}");
                }
                (_, other) => panic!(
                    "{shown}: expected {:?}, got {:?}",
                    case.expect,
                    other.map(|_| "Ok").map_err(|e| shorten(&e))
                ),
            }
            calls += 1;
        }
    }
    assert!(calls > 90, "{calls} calls");
}
