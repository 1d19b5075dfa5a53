//! Harness commands acting beyond one request (issue D): emulating Webitel's side toward the
//! callback (agent text, file, join/left/close notices from the profile's templates,
//! broadcast), and a burst of signed messages to the gateway URI with live progress.

use tauri::ipc::Channel;
use tauri::State;
use textgate_core::harness::burst::{self, BurstPlan, BurstProgress, BurstReport};
use textgate_core::harness::delivery;
use textgate_core::harness::history::HistoryEntry;
use textgate_core::harness::outbound::AgentAction;
use textgate_core::{CoreError, Sensitive};

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Sends what Webitel would for `action` to the profile's callback (or `url`), in order.
#[tauri::command]
pub async fn emulate_webitel(
    state: State<'_, AppState>,
    profile_id: String,
    action: AgentAction,
    url: Option<String>,
) -> IpcResult<Vec<HistoryEntry>> {
    Ok(state
        .workspace()?
        .emulate_webitel(&profile_id, &action, url.as_deref())
        .await?)
}

/// `count` distinct signed messages to the profile's URI (or `url`), `concurrency` at a time,
/// spread over up to ten chats; progress streams over `on_progress`.
#[tauri::command]
pub async fn run_burst(
    state: State<'_, AppState>,
    profile_id: String,
    count: u32,
    concurrency: u32,
    url: Option<String>,
    on_progress: Channel<BurstProgress>,
) -> IpcResult<BurstReport> {
    let workspace = state.workspace()?;
    let profile = workspace.get(&profile_id)?;
    let target = workspace.gateway_target(&profile, url.as_deref())?;
    let secret = profile
        .secret
        .clone()
        .filter(|secret| !secret.is_empty())
        .ok_or_else(|| IpcError::from(CoreError::NoSecret(profile.name.clone())))?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    let plan = BurstPlan {
        url: target,
        secret: Sensitive::new(secret),
        count,
        concurrency,
        chat_prefix: format!("burst-{stamp:x}"),
        chats: count.clamp(1, 10),
    };
    burst::run(&delivery::client(), plan, move |progress| {
        let _ = on_progress.send(progress);
    })
    .await
    .map_err(|error| IpcError::new("invalid", error.to_string()))
}
