//! Profile commands: list, read, check, save, duplicate, delete, start/stop, and the flow schema cache.

use tauri::State;
use textgate_core::{
    FieldIssue, FlowSchema, ProfileDraft, ProfileSummary, ProfileView, SaveOutcome,
};

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_profiles(state: State<'_, AppState>) -> IpcResult<Vec<ProfileSummary>> {
    Ok(state.workspace()?.list()?)
}

#[tauri::command(async)]
pub fn get_profile(state: State<'_, AppState>, id: String) -> IpcResult<ProfileView> {
    Ok(state.workspace()?.get(&id)?)
}

/// A new profile's draft (generated URI and app secret), so the UI never builds one itself.
#[tauri::command(async)]
pub fn new_profile_draft() -> IpcResult<ProfileDraft> {
    Ok(ProfileDraft::generated())
}

#[tauri::command(async)]
pub fn check_profile(
    state: State<'_, AppState>,
    draft: ProfileDraft,
) -> IpcResult<Vec<FieldIssue>> {
    Ok(state.workspace()?.check(&draft)?)
}

#[tauri::command(async)]
pub fn save_profile(state: State<'_, AppState>, draft: ProfileDraft) -> IpcResult<SaveOutcome> {
    Ok(state.workspace()?.save(draft)?)
}

#[tauri::command(async)]
pub fn duplicate_profile(state: State<'_, AppState>, id: String) -> IpcResult<SaveOutcome> {
    Ok(state.workspace()?.duplicate(&id)?)
}

/// Deletes locally, or on the profile's server too with `remote`.
#[tauri::command]
pub async fn delete_profile(state: State<'_, AppState>, id: String, remote: bool) -> IpcResult<()> {
    let workspace = state.workspace()?;
    if remote {
        Ok(workspace.delete_everywhere(&id).await?)
    } else {
        Ok(workspace.delete(&id)?)
    }
}

/// Start/Stop: on the server when the profile is pushed, else locally.
#[tauri::command]
pub async fn set_profile_enabled(
    state: State<'_, AppState>,
    id: String,
    enabled: bool,
) -> IpcResult<ProfileView> {
    Ok(state
        .workspace()?
        .set_enabled_everywhere(&id, enabled)
        .await?)
}

#[tauri::command(async)]
pub fn list_flow_schemas(
    state: State<'_, AppState>,
    server_id: Option<String>,
) -> IpcResult<Vec<FlowSchema>> {
    Ok(state.workspace()?.flow_schemas(server_id.as_deref())?)
}
