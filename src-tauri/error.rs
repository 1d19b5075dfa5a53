//! The error shape every IPC command returns: `{code, message}` plus the field issues of a
//! validation failure, so the UI can branch on `code` and put messages next to fields, and
//! the error's data by name (`params`), so the UI can say it in the admin's language.

use serde::Serialize;
use textgate_core::error_params::{ErrorParams, ParamValue};
use textgate_core::harness::free_port;
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

impl IpcError {
    /// The receiver cannot listen on `port`: the OS's words as `detail` and, when another
    /// program holds the port, `busy` and the nearest free port as `suggested` (the next step).
    pub fn receiver_port(port: u16, error: &std::io::Error) -> Self {
        let mut failure = Self::new(
            ErrorCode::ReceiverPort,
            format!("Cannot listen on 127.0.0.1:{port}: {error}"),
        );
        let params = &mut failure.params;
        params.insert("port".into(), ParamValue::Number(port.into()));
        params.insert("detail".into(), ParamValue::Text(error.to_string()));
        if free_port::is_port_in_use(error) {
            params.insert("busy".into(), ParamValue::Number(1));
            if let Some(free) = free_port::free_port_near(port) {
                params.insert("suggested".into(), ParamValue::Number(free.into()));
            }
        }
        failure
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
