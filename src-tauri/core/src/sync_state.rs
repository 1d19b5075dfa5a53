//! What "in sync" means for a profile and a gateway on a server. The synced content (never the
//! secret) is kept as a snapshot at each push or pull; comparing it with the profile now tells
//! whether it changed here, and comparing the server's `updated_at` with the one seen at that
//! sync tells whether it changed there. Both at once is a conflict.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::{FlowRef, Profile, Templates};
use crate::webitel::wire::{Bot, BotUpdates, Lookup, Metadata};

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

    pub fn of_bot(bot: &Bot) -> Self {
        let updates = bot.updates.clone().unwrap_or_default();
        Self {
            name: bot.name.clone(),
            uri: bot.uri.clone(),
            callback: bot
                .metadata
                .get(Metadata::WEBHOOK)
                .unwrap_or_default()
                .to_string(),
            flow: bot.flow.as_ref().and_then(|flow| {
                flow.id.filter(|id| *id != 0).map(|id| FlowRef {
                    id,
                    name: flow.name.clone().unwrap_or_default(),
                })
            }),
            enabled: bot.enabled,
            templates: updates.into(),
        }
    }

    pub fn to_snapshot(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_snapshot(snapshot: &str) -> Option<Self> {
        serde_json::from_str(snapshot).ok()
    }
}

/// The flat create/update body for `profile`, exactly as the admin API wants it.
pub fn bot_body(profile: &Profile, secret: &str) -> Bot {
    let mut metadata = Metadata::default();
    metadata
        .0
        .insert(Metadata::SECRET.into(), secret.to_string());
    metadata
        .0
        .insert(Metadata::WEBHOOK.into(), profile.callback.clone());
    let templates = &profile.templates;
    Bot {
        id: profile.remote_id,
        uri: profile.uri.clone(),
        name: profile.name.clone(),
        flow: profile.flow.as_ref().map(|flow| Lookup {
            id: Some(flow.id),
            name: None,
        }),
        enabled: profile.enabled,
        provider: "custom".into(),
        metadata,
        updates: Some(BotUpdates {
            title: templates.title.clone(),
            close: templates.close.clone(),
            join: templates.join.clone(),
            left: templates.left.clone(),
            file_policy_fail: templates.file_policy_fail.clone(),
        }),
        ..Bot::default()
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
    match (changed_here(profile), changed_on_server(profile)) {
        (false, false) => SyncState::InSync,
        (true, false) => SyncState::ChangedHere,
        (false, true) => SyncState::ChangedOnServer,
        (true, true) => SyncState::Conflict,
    }
}
