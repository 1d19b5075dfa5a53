//! The error shape every IPC command returns: `{code, message}` plus the field issues of a
//! validation failure, so the UI can branch on `code` and put messages next to fields, and
//! the error's data by name (`params`), so the UI can say it in the admin's language.

use serde::Serialize;
use textgate_core::error_params::ErrorParams;
use textgate_core::settings::SettingsField;
use textgate_core::{CoreError, ErrorCode, FieldIssue, ProfileField};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    /// Stable machine-readable code, e.g. `invalid`, `not_found`, `keychain_unavailable`.
    pub code: ErrorCode,
    /// A sentence for a person, in English. Never contains a secret.
    pub message: String,
    /// The data the sentence is made of, by name (empty when the UI keeps `message`); Go's
    /// and the server's own words among them are shown verbatim.
    pub params: ErrorParams,
    /// The field the error is about, when there is one.
    pub field: Option<ProfileField>,
    /// Every field issue of a validation failure (empty otherwise).
    pub fields: Vec<FieldIssue>,
    /// The setting an `invalid_setting` error is about (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub setting: Option<SettingsField>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            params: ErrorParams::new(),
            field: None,
            fields: Vec::new(),
            setting: None,
        }
    }
}

impl From<CoreError> for IpcError {
    fn from(error: CoreError) -> Self {
        // Every failure a command returns is logged once, here, with its causes (messages never
        // hold a secret: `CoreError`'s promise).
        tracing::warn!(
            target: "textgate::ipc",
            code = %error.code(),
            error = %textgate_core::error::error_chain(&error),
            "command failed"
        );
        let fields = error.field_issues().to_vec();
        let field = match &error {
            CoreError::FlowRequired => Some(ProfileField::Enabled),
            CoreError::Client(client) => client.field(),
            _ => fields.first().map(|issue| issue.field),
        };
        let setting = match &error {
            CoreError::InvalidSetting { field, .. } => *field,
            _ => None,
        };
        Self {
            code: error.code(),
            message: error.to_string(),
            params: error.params(),
            field,
            fields,
            setting,
        }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
