//! Harness commands (issue D) for a saved profile: the signature lab, composing and sending the
//! client's events to the gateway URI, and the history (search, replay, clear). The receiver
//! lives in `harness_receiver.rs`; every rule and byte is core's, these only translate.

use tauri::State;
use textgate_core::clock::now_secs;
use textgate_core::harness::compose::{InboundDraft, SENDER_TYPES};
use textgate_core::harness::delivery::Signing;
use textgate_core::harness::history::{HistoryEntry, HistoryQuery};
use textgate_core::harness::history_export::ExportFormat;
use textgate_core::harness::history_page::HistoryPage;
use textgate_core::signature::lab::{self, LabRequest, LabResult};
use textgate_core::ErrorCode;

use crate::contract::ipc_command;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Computes the scheme's signature for the body and checks a pasted one.
#[ipc_command(async)]
pub fn signature_lab(request: LabRequest) -> IpcResult<LabResult> {
    lab::run(&request, now_secs()).map_err(|error| IpcError::new(ErrorCode::InvalidSecret, error.0))
}

/// `sender.type` presets for the send form.
#[ipc_command(async)]
pub fn sender_types() -> IpcResult<Vec<String>> {
    Ok(SENDER_TYPES.iter().map(|kind| kind.to_string()).collect())
}

/// The compact JSON body a send-form draft stands for.
#[ipc_command(async)]
pub fn compose_inbound(draft: InboundDraft) -> IpcResult<String> {
    Ok(draft.encode())
}

/// Sends `body` exactly as given, signed as asked, to the profile's URI (or `url`).
#[ipc_command]
pub async fn send_to_gateway(
    state: State<'_, AppState>,
    profile_id: String,
    body: String,
    signing: Signing,
    url: Option<String>,
) -> IpcResult<HistoryEntry> {
    Ok(state
        .workspace()?
        .harness()
        .send_to_gateway(&profile_id, body.into_bytes(), signing, url.as_deref())
        .await?)
}

#[ipc_command(async)]
pub fn search_history(
    state: State<'_, AppState>,
    query: HistoryQuery,
) -> IpcResult<Vec<HistoryEntry>> {
    Ok(state.workspace()?.harness().search_history(&query)?)
}

/// A page of the history: its matches, their total, the next page's cursor and its round trips.
#[ipc_command(async)]
pub fn history_page(state: State<'_, AppState>, query: HistoryQuery) -> IpcResult<HistoryPage> {
    Ok(state.workspace()?.harness().history_page(&query)?)
}

/// Sends entry `id` again, as recorded or re-signed with the profile's current secret.
#[ipc_command]
pub async fn replay_history(
    state: State<'_, AppState>,
    id: i64,
    resign: bool,
) -> IpcResult<HistoryEntry> {
    Ok(state.workspace()?.harness().replay(id, resign).await?)
}

/// Writes the history as `query` filters it (all matches unless its limit is given) to `path`
/// in `format`, whole or not at all; answers how many entries the file holds.
#[ipc_command(async)]
pub fn export_history(
    state: State<'_, AppState>,
    query: HistoryQuery,
    format: ExportFormat,
    path: String,
) -> IpcResult<usize> {
    let count =
        state
            .workspace()?
            .harness()
            .export_history(&query, format, std::path::Path::new(&path))?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}

/// Deletes the profile's entries (all entries with no profile id); answers how many.
#[ipc_command(async)]
pub fn clear_history(state: State<'_, AppState>, profile_id: Option<String>) -> IpcResult<usize> {
    Ok(state
        .workspace()?
        .harness()
        .clear_history(profile_id.as_deref())?)
}
