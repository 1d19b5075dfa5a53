//! One error type for the core, so every caller (IPC, CLI, tests) can branch on a stable code
//! instead of parsing messages. Messages never include secret values.

use crate::error_code::ErrorCode;
pub use crate::error_text::{error_chain, shown};
use crate::secrets::SecretError;
use crate::validation::FieldIssue;

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The user's input breaks one or more field rules; the first issue is the headline.
    #[error("{}", .0.first().map(|issue| issue.message.as_str()).unwrap_or("Invalid input"))]
    Invalid(Vec<FieldIssue>),

    #[error("No gateway profile with id {}", shown(.0))]
    NotFound(String),

    /// A name matches more than one profile; the message lists their ids.
    #[error("{0}")]
    Ambiguous(String),

    #[error("No server named or with id {}", shown(.0))]
    ServerNotFound(String),

    #[error("A server named {0} already exists")]
    ServerExists(String),

    /// Another server already has this address (compared as `server::address_key` does).
    #[error("{existing} already uses {base_url}; edit it instead")]
    DuplicateServer { existing: String, base_url: String },

    /// A server's address cannot change once gateways were pushed to it: they live there.
    #[error(
        "{server}'s address cannot change: {pushed} of its gateways were pushed to {base_url}. \
         Add the new address as another server instead"
    )]
    ServerUrlLocked {
        server: String,
        base_url: String,
        pushed: u32,
    },

    #[error(transparent)]
    Client(#[from] crate::webitel::client_error::ClientError),

    /// Two-factor login is on and no one-time code came with the login.
    #[error(
        "{0} asks for a two-factor code: log in again with the code from your authenticator app"
    )]
    TwoFactorRequired(String),

    #[error("\u{201c}{0}\u{201d} has no server: pick one before pushing")]
    NoServer(String),

    #[error("\u{201c}{0}\u{201d} is not on its server yet: push it first")]
    NotPushed(String),

    #[error(
        "Both this computer and the server changed \u{201c}{0}\u{201d} since the last sync: \
         compare the two versions and keep one"
    )]
    Conflict(String),

    #[error("The server has a newer version of \u{201c}{0}\u{201d}: pull it first")]
    RemoteChanged(String),

    #[error("The gateway \u{201c}{0}\u{201d} no longer exists on the server")]
    RemoteGone(String),

    /// A per-field conflict resolution whose choices do not settle it (a differing field
    /// without a choice, a field chosen twice or one the server does not hold).
    #[error("{0}")]
    ConflictChoice(String),

    #[error("Pick a flow schema before enabling the gateway")]
    FlowRequired,

    /// Webitel would refuse a template (`chat.bot.custom.updates.invalid`): the message is the
    /// server's own detail, on the template's field. Checked before any request is sent.
    #[error("{}", .0.message)]
    TemplateRefused(FieldIssue),

    /// A template ran past one of Textgate's limits (work, output, nesting) while being
    /// checked: Webitel's server would hang or run out of memory on it. Not pushed.
    #[error("{}", .0.message)]
    TemplateBudget(FieldIssue),

    #[error(
        "This database was written by a newer Textgate (schema version {found}; this build knows up \
         to {supported}). It was left untouched: update Textgate to open it."
    )]
    DatabaseTooNew { found: i64, supported: i64 },

    #[error("Could not open the data folder {path}: {source}")]
    DataDir {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("Database error: {0}")]
    Storage(#[from] rusqlite::Error),

    #[error("Database migration failed: {0}")]
    Migration(String),

    #[error("Stored data is damaged: {0}")]
    Corrupt(String),

    #[error(transparent)]
    Secret(#[from] SecretError),

    #[error("\u{201c}{0}\u{201d} has no app secret in the keychain: set or generate one first")]
    NoSecret(String),

    /// Nowhere to send: a URI without a server is not a URL, or the callback is empty.
    #[error("{0}")]
    NoTarget(String),

    #[error("No history entry {0}")]
    HistoryEntryNotFound(i64),

    #[error("\u{201c}{}\u{201d} is not a status filter: use a code such as 403, a class such as 4xx, or failed", shown(.0))]
    InvalidHistoryStatus(String),

    /// A template failed while composing Webitel's outgoing events; Go's message.
    #[error("{0}")]
    TemplateRender(String),

    /// Webitel would refuse to start this broadcast (its own words).
    #[error("Webitel would not send this broadcast: {0}")]
    BroadcastRefused(String),

    #[error("{0}")]
    InvalidBurst(String),

    /// No built-in or saved scenario of that name (its sentence comes from the harness).
    #[error("{message}")]
    ScenarioNotFound { name: String, message: String },

    /// A built-in scenario cannot be changed, deleted or shadowed.
    #[error("{message}")]
    ScenarioBuiltin { name: String, message: String },

    /// A scenario, its body, an override or its direction cannot be used.
    #[error("{0}")]
    ScenarioInvalid(String),

    /// The receiver's configured answer cannot be given.
    #[error("{0}")]
    InvalidAnswer(String),

    /// A pasted cURL command cannot be read (issue J).
    #[error("{0}")]
    InvalidCurl(String),

    /// A settings value breaks its rule; `field` is `None` when the whole value is unusable.
    #[error("{message}")]
    InvalidSetting {
        field: Option<crate::settings::SettingsField>,
        message: String,
    },

    #[error("Could not save the settings to {path}: {source}")]
    SettingsFile {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error(transparent)]
    Update(#[from] crate::updates::UpdateError),

    /// The file is not a profile export this build reads; the message says why.
    #[error("{0}")]
    TransferFormat(String),

    #[error("The passphrase does not open the secrets in this file: nothing was imported")]
    TransferPassphraseWrong,

    /// Secrets go into or come out of a file only with a passphrase; the message says which.
    #[error("{0}")]
    TransferPassphraseNeeded(String),

    /// `action` is "read" or "write".
    #[error("Could not {action} {path}: {source}")]
    TransferFile {
        path: String,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },

    /// A history export could not be written; nothing was left at `path`.
    #[error("Could not write the export to {path}: {source}")]
    ExportFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The error a push gets for a template the server would refuse: `template_budget` when over
/// one of Textgate's limits, else `template_invalid`.
impl From<crate::gateway_templates::TemplateRefusal> for CoreError {
    fn from(refusal: crate::gateway_templates::TemplateRefusal) -> Self {
        if refusal.is_over_budget() {
            CoreError::TemplateBudget(refusal.field_issue())
        } else {
            CoreError::TemplateRefused(refusal.field_issue())
        }
    }
}

impl CoreError {
    /// Stable, machine-readable code for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Invalid(_) => ErrorCode::Invalid,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::Ambiguous(_) => ErrorCode::Ambiguous,
            CoreError::ServerNotFound(_) => ErrorCode::ServerNotFound,
            CoreError::ServerExists(_) => ErrorCode::ServerExists,
            CoreError::DuplicateServer { .. } => ErrorCode::DuplicateServer,
            CoreError::ServerUrlLocked { .. } => ErrorCode::ServerUrlLocked,
            CoreError::Client(error) => error.code(),
            CoreError::TwoFactorRequired(_) => ErrorCode::TwoFactorRequired,
            CoreError::NoServer(_) => ErrorCode::NoServer,
            CoreError::NotPushed(_) => ErrorCode::NotPushed,
            CoreError::Conflict(_) => ErrorCode::Conflict,
            CoreError::RemoteGone(_) => ErrorCode::RemoteGone,
            CoreError::RemoteChanged(_) => ErrorCode::RemoteChanged,
            CoreError::ConflictChoice(_) => ErrorCode::ConflictChoice,
            CoreError::FlowRequired => ErrorCode::FlowRequired,
            CoreError::TemplateRefused(_) => ErrorCode::TemplateInvalid,
            CoreError::TemplateBudget(_) => ErrorCode::TemplateBudget,
            CoreError::DatabaseTooNew { .. } => ErrorCode::DatabaseTooNew,
            CoreError::DataDir { .. } => ErrorCode::DataDir,
            CoreError::Storage(_) => ErrorCode::Storage,
            CoreError::Migration(_) => ErrorCode::Migration,
            CoreError::Corrupt(_) => ErrorCode::Corrupt,
            CoreError::Secret(SecretError::Unavailable(_)) => ErrorCode::KeychainUnavailable,
            CoreError::Secret(_) => ErrorCode::Keychain,
            CoreError::NoSecret(_) => ErrorCode::NoSecret,
            CoreError::NoTarget(_) => ErrorCode::NoTarget,
            CoreError::HistoryEntryNotFound(_) => ErrorCode::HistoryNotFound,
            CoreError::InvalidHistoryStatus(_) => ErrorCode::InvalidStatusFilter,
            CoreError::TemplateRender(_) => ErrorCode::TemplateRender,
            CoreError::BroadcastRefused(_) => ErrorCode::BroadcastRefused,
            CoreError::InvalidBurst(_) => ErrorCode::InvalidBurst,
            CoreError::ScenarioNotFound { .. } => ErrorCode::ScenarioNotFound,
            CoreError::ScenarioBuiltin { .. } => ErrorCode::ScenarioBuiltin,
            CoreError::ScenarioInvalid(_) => ErrorCode::ScenarioInvalid,
            CoreError::InvalidAnswer(_) => ErrorCode::InvalidAnswer,
            CoreError::InvalidCurl(_) => ErrorCode::InvalidCurl,
            CoreError::InvalidSetting { .. } => ErrorCode::InvalidSetting,
            CoreError::SettingsFile { .. } => ErrorCode::SettingsFile,
            CoreError::Update(error) => error.code(),
            CoreError::TransferFormat(_) => ErrorCode::TransferFormat,
            CoreError::TransferPassphraseWrong => ErrorCode::TransferPassphraseWrong,
            CoreError::TransferPassphraseNeeded(_) => ErrorCode::TransferPassphraseNeeded,
            CoreError::TransferFile { .. } => ErrorCode::TransferFile,
            CoreError::ExportFile { .. } => ErrorCode::ExportFile,
        }
    }

    /// Field-level issues when the error is a validation failure.
    pub fn field_issues(&self) -> &[FieldIssue] {
        match self {
            CoreError::Invalid(issues) => issues,
            CoreError::TemplateRefused(issue) | CoreError::TemplateBudget(issue) => {
                std::slice::from_ref(issue)
            }
            _ => &[],
        }
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
