//! Profile commands: list, read, check, save, duplicate, delete, start/stop, and the flow schema cache.

use tauri::State;
use textgate_core::{
    FieldIssue, FlowSchema, ProfileDraft, ProfileSummary, ProfileView, SaveOutcome,
};

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

#[ipc_command(async)]
pub fn list_profiles(state: State<'_, AppState>) -> IpcResult<Vec<ProfileSummary>> {
    Ok(state.workspace()?.profiles().list()?)
}

#[ipc_command(async)]
pub fn get_profile(state: State<'_, AppState>, id: String) -> IpcResult<ProfileView> {
    Ok(state.workspace()?.profiles().get(&id)?)
}

/// A new profile's draft (generated URI and app secret), so the UI never builds one itself.
#[ipc_command(async)]
pub fn new_profile_draft() -> IpcResult<ProfileDraft> {
    Ok(ProfileDraft::generated())
}

#[ipc_command(async)]
pub fn check_profile(
    state: State<'_, AppState>,
    draft: ProfileDraft,
) -> IpcResult<Vec<FieldIssue>> {
    Ok(state.workspace()?.profiles().check(&draft)?)
}

#[ipc_command(async)]
pub fn save_profile(state: State<'_, AppState>, draft: ProfileDraft) -> IpcResult<SaveOutcome> {
    Ok(state.workspace()?.profiles().save(draft)?)
}

#[ipc_command(async)]
pub fn duplicate_profile(state: State<'_, AppState>, id: String) -> IpcResult<SaveOutcome> {
    Ok(state.workspace()?.profiles().duplicate(&id)?)
}

/// Deletes locally, or on the profile's server too with `remote`.
#[ipc_command]
pub async fn delete_profile(state: State<'_, AppState>, id: String, remote: bool) -> IpcResult<()> {
    let workspace = state.workspace()?;
    if remote {
        Ok(workspace.sync().delete(&id).await?)
    } else {
        Ok(workspace.profiles().delete(&id)?)
    }
}

/// Start/Stop: on the server when the profile is pushed, else locally.
#[ipc_command]
pub async fn set_profile_enabled(
    state: State<'_, AppState>,
    id: String,
    enabled: bool,
) -> IpcResult<ProfileView> {
    Ok(state.workspace()?.sync().set_enabled(&id, enabled).await?)
}

#[ipc_command(async)]
pub fn list_flow_schemas(
    state: State<'_, AppState>,
    server_id: Option<String>,
) -> IpcResult<Vec<FlowSchema>> {
    Ok(state
        .workspace()?
        .profiles()
        .flow_schemas(server_id.as_deref())?)
}
