//! Sync commands: push a profile, pull a server, compare and resolve a conflict.

use tauri::State;
use textgate_core::{ConflictView, KeepVersion, ProfileView, PullReport, PushAction};

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

#[ipc_command]
pub async fn push_profile(state: State<'_, AppState>, id: String) -> IpcResult<PushAction> {
    Ok(state.workspace()?.sync().push(&id, false).await?)
}

#[ipc_command]
pub async fn pull_server(state: State<'_, AppState>, server_id: String) -> IpcResult<PullReport> {
    Ok(state.workspace()?.sync().pull(&server_id).await?)
}

#[ipc_command]
pub async fn compare_with_server(
    state: State<'_, AppState>,
    id: String,
) -> IpcResult<ConflictView> {
    Ok(state.workspace()?.sync().compare_with_server(&id).await?)
}

#[ipc_command]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    id: String,
    keep: KeepVersion,
) -> IpcResult<ProfileView> {
    Ok(state
        .workspace()?
        .sync()
        .resolve_conflict(&id, keep)
        .await?)
}
