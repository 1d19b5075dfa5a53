//! Profiles to and from another machine: the registry's Export selected… and Import…. The UI
//! picks the file with the save/open dialog and hands its path here; the file is read and written
//! by core (`transfer::file`), the passphrase of the secrets only passes through.

use tauri::State;
use textgate_core::transfer::file::{read_export, write_export};
use textgate_core::transfer::{ImportPreview, ImportReport};
use textgate_core::workspace::{ExportOutcome, ImportFile};
use textgate_core::Sensitive;

use crate::contract::ipc_command;
use crate::error::IpcResult;
use crate::state::AppState;

/// Writes the profiles `ids` (every profile when empty) to `path`; with `passphrase`, their
/// secrets too, encrypted with it.
#[ipc_command(async)]
pub fn export_profiles(
    state: State<'_, AppState>,
    ids: Vec<String>,
    path: String,
    passphrase: Option<Sensitive<String>>,
) -> IpcResult<ExportOutcome> {
    let outcome = state.workspace()?.transfer().export(
        &ids,
        passphrase.as_ref(),
        env!("CARGO_PKG_VERSION"),
    )?;
    write_export(
        std::path::Path::new(&path),
        &outcome.text,
        outcome.with_secrets,
    )?;
    Ok(outcome)
}

/// What importing the file at `path` would do (its passphrase when it holds secrets).
#[ipc_command(async)]
pub fn preview_import(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<Sensitive<String>>,
) -> IpcResult<ImportPreview> {
    let workspace = state.workspace()?;
    let file = read(workspace, &path, passphrase.as_ref())?;
    Ok(workspace.transfer().preview(&file)?)
}

/// Imports the file at `path`: added and updated profiles in one transaction, then their secrets.
#[ipc_command(async)]
pub fn apply_import(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<Sensitive<String>>,
) -> IpcResult<ImportReport> {
    let workspace = state.workspace()?;
    let file = read(workspace, &path, passphrase.as_ref())?;
    Ok(workspace.transfer().apply(&file)?)
}

fn read(
    workspace: &textgate_core::Workspace,
    path: &str,
    passphrase: Option<&Sensitive<String>>,
) -> textgate_core::Result<ImportFile> {
    let text = read_export(std::path::Path::new(path))?;
    workspace.transfer().read(&text, passphrase)
}
