//! One error type for the core, so every caller (IPC, CLI, tests) can branch on a stable code
//! instead of parsing messages. Messages never include secret values.

use crate::secrets::SecretError;
use crate::validation::FieldIssue;

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The user's input breaks one or more field rules; the first issue is the headline.
    #[error("{}", .0.first().map(|issue| issue.message.as_str()).unwrap_or("Invalid input"))]
    Invalid(Vec<FieldIssue>),

    #[error("No gateway profile with id {0}")]
    NotFound(String),

    #[error("Pick a flow schema before enabling the gateway")]
    FlowRequired,

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
}

impl CoreError {
    /// Stable, machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid(_) => "invalid",
            CoreError::NotFound(_) => "not_found",
            CoreError::FlowRequired => "flow_required",
            CoreError::DatabaseTooNew { .. } => "database_too_new",
            CoreError::DataDir { .. } => "data_dir",
            CoreError::Storage(_) => "storage",
            CoreError::Migration(_) => "migration",
            CoreError::Corrupt(_) => "corrupt",
            CoreError::Secret(SecretError::Unavailable(_)) => "keychain_unavailable",
            CoreError::Secret(_) => "keychain",
        }
    }

    /// Field-level issues when the error is a validation failure.
    pub fn field_issues(&self) -> &[FieldIssue] {
        match self {
            CoreError::Invalid(issues) => issues,
            _ => &[],
        }
    }
}
