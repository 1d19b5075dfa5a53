//! The one place that maps Webitel's wire shapes (`wire.rs`) to Textgate's model and back: a
//! gateway on the server read as sync content, a profile written as the admin API's body. Only
//! what is listed here reaches the server; a local-only profile field (such as `notes`) is
//! never in a body.

use super::wire::{Bot, BotUpdates, Lookup, Metadata};
use crate::profile::{FlowRef, Profile, Templates};
use crate::sync_state::SyncContent;

impl From<BotUpdates> for Templates {
    fn from(updates: BotUpdates) -> Self {
        Self {
            title: updates.title,
            close: updates.close,
            join: updates.join,
            left: updates.left,
            file_policy_fail: updates.file_policy_fail,
        }
    }
}

impl From<&Templates> for BotUpdates {
    fn from(templates: &Templates) -> Self {
        Self {
            title: templates.title.clone(),
            close: templates.close.clone(),
            join: templates.join.clone(),
            left: templates.left.clone(),
            file_policy_fail: templates.file_policy_fail.clone(),
        }
    }
}

impl SyncContent {
    /// The synced part of a gateway as the server sent it.
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
        updates: Some(BotUpdates::from(templates)),
        ..Bot::default()
    }
}

#[cfg(test)]
#[path = "mapping_tests.rs"]
mod tests;
