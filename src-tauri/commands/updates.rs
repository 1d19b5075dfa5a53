//! Update commands for the About dialog and the check at start: check, download (with
//! progress over a channel), install and restart. See `crate::updater` for how they work.

use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use textgate_core::{settings_file, CoreError};

use crate::contract::ipc_command;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;
use crate::updater::{self, AvailableUpdate, DownloadedUpdate, UpdateProgress, Updates};

fn ipc(error: textgate_core::updates::UpdateError) -> IpcError {
    CoreError::from(error).into()
}

/// Asks the feed for a newer version: `null` when this one is the newest.
#[ipc_command]
pub async fn check_for_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    updates: State<'_, Updates>,
) -> IpcResult<Option<AvailableUpdate>> {
    updater::check(&app, state.data_dir(), &updates)
        .await
        .map_err(ipc)
}

/// The check the UI makes once at start: `null` without asking anything when the settings
/// turned it off or this build has no update key (a source build must not nag); else as
/// [`check_for_update`].
#[ipc_command]
pub async fn startup_update_check<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    updates: State<'_, Updates>,
) -> IpcResult<Option<AvailableUpdate>> {
    let settings = settings_file::load(state.data_dir()).settings;
    if !settings.check_updates_on_start || !updater::is_configured(&app) {
        return Ok(None);
    }
    check_for_update(app, state, updates).await
}

/// Downloads the offered update and verifies its signature; `on_progress` gets
/// [`UpdateProgress`] as it arrives.
#[ipc_command]
pub async fn download_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    updates: State<'_, Updates>,
    on_progress: Channel<UpdateProgress>,
) -> IpcResult<DownloadedUpdate> {
    updater::download(&app, state.data_dir(), &updates, |progress| {
        let _ = on_progress.send(progress);
    })
    .await
    .map_err(ipc)
}

/// Installs the downloaded update, then restarts into it (on Windows the installer closes the
/// app itself).
#[ipc_command]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    updates: State<'_, Updates>,
) -> IpcResult<()> {
    updater::install(&updates).await.map_err(ipc)?;
    app.request_restart();
    Ok(())
}
