//! Writing down what a sync agreed with the server, in an order that survives a crash or a
//! failure at any step.
//!
//! The invariants, for the two stores (SQLite rows, keychain secrets):
//! - A row is marked synced with exactly what was sent: the snapshot is the content of the row
//!   as read before the request, and `secret_changed` is cleared only if the row is still at
//!   the version that was sent and the keychain still holds the secret sent (and set when the
//!   keychain holds another one). An edit saved
//!   while the request was in flight therefore stays "changed here", and a later pull (the
//!   server's `updated_at` is the recorded one) leaves it alone.
//! - A secret is written to the keychain before the row that records it as synced (pull), so a
//!   crash between the two never leaves a row claiming "in sync" next to an older secret; the
//!   next pull writes both again. A pulled profile's id is derived from its server and gateway
//!   id, so that retry reuses the same keychain entry instead of orphaning one.
//! - A row may be left pointing at a missing secret only by a crash in the middle of a delete
//!   (the secret goes first; a failed row delete puts it back) or of the first save of a
//!   profile. Such a row shows `secretState: missing`; a pull restores the secret of a linked
//!   gateway from the server, and deleting again finishes an interrupted delete.

use super::Workspace;
use crate::clock::now_millis;
use crate::error::Result;
use crate::profile::Profile;
use crate::sensitive::Sensitive;
use crate::server::Server;
use crate::store::{SecretMark, SyncRecord};
use crate::sync_state::SyncContent;
use crate::webitel::wire::{Bot, Metadata};

impl Workspace {
    /// Records a push: the server now holds `sent` (the row as read before the request) with
    /// `secret`, as `answer` says.
    pub(super) fn record_push(
        &self,
        sent: &Profile,
        secret: &Sensitive<String>,
        answer: &Bot,
    ) -> Result<()> {
        // Under the store lock, which a save holds across its row and keychain writes: the
        // keychain read below sees either both of a concurrent save's writes or neither.
        let mut store = self.store();
        let secret_now = self.secrets.read(&sent.id).ok().flatten();
        let secret = if secret_now.as_ref() == Some(secret) {
            SecretMark::ClearIfVersion(sent.updated_at)
        } else {
            // Saved since (even before the first push): the server has an older secret.
            SecretMark::Set(true)
        };
        store.record_sync(
            &sent.id,
            &SyncRecord {
                remote_id: answer.id,
                snapshot: Some(SyncContent::of_profile(sent).to_snapshot()),
                remote_updated_at: answer.updated_at,
                remote_seen_updated_at: answer.updated_at,
                secret,
                checked_at: now_millis(),
            },
        )?;
        Ok(())
    }

    /// Records a Start/Stop: `enabled` is set here and folded into the synced snapshot; the
    /// rest of the sync state stays as it was. If the server's answer shows other changes than
    /// `enabled`, the profile is left "changed on the server" so a pull brings them.
    pub(super) fn record_enabled(
        &self,
        before: &Profile,
        enabled: bool,
        answer: &Bot,
    ) -> Result<()> {
        let mut store = self.store();
        store.set_profile_enabled(&before.id, enabled, now_millis())?;
        let base = before
            .sync
            .snapshot
            .as_deref()
            .and_then(SyncContent::from_snapshot)
            .map(|mut content| {
                content.enabled = enabled;
                content
            });
        let server_agrees = base.as_ref().is_some_and(|base| agrees(base, answer));
        store.record_sync(
            &before.id,
            &SyncRecord {
                remote_id: None,
                snapshot: base.map(|content| content.to_snapshot()),
                remote_updated_at: if server_agrees {
                    answer.updated_at
                } else {
                    before.sync.remote_updated_at
                },
                remote_seen_updated_at: answer.updated_at,
                secret: SecretMark::Keep,
                checked_at: now_millis(),
            },
        )?;
        Ok(())
    }

    /// Links an unlinked profile to the server's gateway with the same URI (a push whose answer
    /// was lost, or a pull after one). The local content is kept: when it differs from the
    /// server's, the profile is "changed here" and the next push sends it.
    pub(super) fn link_to(&self, profile: &Profile, bot: &Bot) -> Result<()> {
        let local = SyncContent::of_profile(profile);
        let snapshot = if agrees(&local, bot) {
            local
        } else {
            SyncContent::of_bot(bot)
        };
        let mut store = self.store();
        let secret_now = self.secrets.read(&profile.id).ok().flatten();
        let secret_differs =
            secret_now.as_ref().map(|s| s.expose().as_str()) != bot.metadata.get(Metadata::SECRET);
        store.record_sync(
            &profile.id,
            &SyncRecord {
                remote_id: bot.id,
                snapshot: Some(snapshot.to_snapshot()),
                remote_updated_at: bot.updated_at,
                remote_seen_updated_at: bot.updated_at,
                secret: SecretMark::Set(secret_differs),
                checked_at: now_millis(),
            },
        )?;
        Ok(())
    }

