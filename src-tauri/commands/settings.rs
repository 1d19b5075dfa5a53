//! The Settings dialog's two commands: read the preferences (with what was wrong in the file)
//! and save some or all of them (`textgate_core::settings_file`).

use tauri::State;
use textgate_core::settings_file::{self, SettingsView};

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

#[ipc_command(async)]
pub fn get_settings(state: State<'_, AppState>) -> IpcResult<SettingsView> {
    Ok(settings_file::load(state.data_dir()))
}

/// Saves the settings named in `settings` (an object with some or all of `language`, `theme`,
/// `checkUpdatesOnStart`, `updateFeed`, `receiverPort`); a bad value is refused as
/// `invalid_setting` with its field and nothing is saved. Answers the settings now in force.
#[ipc_command(async)]
pub fn save_settings(
    state: State<'_, AppState>,
    #[ipc(ts = "Partial<Settings>", uses = textgate_core::settings::Settings)]
    settings: serde_json::Value,
) -> IpcResult<SettingsView> {
    Ok(settings_file::save(state.data_dir(), &settings)?)
}
