//! The conflict view (both versions of a gateway changed on both sides, which fields differ,
//! who changed the server's and when) and its per-field resolution: fields taken from the server
//! become the local value; when any differing field keeps this computer's, the merged result is
//! pushed over the server's, else the server's version is simply taken (nothing is sent).

use serde::Serialize;
use ts_rs::TS;

use super::conflict_merge::{differing, merge, FieldChoice};
use super::sync::KeepVersion;
use super::ServerSync;
use crate::clock::now_millis;
use crate::error::Result;
use crate::profile_field::ProfileField;
use crate::sensitive::Sensitive;
use crate::sync_state::SyncContent;
use crate::webitel::wire::{Bot, Metadata};

/// Both versions of a conflicting gateway, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictView {
    pub local: SyncContent,
    pub remote: SyncContent,
    /// The secrets differ (their values are not shown here).
    pub secrets_differ: bool,
    /// The fields whose values differ, in order (`secret` last when the secrets differ): the
    /// ones a per-field resolution must choose for.
    pub differing: Vec<ProfileField>,
    /// When the server's version was last changed (unix ms), if the server says.
    pub remote_updated_at: Option<i64>,
    /// Who changed it last, as the server names them, if it says.
    pub remote_updated_by: Option<String>,
}

fn secrets_differ(local: Option<&Sensitive<String>>, remote: &Bot) -> bool {
    local.map(|s| s.expose().as_str()) != remote.metadata.get(Metadata::SECRET)
}

impl ServerSync<'_> {
    /// The local and server versions of a profile, for the conflict view.
    pub async fn compare_with_server(self, profile_id: &str) -> Result<ConflictView> {
        let (profile, _, remote) = self.ws.remote_copy(profile_id).await?;
        self.ws.note_remote_seen(&profile.id, remote.updated_at)?;
        let local_secret = self.ws.secrets.read(&profile.id)?;
        let local = SyncContent::of_profile(&profile);
        let theirs = SyncContent::of_bot(&remote);
        let secrets_differ = secrets_differ(local_secret.as_ref(), &remote);
        Ok(ConflictView {
            differing: differing(&local, &theirs, secrets_differ),
            local,
            remote: theirs,
            secrets_differ,
            remote_updated_at: remote.updated_at,
            remote_updated_by: remote
                .updated_by
                .as_ref()
                .and_then(|by| by.name.clone())
                .filter(|name| !name.trim().is_empty()),
        })
    }

    /// Ends a conflict field by field. Every differing field needs a choice, or `rest` for the
    /// ones not named (the CLI's `--keep` beside `--take`); a missing choice is refused before
    /// anything changes.
    pub async fn resolve_fields(
        self,
        profile_id: &str,
        choices: &[FieldChoice],
        rest: Option<KeepVersion>,
    ) -> Result<crate::ProfileView> {
        let (profile, server, remote) = self.ws.remote_copy(profile_id).await?;
        let local_secret = self.ws.secrets.read(&profile.id)?;
        let merged = merge(
            &SyncContent::of_profile(&profile),
            &SyncContent::of_bot(&remote),
            secrets_differ(local_secret.as_ref(), &remote),
            choices,
            rest,
        )?;
        self.ws.note_remote_seen(&profile.id, remote.updated_at)?;
        if !merged.push {
            tracing::info!(target: "textgate::sync", profile = profile_id, "conflict resolved field by field: the server's version taken");
            self.ws.apply_remote(Some(&profile), &server, &remote)?;
            return self.ws.profiles().get(profile_id);
        }
        tracing::info!(target: "textgate::sync", profile = profile_id, "conflict resolved field by field: the merged version pushed");
        {
            // The secret first, then the row (as a pull writes them).
            let mut store = self.ws.store();
            if merged.take_secret {
                if let Some(secret) = remote
                    .metadata
                    .get(Metadata::SECRET)
                    .filter(|s| !s.is_empty())
                {
                    self.ws
                        .secrets
                        .write(&profile.id, &Sensitive::new(secret.to_string()))?;
                }
            }
            let mut row = merged.content.apply_to(profile);
            row.updated_at = now_millis();
            store.upsert_profile(&row)?;
        }
        self.push(profile_id, true).await?;
        self.ws.profiles().get(profile_id)
    }
}

#[cfg(test)]
#[path = "conflict_resolve_tests.rs"]
mod tests;