    /// The server was read now and holds `updated_at` of the profile's gateway.
    pub(super) fn note_remote_seen(&self, profile_id: &str, updated_at: Option<i64>) -> Result<()> {
        self.store()
            .note_remote_seen(profile_id, updated_at, now_millis())
    }

    /// The server was read now and has no gateway for the profile any more.
    pub(super) fn note_remote_gone(&self, profile_id: &str) -> Result<()> {
        self.store().note_remote_gone(profile_id, now_millis())
    }

    /// Writes the server's version into a (new or existing) local profile: the secret first,
    /// then the row (see the module doc). Returns the profile's id.
    pub(super) fn apply_remote(
        &self,
        local: Option<&Profile>,
        server: &Server,
        bot: &Bot,
    ) -> Result<String> {
        let id = match local {
            Some(profile) => profile.id.clone(),
            None => self.pulled_profile_id(&server.id, bot.id)?,
        };
        if let Some(secret) = bot.metadata.get(Metadata::SECRET).filter(|s| !s.is_empty()) {
            self.secrets
                .write(&id, &Sensitive::new(secret.to_string()))?;
        }
        let content = SyncContent::of_bot(bot);
        let now = now_millis();
        // The server's content over the local row, so what only Textgate keeps (notes) stays.
        let base = Profile {
            id,
            server_id: Some(server.id.clone()),
            remote_id: bot.id,
            sync: Default::default(),
            created_at: local.map_or(now, |p| p.created_at),
            updated_at: now,
            ..local.cloned().unwrap_or_default()
        };
        let mut profile = content.clone().apply_to(base);
        profile.sync.snapshot = Some(content.to_snapshot());
        profile.sync.remote_updated_at = bot.updated_at;
        profile.sync.remote_seen_updated_at = bot.updated_at;
        profile.sync.checked_at = Some(now);
        self.store().upsert_profile(&profile)?;
        Ok(profile.id)
    }

    /// Puts back the secret of a linked profile whose keychain entry is missing (a crash
    /// between writes), from the server's copy.
    pub(super) fn restore_missing_secret(&self, profile: &Profile, bot: &Bot) -> Result<()> {
        let Some(secret) = bot.metadata.get(Metadata::SECRET).filter(|s| !s.is_empty()) else {
            return Ok(());
        };
        if matches!(self.secrets.read(&profile.id), Ok(None)) && !profile.sync.secret_changed {
            self.secrets
                .write(&profile.id, &Sensitive::new(secret.to_string()))?;
        }
        Ok(())
    }

    /// The id a pulled gateway gets: derived from where it comes from, so an interrupted pull
    /// retried writes the same keychain entry (a fresh one only if that id is taken).
    fn pulled_profile_id(&self, server_id: &str, remote_id: Option<i64>) -> Result<String> {
        use sha2::Digest;
        if let Some(remote_id) = remote_id {
            let digest = sha2::Sha256::digest(format!("textgate-pull/{server_id}/{remote_id}"));
            let mut bytes = [0u8; 16];
            bytes.copy_from_slice(&digest[..16]);
            let id = uuid::Builder::from_custom_bytes(bytes)
                .into_uuid()
                .to_string();
            if self.store().find_profile(&id)?.is_none() {
                return Ok(id);
            }
        }
        Ok(uuid::Uuid::new_v4().to_string())
    }
}

/// Whether the server's `bot` holds `ours`, judged on what the answer carries (the flow is
/// compared by id: the server names it itself).
pub(super) fn agrees(ours: &SyncContent, bot: &Bot) -> bool {
    let theirs = SyncContent::of_bot(bot);
    let flow_id = |content: &SyncContent| content.flow.as_ref().map(|flow| flow.id);
    let same_uri = bot.uri.is_empty()
        || ours.uri.trim_start_matches('/') == theirs.uri.trim_start_matches('/');
    ours.name == theirs.name
        && same_uri
        && ours.enabled == theirs.enabled
        && flow_id(ours) == flow_id(&theirs)
        && (bot.metadata.get(Metadata::WEBHOOK).is_none() || ours.callback == theirs.callback)
        && (bot.updates.is_none() || ours.templates == theirs.templates)
}
