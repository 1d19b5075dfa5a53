//! A profile as the front ends see it: the editor's [`ProfileView`] (with the secret read back
//! from the keychain) and the sidebar's [`ProfileSummary`], each built from the stored
//! [`Profile`] by the constructor beside it. Above the model and the sync rules, which it reads.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::{FlowRef, Profile, Templates};
use crate::sensitive::Sensitive;
use crate::sync_state::{sync_state, SyncFreshness, SyncState};

/// Where the profile's app secret stands in the OS keychain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SecretState {
    /// The keychain holds the secret.
    Stored,
    /// The keychain answered but has no secret for this profile.
    #[default]
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
    /// The admin's note (local only).
    pub notes: String,
    #[ts(type = "number | null")]
    pub remote_id: Option<i64>,
    pub sync_state: SyncState,
    /// When `sync_state` was last checked against the server, or why it could not be.
    pub freshness: SyncFreshness,
    /// What the URI copy button copies: the full webhook URL, or the URI without a server.
    pub webhook_url: String,
    /// No flow schema picked, or no secret stored.
    pub incomplete: bool,
    /// Whether the URI can still be edited (never pushed to a server).
    pub uri_editable: bool,
    /// Webitel would refuse a template, or accept one it cannot send: the profile can be kept
    /// but not pushed.
    pub templates_refused: bool,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// What a view adds to the stored row: the keychain's answer and what the workspace derives.
#[derive(Debug, Default)]
pub struct ViewExtras {
    pub secret: Option<Sensitive<String>>,
    pub secret_state: SecretState,
    pub server_name: Option<String>,
    pub server_base_url: Option<String>,
    pub templates_refused: bool,
}

impl ProfileView {
    pub fn new(profile: Profile, extras: ViewExtras) -> Self {
        let secret_state = extras.secret_state;
        Self {
            webhook_url: crate::webhook_url::webhook_url(
                extras.server_base_url.as_deref(),
                &profile.uri,
            ),
            server_name: extras.server_name,
            sync_state: sync_state(&profile),
            freshness: SyncFreshness::of_profile(&profile),
            incomplete: profile.is_incomplete() || secret_state != SecretState::Stored,
            uri_editable: !profile.is_pushed(),
            templates_refused: extras.templates_refused,
            secret: extras.secret,
            secret_state,
            id: profile.id,
            name: profile.name,
            uri: profile.uri,
            callback: profile.callback,
            flow: profile.flow,
            enabled: profile.enabled,
            templates: profile.templates,
            server_id: profile.server_id,
            notes: profile.notes,
            remote_id: profile.remote_id,
            created_at: profile.created_at,
            updated_at: profile.updated_at,
        }
    }

    /// The app secret's text, for the few places that sign or show it on purpose.
    pub fn exposed_secret(&self) -> Option<&str> {
        self.secret.as_ref().map(|secret| secret.expose().as_str())
    }
}

/// One row of the registry table: what its columns, search and filters read, nothing more (no
/// secret, no templates: 10,000 of these cross the IPC at start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub uri: String,
    /// The callback URL, searched like the name.
    pub callback: String,
    /// The flow schema's name as last known, for the Flow column.
    pub flow_name: Option<String>,
    pub enabled: bool,
    /// On a server already: Start/Stop acts there.
    pub pushed: bool,
    /// No flow schema picked yet.
    pub incomplete: bool,
    /// Webitel would refuse a template, or accept one it cannot send.
    pub templates_refused: bool,
    pub server_id: Option<String>,
    /// The admin's note, searched like the name.
    pub notes: String,
    pub sync_state: SyncState,
    /// When `sync_state` was last checked against the server, or why it could not be.
    pub freshness: SyncFreshness,
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
            callback: profile.callback.clone(),
            // A flow known only by its id (a server that sent no name) shows as `#id`.
            flow_name: profile.flow.as_ref().map(|flow| match flow.name.trim() {
                "" => format!("#{}", flow.id),
                name => name.to_string(),
            }),
            enabled: profile.enabled,
            pushed: profile.remote_id.is_some(),
            incomplete: profile.is_incomplete(),
            templates_refused,
            server_id: profile.server_id.clone(),
            notes: profile.notes.clone(),
            sync_state: sync_state(profile),
            freshness: SyncFreshness::of_profile(profile),
            updated_at: profile.updated_at,
        }
    }
}

#[cfg(test)]
#[path = "profile_views_tests.rs"]
mod tests;
