//! The registry's bulk actions (issue H): one action over the checked profiles, run by core's
//! bulk runner (one failure never stops the others), each outcome streamed as it comes.

use tauri::ipc::Channel;
use tauri::State;
use textgate_core::{BulkAction, BulkOutcome, BulkProgress};

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

/// Runs `action` over `profile_ids`; `on_progress` hears of every profile's outcome, and the
/// answer is all of them in the order given.
#[ipc_command]
pub async fn run_bulk(
    state: State<'_, AppState>,
    action: BulkAction,
    profile_ids: Vec<String>,
    on_progress: Channel<BulkProgress>,
) -> IpcResult<Vec<BulkOutcome>> {
    let total = u32::try_from(profile_ids.len()).unwrap_or(u32::MAX);
    let outcomes = state
        .workspace()?
        .bulk()
        .run(action, &profile_ids, |done, outcome| {
            let _ = on_progress.send(BulkProgress {
                done: u32::try_from(done).unwrap_or(u32::MAX),
                total,
                outcome: outcome.clone(),
            });
        })
        .await;
    Ok(outcomes)
}
