//! The data inside a [`CoreError`], by name, so the UI can say the error in the admin's
//! language (`error_<code>` with these parameters) instead of showing the English `Display`.
//! Words that are not ours (Go's template errors, the server's detail, the OS's keychain or
//! network error) are parameters the UI shows verbatim. Never holds a secret.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::error::CoreError;
use crate::error_text::shown;
use crate::go_position::go_position;
use crate::secrets::SecretError;
use crate::updates::UpdateError;
use crate::webitel::client_error::{unreachable_reason, ClientError};

/// One parameter's value: text or a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
pub enum ParamValue {
    Text(String),
    Number(i64),
}

/// Parameters by name (`profile`, `host`, `detail`, `go`...).
pub type ErrorParams = BTreeMap<String, ParamValue>;

fn text(name: &str, value: impl Into<String>) -> (String, ParamValue) {
    (name.to_string(), ParamValue::Text(value.into()))
}

fn number(name: &str, value: i64) -> (String, ParamValue) {
    (name.to_string(), ParamValue::Number(value))
}

impl CoreError {
    /// What the error's sentence needs, by name; empty when it needs nothing (or the UI
    /// keeps the English message for it).
    pub fn params(&self) -> ErrorParams {
        let pairs: Vec<(String, ParamValue)> = match self {
            CoreError::NotFound(id) => vec![text("id", shown(id))],
            CoreError::ServerNotFound(name) => vec![text("name", shown(name))],
            CoreError::ServerExists(name) | CoreError::TwoFactorRequired(name) => {
                vec![text("name", name.as_str())]
            }
            CoreError::DuplicateServer { existing, base_url } => {
                vec![
                    text("name", existing.as_str()),
                    text("baseUrl", base_url.as_str()),
                ]
            }
            CoreError::ServerUrlLocked {
                server,
                base_url,
                pushed,
            } => vec![
                text("name", server.as_str()),
                text("baseUrl", base_url.as_str()),
                number("count", i64::from(*pushed)),
            ],
            CoreError::NoServer(profile)
            | CoreError::NotPushed(profile)
            | CoreError::Conflict(profile)
            | CoreError::RemoteChanged(profile)
            | CoreError::RemoteGone(profile)
            | CoreError::NoSecret(profile) => vec![text("profile", profile.as_str())],
            CoreError::DatabaseTooNew { found, supported } => {
                vec![number("found", *found), number("supported", *supported)]
            }
            CoreError::HistoryEntryNotFound(id) => vec![number("id", *id)],
            CoreError::InvalidHistoryStatus(value) => vec![text("value", shown(value))],
            CoreError::TemplateRender(go) => template_params(go),
            CoreError::TemplateRefused(issue) | CoreError::TemplateBudget(issue) => {
                template_params(&issue.message)
            }
            CoreError::BroadcastRefused(reason) => vec![text("reason", reason.as_str())],
            CoreError::ScenarioNotFound { name, .. } | CoreError::ScenarioBuiltin { name, .. } => {
                vec![text("name", name.as_str())]
            }
            CoreError::Secret(SecretError::Unavailable(detail) | SecretError::Failed(detail)) => {
                vec![text("detail", detail.as_str())]
            }
            CoreError::Client(client) => client_params(client),
            CoreError::Update(update) => update_params(update),
            _ => Vec::new(),
        };
        pairs.into_iter().collect()
    }
}

fn client_params(error: &ClientError) -> Vec<(String, ParamValue)> {
    match error {
        ClientError::InvalidBaseUrl(detail)
        | ClientError::InvalidCertificate(detail)
        | ClientError::Setup(detail) => vec![text("detail", detail.as_str())],
        ClientError::Unauthorized {
            host,
            status,
            detail,
            credential,
        } => {
            vec![
                text("host", host.as_str()),
                number("status", i64::from(*status)),
                text("credential", credential.wire()),
                text("detail", detail.as_str()),
            ]
        }
        ClientError::TwoFactorInvalid { host }
        | ClientError::PasswordExpired { host }
        | ClientError::PasswordChangeRequired { host } => vec![text("host", host.as_str())],
        ClientError::Unreachable { host, detail } => vec![
            text("host", host.as_str()),
            text("detail", detail.as_str()),
            text("reason", unreachable_reason(detail)),
        ],
        ClientError::Forbidden { host, detail }
        | ClientError::Tls { host, detail }
        | ClientError::NotWebitel { host, detail } => {
            vec![text("host", host.as_str()), text("detail", detail.as_str())]
        }
        ClientError::Timeout { host, seconds } => vec![
            text("host", host.as_str()),
            number("seconds", i64::try_from(*seconds).unwrap_or(i64::MAX)),
        ],
        ClientError::Redirect { location } => vec![text("location", location.as_str())],
        ClientError::Api { status, error } => {
            let mut pairs = vec![
                number("status", i64::from(*status)),
                text("id", error.id.as_str()),
                text("detail", error.detail.as_str()),
            ];
            if error.id == crate::gateway_templates::REFUSAL_ID {
                pairs.extend(position_params(&error.detail));
            }
            pairs
        }
    }
}

/// Go's words (`go`) and, when Go names one, the spot: `template`, `line` and the 1-based
/// character `column` (see `go_position`), so every template error says the place one way.
fn template_params(go: &str) -> Vec<(String, ParamValue)> {
    let mut pairs = vec![text("go", go)];
    pairs.extend(position_params(go));
    pairs
}

fn position_params(go: &str) -> Vec<(String, ParamValue)> {
    let Some(at) = go_position(go) else {
        return Vec::new();
    };
    let mut pairs = vec![
        text("template", at.template.as_str()),
        number("line", i64::from(at.line)),
    ];
    if let Some(column) = at.column(None) {
        pairs.push(number("column", i64::from(column)));
    }
    pairs
}

fn update_params(error: &UpdateError) -> Vec<(String, ParamValue)> {
    match error {
        UpdateError::Feed { feed, detail } => {
            vec![text("feed", feed.as_str()), text("detail", detail.as_str())]
        }
        UpdateError::Download(detail)
        | UpdateError::Signature(detail)
        | UpdateError::Install(detail) => vec![text("detail", detail.as_str())],
        UpdateError::NotConfigured | UpdateError::NoneAvailable | UpdateError::NotDownloaded => {
            Vec::new()
        }
    }
}

#[cfg(test)]
#[path = "error_params_tests.rs"]
mod tests;
