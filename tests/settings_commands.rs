//! The Settings commands as the window calls them, on a real data folder: saved values come
//! back, a bad value crosses IPC as `invalid_setting` naming its setting, and a damaged file
//! reads as the defaults with a warning.

use std::sync::Arc;

use serde_json::json;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::{App, Manager};
use textgate_app::commands::settings::{get_settings, save_settings};
use textgate_app::state::AppState;
use textgate_core::MemorySecretStore;

fn app(dir: &std::path::Path) -> App<MockRuntime> {
    mock_builder()
        .manage(AppState::open(
            dir.to_path_buf(),
            Arc::new(MemorySecretStore::new()),
        ))
        .build(mock_context(noop_assets()))
        .unwrap()
}

#[test]
fn saved_settings_come_back_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let saved = save_settings(
        app(dir.path()).state(),
        json!({"language": "uk", "theme": "dark", "checkUpdatesOnStart": true, "receiverPort": 9001}),
    )
    .unwrap();
    let again = get_settings(app(dir.path()).state()).unwrap();
    assert_eq!(again, saved);
    let json = serde_json::to_value(&again).unwrap();
    assert_eq!(
        json,
        json!({"settings": {"language": "uk", "theme": "dark", "checkUpdatesOnStart": true,
                            "updateFeed": null, "receiverPort": 9001},
               "warnings": []})
    );
}

#[test]
fn a_bad_value_crosses_ipc_as_invalid_setting_with_its_setting_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let error =
        save_settings(app.state(), json!({"theme": "dark", "receiverPort": 0})).unwrap_err();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "invalid_setting");
    assert_eq!(json["setting"], "receiverPort");
    assert_eq!(
        json["message"],
        "0 is not a receiver port: use a number from 1 to 65535"
    );
    assert!(!dir.path().join("settings.json").exists());
    // Errors of other commands carry no `setting` key at all.
    let other = serde_json::to_value(textgate_app::error::IpcError::new(
        textgate_core::ErrorCode::NotFound,
        "y",
    ))
    .unwrap();
    assert!(other.get("setting").is_none(), "{other}");
}

#[test]
fn a_damaged_file_reads_as_the_defaults_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("settings.json"), "{not json").unwrap();
    let view = get_settings(app(dir.path()).state()).unwrap();
    assert_eq!(view.settings, textgate_core::settings::Settings::default());
    assert_eq!(view.warnings.len(), 1);
    assert!(
        view.warnings[0].contains("settings.json") && view.warnings[0].contains("defaults"),
        "{:?}",
        view.warnings
    );
}
