//! The quiet re-read of the server side: how fresh each pushed profile's sync state is. One
//! listing of a server's gateways (no metadata, so no secret crosses) says for every profile
//! linked there whether its gateway moved since the last sync or is gone; one profile can be
//! checked alone with one read of its gateway. A check only writes what is known of the server
//! side (the newest `updated_at` seen, gone, when it was read, why it could not be): never a
//! profile's content, so local edits are never touched and a conflict stays one. A server that
//! cannot be reached is no error: its profiles are marked "not checked" with the reason.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::pull_outcome::PullFailure;
use super::{ServerSync, Workspace};
use crate::error::{CoreError, Result};
use crate::profile::Profile;
use crate::server::Server;
use crate::sync_state::changed_on_server;
use crate::webitel::wire::Bot;

/// What one check of one server found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerCheck {
    pub server_id: String,
    pub server_name: String,
    /// How many linked profiles were checked.
    pub checked: u32,
    /// Profiles this check found changed on the server (not known before), by name.
    pub changed_on_server: Vec<String>,
    /// Profiles this check found gone from the server (not known before), by name.
    pub gone: Vec<String>,
    /// Why the server could not be read; its profiles were marked "not checked".
    pub failure: Option<PullFailure>,
}

impl ServerCheck {
    fn new(server: &Server) -> Self {
        Self {
            server_id: server.id.clone(),
            server_name: server.name.clone(),
            checked: 0,
            changed_on_server: Vec::new(),
            gone: Vec::new(),
            failure: None,
        }
    }
}

impl Workspace {
    /// Notes what the server says of `profile` (`bot`: its gateway, `None`: gone) into `check`.
    fn note_check(
        &self,
        check: &mut ServerCheck,
        profile: &Profile,
        bot: Option<&Bot>,
    ) -> Result<()> {
        check.checked += 1;
        match bot {
            Some(bot) => {
                let was = changed_on_server(profile);
                self.note_remote_seen(&profile.id, bot.updated_at)?;
                let moved = matches!(
                    (bot.updated_at, profile.sync.remote_updated_at),
                    (Some(seen), Some(synced)) if seen != synced
                );
                if moved && !was {
                    check.changed_on_server.push(profile.name.clone());
                }
            }
            None => {
                if !profile.sync.remote_gone {
                    check.gone.push(profile.name.clone());
                }
                self.note_remote_gone(&profile.id)?;
            }
        }
        Ok(())
    }

    /// The server could not be read: its `profiles` are marked with why, nothing else moves.
    fn note_unreachable(
        &self,
        check: &mut ServerCheck,
        profiles: &[Profile],
        error: CoreError,
    ) -> Result<()> {
        let ids: Vec<String> = profiles.iter().map(|profile| profile.id.clone()).collect();
        self.store().note_check_failed(&ids, error.code())?;
        check.failure = Some(PullFailure {
            code: error.code(),
            message: error.to_string(),
        });
        Ok(())
    }

    async fn check_server_now(&self, server: &Server) -> Result<ServerCheck> {
        let mut check = ServerCheck::new(server);
        let linked: Vec<Profile> = self
            .store()
            .profiles_on_server(&server.id)?
            .into_iter()
            .filter(|profile| profile.remote_id.is_some())
            .collect();
        if linked.is_empty() {
            return Ok(check);
        }
        let listing = match self.client_for(server) {
            Ok(client) => client.list_all_bots(None).await.map_err(CoreError::from),
            Err(error) => Err(error),
        };
        let bots = match listing {
            Ok(bots) => bots,
            Err(error) => {
                self.note_unreachable(&mut check, &linked, error)?;
                return Ok(check);
            }
        };
        let by_id: HashMap<i64, &Bot> =
            bots.iter().filter_map(|bot| Some((bot.id?, bot))).collect();
        for profile in &linked {
            let bot = profile.remote_id.and_then(|id| by_id.get(&id).copied());
            self.note_check(&mut check, profile, bot)?;
        }
        Ok(check)
    }
}

impl ServerSync<'_> {
    /// Checks every profile pushed to the server with one listing of its gateways.
    pub async fn check_server(self, server_id_or_name: &str) -> Result<ServerCheck> {
        let server = self.ws.servers().find(server_id_or_name)?;
        self.ws.check_server_now(&server).await
    }

    /// Checks every server that has pushed profiles, one after the other.
    pub async fn check_all(self) -> Result<Vec<ServerCheck>> {
        let servers = self.ws.store().list_servers()?;
        let mut checks = Vec::new();
        for server in servers {
            let check = self.ws.check_server_now(&server).await?;
            if check.checked > 0 || check.failure.is_some() {
                checks.push(check);
            }
        }
        Ok(checks)
    }

    /// Checks one pushed profile with one read of its gateway (a profile not on a server, or
    /// never pushed, has nothing to check: an empty check).
    pub async fn check_profile(self, profile_id: &str) -> Result<ServerCheck> {
        let profile = self.ws.store().get_profile(profile_id)?;
        let Some(server_id) = profile.server_id.clone() else {
            return Err(CoreError::NoServer(profile.name));
        };
        let server = self.ws.store().get_server(&server_id)?;
        let mut check = ServerCheck::new(&server);
        let Some(remote_id) = profile.remote_id else {
            return Ok(check);
        };
        let read = match self.ws.client_for(&server) {
            Ok(client) => self.ws.fetch_remote(&client, &profile, remote_id).await,
            Err(error) => Err(error),
        };
        match read {
            Ok(bot) => self.ws.note_check(&mut check, &profile, Some(&bot))?,
            Err(CoreError::RemoteGone(_)) => self.ws.note_check(&mut check, &profile, None)?,
            Err(error) => self.ws.note_unreachable(&mut check, &[profile], error)?,
        }
        Ok(check)
    }
}

#[cfg(test)]
#[path = "sync_check_tests.rs"]
mod tests;
