//! Harness commands acting beyond one request (issue D): emulating Webitel's side toward the
//! callback (agent text, file, join/left/close notices from the profile's templates,
//! broadcast), and a burst of signed messages to the gateway URI with live progress.

use tauri::ipc::Channel;
use tauri::State;
use textgate_core::harness::burst::{BurstProgress, BurstReport};
use textgate_core::harness::history::HistoryEntry;
use textgate_core::harness::outbound::AgentAction;
use textgate_core::SecretProof;

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

/// Sends what Webitel would for `action` to the profile's callback (or `url`), in order.
#[ipc_command]
pub async fn emulate_webitel(
    state: State<'_, AppState>,
    profile_id: String,
    action: AgentAction,
    url: Option<String>,
) -> IpcResult<Vec<HistoryEntry>> {
    Ok(state
        .workspace()?
        .harness()
        .emulate_webitel(&profile_id, &action, url.as_deref())
        .await?)
}

/// Proves the profile's current secret end to end: an agent message signed with it to the
/// callback (or `url`, such as the local receiver's), judged by its answer or the receiver's
/// verdict; kept in the history.
#[ipc_command]
pub async fn prove_secret(
    state: State<'_, AppState>,
    profile_id: String,
    url: Option<String>,
) -> IpcResult<SecretProof> {
    Ok(state
        .workspace()?
        .harness()
        .prove_secret(&profile_id, url.as_deref())
        .await?)
}

/// `count` distinct signed messages to the profile's URI (or `url`), `concurrency` at a time,
/// spread over up to ten chats; progress streams over `on_progress`.
#[ipc_command]
pub async fn run_burst(
    state: State<'_, AppState>,
    profile_id: String,
    count: u32,
    concurrency: u32,
    url: Option<String>,
    on_progress: Channel<BurstProgress>,
) -> IpcResult<BurstReport> {
    Ok(state
        .workspace()?
        .harness()
        .burst(
            &profile_id,
            count,
            concurrency,
            None,
            url.as_deref(),
            move |progress| {
                let _ = on_progress.send(progress);
            },
        )
        .await?)
}
