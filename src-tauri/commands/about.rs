//! The About dialog's facts: the diagnostics (version, commit, OS, web view, keychain, data
//! and log folders) as data and as the one text "Copy diagnostics" copies, and opening the log
//! folder in the file manager. None of it carries a secret.

use tauri::{AppHandle, Runtime, State};
use textgate_core::secrets::KEYCHAIN_BACKEND;
use textgate_core::ErrorCode;
use textgate_logging::diagnostics::{Diagnostics, Facts};

use crate::contract::ipc_command;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// The web view's engine and version, e.g. `WebKitGTK 2.48.1`; `None` when it cannot tell.
fn webview() -> Option<String> {
    let engine = if cfg!(target_os = "windows") {
        "WebView2"
    } else if cfg!(target_os = "macos") {
        "WebKit (WKWebView)"
    } else {
        "WebKitGTK"
    };
    tauri::webview_version()
        .ok()
        .map(|version| format!("{engine} {version}"))
}

fn collect(state: &AppState) -> Diagnostics {
    Diagnostics::collect(Facts {
        program: "Textgate".into(),
        webview: webview(),
        keychain: KEYCHAIN_BACKEND.into(),
        keychain_error: state.keychain_problem(),
        data_dir: Some(state.data_dir().display().to_string()),
        log_dir: state.log_dir().map(|dir| dir.display().to_string()),
    })
}

#[ipc_command(async)]
pub fn diagnostics(state: State<'_, AppState>) -> IpcResult<Diagnostics> {
    Ok(collect(&state))
}

/// The diagnostics as the plain text "Copy diagnostics" puts on the clipboard (the same text
/// `textgate-cli diagnostics` prints).
#[ipc_command(async)]
pub fn diagnostics_text(state: State<'_, AppState>) -> IpcResult<String> {
    Ok(collect(&state).to_text())
}

/// Opens the log folder in the system's file manager.
#[ipc_command(async)]
pub fn open_log_folder<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> IpcResult<()> {
    let Some(dir) = state.log_dir() else {
        return Err(IpcError::new(
            ErrorCode::NoLogFolder,
            "This computer reports no folder for log files",
        ));
    };
    use tauri::Manager;
    let opener = app
        .try_state::<tauri_plugin_opener::Opener<R>>()
        .ok_or_else(|| IpcError::new(ErrorCode::OpenFailed, "Cannot open folders here"))?;
    // The folder exists once anything was logged; made now so the file manager shows it.
    let _ = std::fs::create_dir_all(dir);
    opener
        .open_path(dir.display().to_string(), None::<&str>)
        .map_err(|error| {
            tracing::warn!(target: "textgate::app", dir = %dir.display(), %error, "cannot open the log folder");
            IpcError::new(
                ErrorCode::OpenFailed,
                format!("Cannot open {}: {error}", dir.display()),
            )
        })
}
