//! Server commands: add (token, login, two-factor), log in again, list, test connection, edit,
//! remove, refresh flow schemas, and what the server has (its gateways beside the local profiles).

use tauri::State;
use textgate_core::server::{
    ConnectOutcome, ConnectionReport, NewServer, ServerAuth, ServerEdit, ServerView,
};
use textgate_core::{FlowSchema, ServerGateways};

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

#[ipc_command(async)]
pub fn list_servers(state: State<'_, AppState>) -> IpcResult<Vec<ServerView>> {
    Ok(state.workspace()?.servers().list()?)
}

/// Checks the credentials against the server, then stores it (the token goes to the keychain)
/// with its flow schemas cached. With two-factor login on, the first call answers
/// `codeRequired` and a second one with `auth.kind = "twoFactor"` (session and code) completes it.
#[ipc_command]
pub async fn add_server(
    state: State<'_, AppState>,
    server: NewServer,
) -> IpcResult<ConnectOutcome> {
    // Core fills the server's flow-schema cache too (a failure there is not fatal).
    Ok(state
        .workspace()?
        .servers()
        .connect(&server.name, &server.base_url, server.ca_pem, server.auth)
        .await?)
}

/// Logs in to a stored server again (its token expired or was revoked); the new token
/// replaces the old one once the server accepted it. Two-factor works as in `add_server`.
#[ipc_command]
pub async fn reconnect_server(
    state: State<'_, AppState>,
    id: String,
    auth: ServerAuth,
) -> IpcResult<ConnectOutcome> {
    Ok(state.workspace()?.servers().reconnect(&id, auth).await?)
}

#[ipc_command]
pub async fn test_server(state: State<'_, AppState>, id: String) -> IpcResult<ConnectionReport> {
    Ok(state.workspace()?.servers().test(&id).await?)
}

/// Edits a stored server in place: name, address (only while nothing was pushed to it),
/// token, private CA. A new token, address or CA is checked against the server first.
#[ipc_command]
pub async fn edit_server(
    state: State<'_, AppState>,
    id: String,
    edit: ServerEdit,
) -> IpcResult<ServerView> {
    Ok(state.workspace()?.servers().edit(&id, edit).await?)
}

#[ipc_command(async)]
pub fn remove_server(state: State<'_, AppState>, id: String) -> IpcResult<()> {
    Ok(state.workspace()?.servers().remove(&id)?)
}

#[ipc_command]
pub async fn refresh_flow_schemas(
    state: State<'_, AppState>,
    server_id: String,
) -> IpcResult<Vec<FlowSchema>> {
    Ok(state
        .workspace()?
        .servers()
        .refresh_flow_schemas(&server_id)
        .await?)
}

/// Every gateway of the server, custom ones linked or not, and the local profiles whose gateway
/// is gone from it.
#[ipc_command]
pub async fn server_gateways(
    state: State<'_, AppState>,
    server_id: String,
) -> IpcResult<ServerGateways> {
    Ok(state
        .workspace()?
        .servers()
        .gateways_on_server(&server_id, None)
        .await?)
}
