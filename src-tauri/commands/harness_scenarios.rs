//! Named test events for the Send and Webitel panels' scenario picker (issue J §5): the
//! built-ins with the admin's own, a scenario rendered with its overrides (what would be sent,
//! exactly), sent, saved from the current form, or deleted. Core renders and sends; these only
//! translate.

use tauri::State;
use textgate_core::harness::delivery::Signing;
use textgate_core::harness::history::HistoryEntry;
use textgate_core::harness::scenario_override::Override;
use textgate_core::harness::scenarios::{Scenario, ScenarioIds};
use textgate_core::workspace::{ScenarioDraft, ScenarioRender};

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

/// The built-in scenarios, then the admin's own.
#[ipc_command(async)]
pub fn list_scenarios(state: State<'_, AppState>) -> IpcResult<Vec<Scenario>> {
    Ok(state.workspace()?.harness().scenarios()?)
}

/// What the scenario would send for the profile with these overrides (empty ids made fresh).
#[ipc_command(async)]
pub fn render_scenario(
    state: State<'_, AppState>,
    profile_id: String,
    name: String,
    overrides: Vec<Override>,
    ids: ScenarioIds,
) -> IpcResult<ScenarioRender> {
    Ok(state
        .workspace()?
        .harness()
        .render_scenario(&profile_id, &name, &overrides, &ids)?)
}

/// Sends a `send` scenario, signed, to the profile's URI (or `url`), as `send --scenario` does.
#[ipc_command]
pub async fn send_scenario(
    state: State<'_, AppState>,
    profile_id: String,
    name: String,
    overrides: Vec<Override>,
    ids: ScenarioIds,
    url: Option<String>,
) -> IpcResult<HistoryEntry> {
    let workspace = state.workspace()?;
    let harness = workspace.harness();
    let body = harness.scenario_send_body(&name, &overrides, &ids.filled())?;
    Ok(harness
        .send_to_gateway(&profile_id, body, Signing::Correct, url.as_deref())
        .await?)
}

/// Acts out an `emulate` scenario toward the profile's callback (or `url`), as
/// `emulate --scenario` does.
#[ipc_command]
pub async fn emulate_scenario(
    state: State<'_, AppState>,
    profile_id: String,
    name: String,
    overrides: Vec<Override>,
    ids: ScenarioIds,
    url: Option<String>,
) -> IpcResult<Vec<HistoryEntry>> {
    let workspace = state.workspace()?;
    let harness = workspace.harness();
    let action = harness.scenario_action(&name, &overrides, &ids.filled())?;
    Ok(harness
        .emulate_webitel(&profile_id, &action, url.as_deref())
        .await?)
}

/// Saves the admin's own scenario (a built-in's name is refused) and returns it as stored.
#[ipc_command(async)]
pub fn save_scenario(state: State<'_, AppState>, draft: ScenarioDraft) -> IpcResult<Scenario> {
    let workspace = state.workspace()?;
    workspace.harness().save_scenario(&draft)?;
    Ok(workspace.harness().scenario(&draft.name)?)
}

/// Deletes one of the admin's scenarios (a built-in cannot be deleted).
#[ipc_command(async)]
pub fn delete_scenario(state: State<'_, AppState>, name: String) -> IpcResult<()> {
    Ok(state.workspace()?.harness().delete_scenario(&name)?)
}
