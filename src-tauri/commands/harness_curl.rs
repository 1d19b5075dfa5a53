//! Copy as cURL, Paste cURL and Edit and resend (issue J): the commands core renders for a
//! history entry (its stored bytes) and for what the Send and Webitel forms would send now, a
//! pasted command read back, an entry opened as a draft, and an edited request sent re-signed,
//! with its old signature or unsigned. Every rule is core's; these only translate.

use tauri::State;
use textgate_core::harness::curl::{paste, PastedRequest};
use textgate_core::harness::delivery::Signing;
use textgate_core::harness::history::{Channel, HistoryEntry};
use textgate_core::harness::outbound::AgentAction;
use textgate_core::workspace::replay_edit::{
    EditedRequest, ReplayDraft, ReplayEdits, ReplaySigning,
};

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

/// History entry `id` as a cURL command that sends its exact bytes.
#[ipc_command(async)]
pub fn history_curl(state: State<'_, AppState>, id: i64) -> IpcResult<String> {
    Ok(state.workspace()?.harness().history_curl(id)?)
}

/// What the Send form's Send would POST now, as a cURL command (signed as it would be).
#[ipc_command(async)]
pub fn send_curl(
    state: State<'_, AppState>,
    profile_id: String,
    body: String,
    signing: Signing,
    url: Option<String>,
) -> IpcResult<String> {
    Ok(state.workspace()?.harness().send_curl(
        &profile_id,
        body.into_bytes(),
        signing,
        url.as_deref(),
    )?)
}

/// What the Webitel form's Send would POST now: one cURL command per body, in order.
#[ipc_command(async)]
pub fn emulate_curl(
    state: State<'_, AppState>,
    profile_id: String,
    action: AgentAction,
    url: Option<String>,
) -> IpcResult<Vec<String>> {
    Ok(state
        .workspace()?
        .harness()
        .emulate_curl(&profile_id, &action, url.as_deref())?)
}

/// A pasted cURL command read into URL, method, headers and body.
#[ipc_command(async)]
pub fn parse_curl(command: String) -> IpcResult<PastedRequest> {
    Ok(paste(&command).map_err(textgate_core::CoreError::from)?)
}

/// History entry `id` as the resend form opens it.
#[ipc_command(async)]
pub fn replay_draft(state: State<'_, AppState>, id: i64) -> IpcResult<ReplayDraft> {
    Ok(state.workspace()?.harness().replay_draft(id)?)
}

/// Sends entry `id` again with the edits given (`null` keeps the recorded part), signed as
/// `signing` says; the new entry replays `id`.
#[ipc_command]
pub async fn replay_edited(
    state: State<'_, AppState>,
    id: i64,
    url: Option<String>,
    headers: Option<Vec<(String, String)>>,
    body: Option<String>,
    signing: ReplaySigning,
) -> IpcResult<HistoryEntry> {
    let edits = ReplayEdits {
        url,
        headers,
        body: body.map(String::into_bytes),
    };
    Ok(state
        .workspace()?
        .harness()
        .replay_edited(id, edits, signing)
        .await?)
}

/// Sends a request as given (a pasted cURL command) for the profile, as the client's service.
#[ipc_command]
pub async fn send_request(
    state: State<'_, AppState>,
    profile_id: String,
    url: String,
    headers: Vec<(String, String)>,
    body: String,
    signing: ReplaySigning,
) -> IpcResult<HistoryEntry> {
    let request = EditedRequest {
        channel: Channel::Send,
        url,
        headers,
        body: body.into_bytes(),
        signing,
    };
    Ok(state
        .workspace()?
        .harness()
        .send_edited(Some(&profile_id), request, None)
        .await?)
}
