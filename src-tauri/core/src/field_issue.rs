//! A finding about one field of the profile form: which field, how bad, the issue's code and
//! parameters. A leaf below the model and the rules, so the template judge, the rules and the
//! server's error mapping can all produce one without knowing each other.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::issue::Issue;
pub use crate::profile_field::ProfileField;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Blocks saving.
    Error,
    /// Saved anyway, but the user should know.
    Warning,
}

/// A finding about one field of the form: its code and parameters (flattened: `code`,
/// `params`) and the English sentence made from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldIssue {
    pub field: ProfileField,
    pub severity: Severity,
    #[serde(flatten)]
    pub issue: Issue,
    /// The issue in English (what the CLI prints; the UI's fallback).
    pub message: String,
}

impl FieldIssue {
    pub fn new(field: ProfileField, severity: Severity, issue: Issue) -> Self {
        Self {
            field,
            severity,
            message: issue.to_string(),
            issue,
        }
    }

    pub fn error(field: ProfileField, issue: Issue) -> Self {
        Self::new(field, Severity::Error, issue)
    }

    pub fn warning(field: ProfileField, issue: Issue) -> Self {
        Self::new(field, Severity::Warning, issue)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
