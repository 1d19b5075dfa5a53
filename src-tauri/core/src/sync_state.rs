//! What "in sync" means for a profile and a gateway on a server. The synced content (never the
//! secret) is kept as a snapshot at each push or pull; comparing it with the profile now tells
//! whether it changed here, and comparing the server's `updated_at` with the one seen at that
//! sync tells whether it changed there. Both at once is a conflict. What is known of the server
//! side is only as fresh as its last read (`SyncBase::checked_at`), which the front ends show
//! beside the state; a read that found no gateway makes the state `Gone`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::{FlowRef, Profile, Templates};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncState {
    /// Not on a server (no server picked, or never pushed).
    LocalOnly,
    InSync,
    /// Edited here since the last sync: push to publish.
    ChangedHere,
    /// Edited on the server since the last sync: pull to take it.
    ChangedOnServer,
    /// Edited on both sides: the user picks which version to keep.
    Conflict,
    /// The last read of the server found no gateway for it (deleted there).
    Gone,
}

/// The part of a gateway both sides hold (the secret is compared through a flag instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncContent {
    pub name: String,
    pub uri: String,
    pub callback: String,
    pub flow: Option<FlowRef>,
    pub enabled: bool,
    pub templates: Templates,
}

impl SyncContent {
    /// The synced part of a local profile (the server's side is read in `webitel::mapping`).
    pub fn of_profile(profile: &Profile) -> Self {
        Self {
            name: profile.name.clone(),
            uri: profile.uri.clone(),
            callback: profile.callback.clone(),
            flow: profile.flow.clone(),
            enabled: profile.enabled,
            templates: profile.templates.clone(),
        }
    }

    /// `profile` with this content written over its synced part; what only Textgate keeps
    /// (the link, the sync base, local-only fields) is left as it was.
    pub fn apply_to(self, profile: Profile) -> Profile {
        Profile {
            name: self.name,
            uri: self.uri,
            callback: self.callback,
            flow: self.flow,
            enabled: self.enabled,
            templates: self.templates,
            ..profile
        }
    }

    pub fn to_snapshot(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_snapshot(snapshot: &str) -> Option<Self> {
        serde_json::from_str(snapshot).ok()
    }
}

/// Whether the profile differs from what was last synced.
pub fn changed_here(profile: &Profile) -> bool {
    let synced = profile
        .sync
        .snapshot
        .as_deref()
        .and_then(SyncContent::from_snapshot);
    profile.sync.secret_changed || synced.as_ref() != Some(&SyncContent::of_profile(profile))
}

/// Whether the server was seen with a newer version than the last synced one.
pub fn changed_on_server(profile: &Profile) -> bool {
    matches!(
        (profile.sync.remote_seen_updated_at, profile.sync.remote_updated_at),
        (Some(seen), Some(synced)) if seen != synced
    )
}

pub fn sync_state(profile: &Profile) -> SyncState {
    if profile.server_id.is_none() || profile.remote_id.is_none() {
        return SyncState::LocalOnly;
    }
    if profile.sync.remote_gone {
        return SyncState::Gone;
    }
    match (changed_here(profile), changed_on_server(profile)) {
        (false, false) => SyncState::InSync,
        (true, false) => SyncState::ChangedHere,
        (false, true) => SyncState::ChangedOnServer,
        (true, true) => SyncState::Conflict,
    }
}

/// What is known of how fresh a profile's sync state is, for the views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncFreshness {
    /// When the server's copy was last read (milliseconds since the epoch); `null`: not since
    /// this build started recording it, or never on a server.
    #[ts(type = "number | null")]
    pub checked_at: Option<i64>,
    /// Why the last check could not read the server (`unreachable` or `timeout`: offline);
    /// `null` when the last attempt read it.
    pub check_failure: Option<crate::error_code::ErrorCode>,
}

impl SyncFreshness {
    pub fn of_profile(profile: &Profile) -> Self {
        if profile.server_id.is_none() || profile.remote_id.is_none() {
            return Self {
                checked_at: None,
                check_failure: None,
            };
        }
        Self {
            checked_at: profile.sync.checked_at,
            check_failure: profile.sync.check_failure,
        }
    }
}

#[cfg(test)]
#[path = "sync_state_tests.rs"]
mod tests;
