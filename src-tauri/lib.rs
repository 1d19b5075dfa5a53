//! The Tauri shell around `textgate-core`: it resolves where data lives, holds the state, and
//! exposes core operations as IPC commands. No domain rules live here.

pub mod bindings;
pub mod commands;
pub mod commands_ts;
pub mod contract;
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
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            // Core's one resolver (`TEXTGATE_DATA_DIR`, else the OS app-data dir), as the CLI's.
            let data_dir = textgate_core::paths::app_data_dir(|| app.path().app_data_dir().ok());
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

/// Every IPC command the window may call, each named once: the list expands to the Tauri
/// handler table and to the contracts `commands.ts` is generated from (`bindings.rs`).
macro_rules! ipc_commands {
    ($($module:ident::$command:ident),* $(,)?) => {
        /// The IPC handler table. Generic over the runtime so tests can drive the same table
        /// through Tauri's mock runtime (`tests/bad_input_ipc.rs`).
        pub fn invoke_handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$module::$command),*]
        }

        /// Every command's contract (`#[ipc_command]`), in the order of the list.
        pub fn command_contracts() -> Vec<contract::CommandContract> {
            vec![$(commands::$module::$command::contract()),*]
        }
    };
}

ipc_commands![
    app::app_status,
    about::diagnostics,
    about::diagnostics_text,
    about::open_log_folder,
    profiles::list_profiles,
    profiles::get_profile,
    profiles::new_profile_draft,
    profiles::check_profile,
    profiles::save_profile,
    profiles::duplicate_profile,
    profiles::delete_profile,
    profiles::set_profile_enabled,
    bulk::run_bulk,
    profiles::list_flow_schemas,
    servers::list_servers,
    servers::add_server,
    servers::reconnect_server,
    servers::test_server,
    servers::remove_server,
    servers::edit_server,
    servers::refresh_flow_schemas,
    servers::server_gateways,
    sync::push_profile,
    sync::pull_server,
    sync::pull_gateways,
    sync::refresh_profile,
    sync::check_sync,
    sync::compare_with_server,
    sync::resolve_conflict,
    sync::resolve_conflict_fields,
    templates::preview_templates,
    templates::default_sample_account,
    values::generate_uri,
    values::generate_secret,
    harness::signature_lab,
    harness::sender_types,
    harness::compose_inbound,
    harness::send_to_gateway,
    harness::search_history,
    harness::history_page,
    harness::replay_history,
    harness::clear_history,
    harness_curl::history_curl,
    harness_curl::send_curl,
    harness_curl::emulate_curl,
    harness_curl::parse_curl,
    harness_curl::replay_draft,
    harness_curl::replay_edited,
    harness_curl::send_request,
    harness::export_history,
    harness_agent::emulate_webitel,
    harness_agent::prove_secret,
    harness_agent::run_burst,
    harness_scenarios::list_scenarios,
    harness_scenarios::render_scenario,
    harness_scenarios::send_scenario,
    harness_scenarios::emulate_scenario,
    harness_scenarios::save_scenario,
    harness_scenarios::delete_scenario,
    harness_receiver::start_receiver,
    harness_receiver::stop_receiver,
    harness_receiver::receiver_status,
    settings::get_settings,
    settings::save_settings,
    updates::check_for_update,
    updates::startup_update_check,
    updates::download_update,
    updates::install_update,
    transfer::export_profiles,
    transfer::preview_import,
    transfer::apply_import,
];
