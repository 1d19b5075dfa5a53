//! The Tauri shell around `textgate-core`: it resolves where data lives, holds the state, and
//! exposes core operations as IPC commands. No domain rules live here.

pub mod bindings;
pub mod commands;
pub mod error;
pub mod state;
pub mod updater;

use std::sync::Arc;

use tauri::Manager;
use textgate_core::KeyringStore;

use crate::state::AppState;

pub fn run() {
    // `TEXTGATE_DATA_DIR/logs` when the data folder is chosen, else the OS log folder (what
    // Tauri's `app_log_dir()` names); the guard keeps the file writer alive while the app runs.
    let log_dir = textgate_core::paths::resolve_log_dir(None);
    let _log = textgate_logging::init(&textgate_logging::LogOptions {
        dir: log_dir.clone(),
        file_prefix: "textgate-app",
        stderr: std::env::var_os(textgate_logging::FILTER_ENV).is_some(),
        level: textgate_logging::LevelFilter::INFO,
    });
    tracing::info!(target: "textgate::app", version = env!("CARGO_PKG_VERSION"), "started");
    tauri::Builder::default()
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(updater::plugin())
        .manage(updater::Updates::from_env())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let data_dir = state::resolve_data_dir(app.path().app_data_dir().ok());
            let state = AppState::open(data_dir, Arc::new(KeyringStore::new()));
            app.manage(state.with_log_dir(log_dir));
            Ok(())
        })
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| {
            tracing::error!(target: "textgate::app", %error, "could not start");
            eprintln!("Textgate could not start: {error}");
            std::process::exit(1);
        });
}

/// Every IPC command the window may call. Generic over the runtime so tests can drive the same
/// table through Tauri's mock runtime (`tests/bad_input_ipc.rs`).
pub fn invoke_handler<R: tauri::Runtime>(
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::app::app_status,
        commands::about::diagnostics,
        commands::about::diagnostics_text,
        commands::about::open_log_folder,
        commands::profiles::list_profiles,
        commands::profiles::get_profile,
        commands::profiles::new_profile_draft,
        commands::profiles::check_profile,
        commands::profiles::save_profile,
        commands::profiles::duplicate_profile,
        commands::profiles::delete_profile,
        commands::profiles::set_profile_enabled,
        commands::profiles::list_flow_schemas,
        commands::servers::list_servers,
        commands::servers::add_server,
        commands::servers::test_server,
        commands::servers::remove_server,
        commands::servers::refresh_flow_schemas,
        commands::sync::push_profile,
        commands::sync::pull_server,
        commands::sync::compare_with_server,
        commands::sync::resolve_conflict,
        commands::templates::preview_templates,
        commands::templates::default_sample_account,
        commands::values::generate_uri,
        commands::values::generate_secret,
        commands::harness::signature_lab,
        commands::harness::sender_types,
        commands::harness::compose_inbound,
        commands::harness::send_to_gateway,
        commands::harness::search_history,
        commands::harness::replay_history,
        commands::harness::clear_history,
        commands::harness_agent::emulate_webitel,
        commands::harness_agent::run_burst,
        commands::harness_receiver::start_receiver,
        commands::harness_receiver::stop_receiver,
        commands::harness_receiver::receiver_status,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::updates::check_for_update,
        commands::updates::startup_update_check,
        commands::updates::download_update,
        commands::updates::install_update,
    ]
}
