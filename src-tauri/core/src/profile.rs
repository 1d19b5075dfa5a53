//! The gateway profile as Textgate keeps it and as the UI sees it. The stored [`Profile`] never
//! holds the app secret (that lives in the OS keychain); the [`ProfileView`] sent to the editor
//! carries it so the admin can see and copy it after saving.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::sensitive::Sensitive;
use crate::sync_state::{sync_state, SyncState};

/// The Templates tab: messages Webitel renders and sends to the client's chat service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Templates {
    /// Workspace member's name (`title`).
    pub title: String,
    /// Chat complete message (`close`).
    pub close: String,
    /// Agent joining message (`join`).
    pub join: String,
    /// Agent disconnection message (`left`).
    pub left: String,
    /// File policy violation message (`file_policy_fail`).
    pub file_policy_fail: String,
}

/// The flow schema a gateway routes chats into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FlowRef {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

/// A flow schema from the local cache (filled from a server by issue B).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FlowSchema {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// Webitel's schema type: `chat` or `default` for gateways.
    #[serde(rename = "type")]
    pub kind: String,
}

/// What the editor submits on Save. `id` is absent for a profile that was never saved.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDraft {
    #[ts(optional)]
    pub id: Option<String>,
    pub name: String,
    pub uri: String,
    pub callback: String,
    pub secret: Sensitive<String>,
    pub flow: Option<FlowRef>,
    pub enabled: bool,
    pub templates: Templates,
    /// The Webitel server this gateway belongs to (`null`: local only).
    #[serde(default)]
    pub server_id: Option<String>,
}

/// A profile row as stored in SQLite (no secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub uri: String,
    pub callback: String,
    pub flow: Option<FlowRef>,
    pub enabled: bool,
    pub templates: Templates,
    /// The server this profile belongs to (issue B).
    pub server_id: Option<String>,
    /// The gateway id on that server once pushed; the URI is read-only from then on.
    pub remote_id: Option<i64>,
    /// What was last agreed with the server.
    pub sync: SyncBase,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The state of the last push or pull, kept to detect who changed what since.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncBase {
    /// The synced content (never the secret), as JSON.
    pub snapshot: Option<String>,
    /// The server's `updated_at` at the last sync.
    pub remote_updated_at: Option<i64>,
    /// The newest server `updated_at` seen since.
    pub remote_seen_updated_at: Option<i64>,
    /// The secret was changed here after the last sync.
    pub secret_changed: bool,
}

impl Profile {
    /// A profile without a flow schema is a draft: it can be saved but not enabled.
    pub fn is_incomplete(&self) -> bool {
        self.flow.is_none()
    }

    /// Whether the gateway exists on a server, which freezes its URI.
    pub fn is_pushed(&self) -> bool {
        self.remote_id.is_some()
    }
}

/// Where the profile's app secret stands in the OS keychain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SecretState {
    /// The keychain holds the secret.
    Stored,
    /// The keychain answered but has no secret for this profile.
    Missing,
    /// The keychain could not be reached; nothing is known about the secret.
    Unavailable,
}

/// A profile as the editor shows it, with its secret read back from the keychain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub id: String,
    pub name: String,
    pub uri: String,
    pub callback: String,
    /// The app secret from the keychain; `null` when missing or unreachable. Serialised for
    /// the editor, `<redacted>` in `Debug`, wiped from memory on drop.
    #[serde(with = "crate::sensitive::reveal")]
    #[ts(as = "Option<String>")]
    pub secret: Option<Sensitive<String>>,
    pub secret_state: SecretState,
    pub flow: Option<FlowRef>,
    pub enabled: bool,
    pub templates: Templates,
    pub server_id: Option<String>,
    pub server_name: Option<String>,
    #[ts(type = "number | null")]
    pub remote_id: Option<i64>,
    pub sync_state: SyncState,
    /// What the URI copy button copies: the full webhook URL, or the URI without a server.
    pub webhook_url: String,
    /// No flow schema picked, or no secret stored.
    pub incomplete: bool,
    /// Whether the URI can still be edited (never pushed to a server).
    pub uri_editable: bool,
    /// Webitel would refuse a template: the profile can be kept but not pushed.
    pub templates_refused: bool,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

impl ProfileView {
    /// The app secret's text, for the few places that sign or show it on purpose.
    pub fn exposed_secret(&self) -> Option<&str> {
        self.secret.as_ref().map(|secret| secret.expose().as_str())
    }
}

/// One line of the sidebar list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub uri: String,
    pub enabled: bool,
    /// No flow schema picked yet.
    pub incomplete: bool,
    /// Webitel would refuse a template.
    pub templates_refused: bool,
    pub server_id: Option<String>,
    pub sync_state: SyncState,
    #[ts(type = "number")]
    pub updated_at: i64,
}

impl ProfileSummary {
    /// The summary of a profile whose templates were judged `templates_refused` (a stored
    /// verdict: listing renders nothing, see `template_verdict.rs`).
    pub fn new(profile: &Profile, templates_refused: bool) -> Self {
        Self {
            id: profile.id.clone(),
            name: profile.name.clone(),
            uri: profile.uri.clone(),
            enabled: profile.enabled,
            incomplete: profile.is_incomplete(),
            templates_refused,
            server_id: profile.server_id.clone(),
            sync_state: sync_state(profile),
            updated_at: profile.updated_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(secret: &str) -> ProfileView {
        ProfileView {
            id: "p1".into(),
            name: "Support".into(),
            uri: "/support".into(),
            callback: "https://bot.example.com/hook".into(),
            secret: Some(Sensitive::new(secret.into())),
            secret_state: SecretState::Stored,
            flow: None,
            enabled: false,
            templates: Templates::default(),
            server_id: None,
            server_name: None,
            remote_id: None,
            sync_state: SyncState::LocalOnly,
            webhook_url: "/support".into(),
            incomplete: true,
            uri_editable: true,
            templates_refused: false,
            created_at: 1,
            updated_at: 1,
        }
    }

    #[test]
    fn debug_of_a_view_redacts_the_secret_but_the_editor_still_gets_it() {
        let view = view("S3cretValue42");
        let debug = format!("{view:?} {view:#?}");
        assert!(!debug.contains("S3cretValue42"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["secret"], "S3cretValue42");
    }
}
