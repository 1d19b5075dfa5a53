//! The gateway profile as the editor submits it ([`ProfileDraft`]) and as Textgate keeps it
//! ([`Profile`]), with the constructors that move a profile's content between the two: a new
//! field is declared here and carried by them (the views are in `profile_views.rs`). The
//! stored [`Profile`] never holds the app secret: that lives in the OS keychain.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::generate::{generate_secret, generate_uri};
use crate::sensitive::Sensitive;

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

/// What the editor submits on Save. `id` is absent for a profile that was never saved. Sent
/// to the editor too, by [`ProfileDraft::generated`] (so the UI never builds one itself).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDraft {
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub uri: String,
    pub callback: String,
    #[serde(with = "crate::sensitive::reveal_one")]
    #[ts(as = "String")]
    pub secret: Sensitive<String>,
    pub flow: Option<FlowRef>,
    pub enabled: bool,
    pub templates: Templates,
    /// The Webitel server this gateway belongs to (`null`: local only).
    #[serde(default)]
    pub server_id: Option<String>,
    /// The admin's own note on the gateway. Local only: never sent to Webitel.
    #[serde(default)]
    pub notes: String,
}

/// A profile row as stored in SQLite (no secret).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    /// The admin's note (local only: not synced, kept by a pull).
    pub notes: String,
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
    /// When the server's copy was last read (a push, pull, refresh, comparison or check), in
    /// milliseconds since the epoch; `None`: never since this was recorded.
    pub checked_at: Option<i64>,
    /// That read found no gateway with `remote_id` on the server.
    pub remote_gone: bool,
    /// Why the last check could not read the server; cleared by the next read.
    pub check_failure: Option<crate::error_code::ErrorCode>,
}

impl ProfileDraft {
    /// A new profile's starting point: a generated URI and app secret, everything else empty.
    pub fn generated() -> Self {
        Self {
            uri: generate_uri(),
            secret: Sensitive::new(generate_secret()),
            ..Self::default()
        }
    }

    /// The content of a stored profile as a draft (no id, no secret: the caller adds those).
    pub fn from_profile(profile: Profile) -> Self {
        Self {
            id: None,
            name: profile.name,
            uri: profile.uri,
            callback: profile.callback,
            secret: Sensitive::default(),
            flow: profile.flow,
            enabled: profile.enabled,
            templates: profile.templates,
            server_id: profile.server_id,
            notes: profile.notes,
        }
    }
}

impl Profile {
    /// The draft's content as a row not stored yet: no id, never synced. Save overrides what
    /// the rules normalised and what the saved row keeps.
    pub fn from_draft(draft: &ProfileDraft) -> Self {
        Self {
            name: draft.name.clone(),
            uri: draft.uri.clone(),
            callback: draft.callback.clone(),
            flow: draft.flow.clone(),
            enabled: draft.enabled,
            templates: draft.templates.clone(),
            server_id: draft.server_id.clone(),
            notes: draft.notes.clone(),
            ..Self::default()
        }
    }

    /// A profile without a flow schema is a draft: it can be saved but not enabled.
    pub fn is_incomplete(&self) -> bool {
        self.flow.is_none()
    }

    /// Whether the gateway exists on a server, which freezes its URI.
    pub fn is_pushed(&self) -> bool {
        self.remote_id.is_some()
    }
}
