//! The About dialog's commands through Tauri's IPC on the mock runtime: the diagnostics carry
//! version, commit, OS, keychain and both folders; the text "Copy diagnostics" copies is the
//! same facts line by line; and with no log folder known, opening it is a clear error.

use std::sync::Arc;

use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use textgate_app::state::AppState;
use textgate_core::MemorySecretStore;

fn call(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    command: &str,
) -> Result<serde_json::Value, serde_json::Value> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(serde_json::json!({})),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request).map(|body| body.deserialize().unwrap())
}

fn app_with(
    state: AppState,
) -> (
    tauri::App<tauri::test::MockRuntime>,
    tauri::WebviewWindow<tauri::test::MockRuntime>,
) {
    let app = mock_builder()
        .manage(state)
        .invoke_handler(textgate_app::invoke_handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, webview)
}

#[test]
fn diagnostics_name_the_build_the_system_and_both_folders_and_the_text_says_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    let secrets = Arc::new(MemorySecretStore::new());
    let state = AppState::open(dir.path().to_path_buf(), secrets).with_log_dir(Some(logs.clone()));
    let (_app, webview) = app_with(state);

    let facts = call(&webview, "diagnostics").unwrap();
    assert_eq!(facts["program"], "Textgate");
    assert_eq!(facts["version"], env!("CARGO_PKG_VERSION"));
    let commit = facts["commit"].as_str().unwrap();
    assert!(!commit.is_empty(), "{facts}");
    assert!(!facts["os"].as_str().unwrap().is_empty(), "{facts}");
    assert_eq!(facts["keychain"], textgate_core::secrets::KEYCHAIN_BACKEND);
    assert_eq!(facts["keychainError"], serde_json::Value::Null);
    assert_eq!(facts["dataDir"], dir.path().display().to_string());
    assert_eq!(facts["logDir"], logs.display().to_string());

    let text = call(&webview, "diagnostics_text").unwrap();
    let text = text.as_str().unwrap();
    assert!(
        text.starts_with(&format!(
            "Textgate {} (commit {commit})\n",
            env!("CARGO_PKG_VERSION")
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("\nLog folder: {}\n", logs.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!("\nData folder: {}\n", dir.path().display())),
        "{text}"
    );
    assert!(
        text.contains(&format!("\nOS: {} ", facts["os"].as_str().unwrap())),
        "{text}"
    );
}

#[test]
fn an_unreachable_keychain_is_named_in_the_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::new());
    secrets.set_unavailable(true);
    let (_app, webview) = app_with(AppState::open(dir.path().to_path_buf(), secrets));
    let facts = call(&webview, "diagnostics").unwrap();
    assert!(
        facts["keychainError"]
            .as_str()
            .unwrap()
            .contains("no keychain service"),
        "{facts}"
    );
    let text = call(&webview, "diagnostics_text").unwrap();
    assert!(
        text.as_str().unwrap().contains("): not available: "),
        "{text}"
    );
}

#[test]
fn opening_an_unknown_log_folder_is_an_error_not_a_guess() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_path_buf(), Arc::new(MemorySecretStore::new()));
    let (_app, webview) = app_with(state);
    let error = call(&webview, "open_log_folder").unwrap_err();
    assert_eq!(error["code"], "no_log_folder", "{error}");
}
