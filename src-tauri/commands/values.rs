//! Generated values for the form's Generate buttons and for new profiles.

use crate::error::IpcResult;

#[tauri::command(async)]
pub fn generate_uri() -> IpcResult<String> {
    Ok(textgate_core::generate::generate_uri())
}

#[tauri::command(async)]
pub fn generate_secret() -> IpcResult<String> {
    Ok(textgate_core::generate::generate_secret())
}
