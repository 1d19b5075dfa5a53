//! The Templates tab's live preview: every key rendered by core's Go-compatible engine over the
//! admin's sample account. Pure computation, no state.

use textgate_core::template_preview::{
    preview_templates as preview, SampleAccount, TemplatePreview,
};
use textgate_core::Templates;

use crate::contract::ipc_command;
use crate::error::IpcResult;

#[ipc_command(async)]
pub fn preview_templates(
    templates: Templates,
    sample: SampleAccount,
) -> IpcResult<Vec<TemplatePreview>> {
    Ok(preview(&templates, &sample))
}

/// The default sample account (Id 42, Ann Smith, ...), for the sample editor's Reset.
#[ipc_command(async)]
pub fn default_sample_account() -> IpcResult<SampleAccount> {
    Ok(SampleAccount::default())
}
