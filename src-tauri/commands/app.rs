//! App-level status for the start screen.

use tauri::State;

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::{AppState, AppStatus};

#[ipc_command(async)]
pub fn app_status(state: State<'_, AppState>) -> IpcResult<AppStatus> {
    Ok(state.status())
}
