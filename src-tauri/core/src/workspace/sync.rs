//! Push, Start/Stop and delete against a profile's server, and conflict resolution (pulling
//! is `pull`'s).
//! Every server call happens outside the store lock; local state changes only after the server
//! said yes, so a failed request never loses local edits. What is written afterwards, and in
//! which order, is `sync_record`'s job.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sync_log;
use super::{ServerSync, Workspace};
use crate::error::{CoreError, Result};
use crate::profile::Profile;
use crate::sensitive::Sensitive;
use crate::server::Server;
use crate::sync_state::{changed_here, SyncContent};
use crate::validation::{FieldIssue, ProfileField};
use crate::webitel::client_error::ClientError;
use crate::webitel::mapping::bot_body;
use crate::webitel::wire::{Bot, Metadata};

/// What a push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PushAction {
    Created,
    Updated,
    UpToDate,
}

impl PushAction {
    /// The word the sync log gives it.
    fn verdict(self) -> &'static str {
        match self {
            PushAction::Created => "created",
            PushAction::Updated => "updated",
            PushAction::UpToDate => "up to date",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KeepVersion {
    Local,
    Remote,
}

impl Workspace {
    async fn push_unlogged(&self, profile_id: &str, force: bool) -> Result<PushAction> {
        let (profile, server) = self.profile_and_server(profile_id)?;
        if let Some(refusal) = crate::gateway_templates::push_refusal(&profile.templates) {
            return Err(refusal.into());
        }
        let secret = self.secret_for_push(&profile)?;
        let client = self.client_for(&server)?;
        let Some(remote_id) = profile.remote_id else {
            if let Some(found) = client.find_custom_bot_by_uri(&profile.uri).await? {
                return self
                    .push_over_found(&client, &server, &profile, &secret, &found)
                    .await;
            }
            let created = client
                .create_bot(&bot_body(&profile, secret.expose()))
                .await?;
            self.record_push(&profile, &secret, &created)?;
            return Ok(PushAction::Created);
        };
        let remote = self.fetch_remote(&client, &profile, remote_id).await?;
        let remote_moved = remote.updated_at != profile.sync.remote_updated_at;
        if remote_moved && !force {
            self.note_remote_seen(&profile.id, remote.updated_at)?;
            return Err(if changed_here(&profile) {
                CoreError::Conflict(profile.name)
            } else {
                CoreError::RemoteChanged(profile.name)
            });
        }
        if !remote_moved && !changed_here(&profile) {
            return Ok(PushAction::UpToDate);
        }
        let updated = client
            .update_bot(remote_id, &bot_body(&profile, secret.expose()))
            .await?;
        self.record_push(&profile, &secret, &updated)?;
        Ok(PushAction::Updated)
    }

    /// The server already has a gateway with this profile's URI: link it, and send the local
    /// version over it when the two differ.
    async fn push_over_found(
        &self,
        client: &crate::webitel::client::WebitelClient,
        server: &Server,
        profile: &Profile,
        secret: &Sensitive<String>,
        found: &Bot,
    ) -> Result<PushAction> {
        let found_id = found.id.unwrap_or_default();
        let linked = self.store().profile_by_remote(&server.id, found_id)?;
        if let Some(other) = linked.filter(|other| other.id != profile.id) {
            return Err(CoreError::Invalid(vec![FieldIssue::error(
                ProfileField::Uri,
                crate::Issue::UriTakenOnServer {
                    server: server.name.clone(),
                    profile: other.name.clone(),
                },
            )]));
        }
        let same = super::sync_record::agrees(&SyncContent::of_profile(profile), found)
            && found.metadata.get(Metadata::SECRET) == Some(secret.expose().as_str());
        if same {
            self.record_push(profile, secret, found)?;
            return Ok(PushAction::Created);
        }
        let updated = client
            .update_bot(found_id, &bot_body(profile, secret.expose()))
            .await?;
        self.record_push(profile, secret, &updated)?;
        Ok(PushAction::Updated)
    }

    pub(super) fn profile_and_server(&self, profile_id: &str) -> Result<(Profile, Server)> {
        let store = self.store();
        let profile = store.get_profile(profile_id)?;
        let server_id = profile
            .server_id
            .clone()
            .ok_or_else(|| CoreError::NoServer(profile.name.clone()))?;
        let server = store.get_server(&server_id)?;
        Ok((profile, server))
    }

    fn secret_for_push(&self, profile: &Profile) -> Result<Sensitive<String>> {
        self.secrets.read(&profile.id)?.ok_or_else(|| {
            CoreError::Invalid(vec![FieldIssue::error(
                ProfileField::Secret,
                crate::Issue::SecretNotInKeychain,
            )])
        })
    }

    /// A pushed profile, its server and the server's copy of its gateway (for the conflict
    /// view and its resolutions): `NotPushed` when it was never pushed, `RemoteGone` when the
    /// server no longer has it.
    pub(super) async fn remote_copy(&self, profile_id: &str) -> Result<(Profile, Server, Bot)> {
        let (profile, server) = self.profile_and_server(profile_id)?;
        let remote_id = profile
            .remote_id
            .ok_or_else(|| CoreError::NotPushed(profile.name.clone()))?;
        let remote = self
            .fetch_remote(&self.client_for(&server)?, &profile, remote_id)
            .await?;
        Ok((profile, server, remote))
    }

    pub(super) async fn fetch_remote(
        &self,
        client: &crate::webitel::client::WebitelClient,
        profile: &Profile,
        remote_id: i64,
    ) -> Result<Bot> {
        match client.get_bot(remote_id).await {
            Err(ClientError::Api { status: 404, .. }) => {
                Err(CoreError::RemoteGone(profile.name.clone()))
            }
            other => Ok(other?),
        }
    }
}

impl ServerSync<'_> {
    /// Creates or updates the profile's gateway on its server. Refuses to overwrite a newer
    /// server version unless `force` (the "keep mine" side of a conflict). Idempotent: a
    /// profile not linked yet is first looked up on the server by its URI, so a push whose
    /// answer was lost links the gateway it created instead of failing on "uri already in use".
    pub async fn push(self, profile_id: &str, force: bool) -> Result<PushAction> {
        let result = self.ws.push_unlogged(profile_id, force).await;
        sync_log::pushed(
            profile_id,
            force,
            result.as_ref().map(|action| action.verdict()),
        );
        result
    }

    /// Start/Stop on the server (a `PATCH` of `enabled` only); refused without a flow before
    /// any request. A profile not on a server is switched locally.
    pub async fn set_enabled(self, profile_id: &str, enabled: bool) -> Result<crate::ProfileView> {
        let profile = self.ws.store().get_profile(profile_id)?;
        if enabled && profile.flow.is_none() {
            return Err(CoreError::FlowRequired);
        }
        let Some(remote_id) = profile.remote_id else {
            return self.ws.profiles().set_enabled(profile_id, enabled);
        };
        let (_, server) = self.ws.profile_and_server(profile_id)?;
        let bot = self
            .ws
            .client_for(&server)?
            .set_bot_enabled(remote_id, enabled)
            .await?;
        // Only this field moved on both sides: keep the rest of the sync state as it was.
        self.ws.record_enabled(&profile, enabled, &bot)?;
        self.ws.profiles().get(profile_id)
    }

    /// Deletes the gateway on the server (gone already is fine), then the local profile.
    pub async fn delete(self, profile_id: &str) -> Result<()> {
        let profile = self.ws.store().get_profile(profile_id)?;
        if let Some(remote_id) = profile.remote_id {
            let (_, server) = self.ws.profile_and_server(profile_id)?;
            match self.ws.client_for(&server)?.delete_bot(remote_id).await {
                Ok(()) => {}
                Err(ClientError::Api {
                    status: 400 | 404,
                    ref error,
                }) if error.id.ends_with("not_found") => {}
                Err(other) => return Err(other.into()),
            }
        }
        self.ws.profiles().delete(profile_id)
    }

    /// Ends a conflict as a whole: push ours over the server's, or take the server's over ours
    /// (per field: `resolve_fields`).
    pub async fn resolve_conflict(
        self,
        profile_id: &str,
        keep: KeepVersion,
    ) -> Result<crate::ProfileView> {
        match keep {
            KeepVersion::Local => {
                self.push(profile_id, true).await?;
            }
            KeepVersion::Remote => {
                tracing::info!(target: "textgate::sync", profile = profile_id, "conflict resolved: keep the server's version");
                let (profile, server, remote) = self.ws.remote_copy(profile_id).await?;
                self.ws.apply_remote(Some(&profile), &server, &remote)?;
            }
        }
        self.ws.profiles().get(profile_id)
    }
}

#[cfg(test)]
#[path = "sync_tests.rs"]
pub(crate) mod tests;

#[cfg(test)]
#[path = "sync_template_tests.rs"]
mod template_tests;

#[cfg(test)]
#[path = "sync_fault_tests.rs"]
mod fault_tests;

#[cfg(test)]
#[path = "sync_safety_tests.rs"]
mod safety_tests;

#[cfg(test)]
#[path = "sync_notes_tests.rs"]
mod notes_tests;
