//! Sync commands: push a profile, pull a server (or the gateways picked on it), refresh a
//! profile from its server, check what the servers hold now (quietly), compare and resolve a
//! conflict.

use tauri::State;
use textgate_core::{
    ConflictView, FieldChoice, GatewayPull, KeepVersion, ProfileView, PullReport, PushAction,
    RefreshOutcome, ServerCheck,
};

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

/// Brings in only the picked gateways of the server; each has its own result.
#[ipc_command]
pub async fn pull_gateways(
    state: State<'_, AppState>,
    server_id: String,
    remote_ids: Vec<i64>,
) -> IpcResult<Vec<GatewayPull>> {
    Ok(state
        .workspace()?
        .sync()
        .pull_gateways(&server_id, &remote_ids)
        .await?)
}

/// Re-reads one pushed profile from its server.
#[ipc_command]
pub async fn refresh_profile(state: State<'_, AppState>, id: String) -> IpcResult<RefreshOutcome> {
    Ok(state.workspace()?.sync().refresh(&id).await?)
}

/// Checks the sync state of pushed profiles against their servers without taking anything from
/// them: one profile (`id`), or every pushed profile (one listing per server). A server that
/// cannot be reached is in the answer (`failure`), not an error.
#[ipc_command]
pub async fn check_sync(
    state: State<'_, AppState>,
    id: Option<String>,
) -> IpcResult<Vec<ServerCheck>> {
    let workspace = state.workspace()?;
    let sync = workspace.sync();
    Ok(match id {
        Some(id) => vec![sync.check_profile(&id).await?],
        None => sync.check_all().await?,
    })
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

/// Ends a conflict field by field: each differing field keeps this computer's value or takes
/// the server's; pushed when any keeps this computer's.
#[ipc_command]
pub async fn resolve_conflict_fields(
    state: State<'_, AppState>,
    id: String,
    choices: Vec<FieldChoice>,
) -> IpcResult<ProfileView> {
    Ok(state
        .workspace()?
        .sync()
        .resolve_fields(&id, &choices, None)
        .await?)
}
