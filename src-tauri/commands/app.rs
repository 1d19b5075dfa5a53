//! App-level status for the start screen.

use tauri::State;

use crate::error::IpcResult;
use crate::state::{AppState, AppStatus};

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> IpcResult<AppStatus> {
    Ok(state.status())
}
