//! Generated values for the form's Generate buttons and for new profiles.

use crate::contract::ipc_command;
use crate::error::IpcResult;

#[ipc_command(async)]
pub fn generate_uri() -> IpcResult<String> {
    Ok(textgate_core::generate::generate_uri())
}

#[ipc_command(async)]
pub fn generate_secret() -> IpcResult<String> {
    Ok(textgate_core::generate::generate_secret())
}
