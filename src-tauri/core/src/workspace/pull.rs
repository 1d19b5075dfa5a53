//! Bringing the server's versions in: a whole server (`pull`), the gateways an admin picked
//! (`pull_gateways`), or one pushed profile re-read from its server (`refresh`, what the
//! registry's bulk "Pull" runs per profile). One rule for all three: a gateway not here becomes
//! a profile; a linked one the server did not change since the last sync is left alone; one
//! changed there only is updated; one changed on both sides is left as it is, noted as a
//! conflict for the user to resolve. Local-only fields (notes) always stay.

pub use super::pull_outcome::{GatewayPull, PullFailure, PullOutcome, PullReport, RefreshOutcome};
use super::sync_log;
use super::{ServerSync, Workspace};
use crate::error::{CoreError, Result};
use crate::profile::Profile;
use crate::server::Server;
use crate::sync_state::changed_here;
use crate::webitel::client_error::ClientError;
use crate::webitel::client_gateways::is_custom;
use crate::webitel::wire::Bot;

/// What the pull rule decided for one gateway, and the profile it concerns.
struct Pulled {
    verdict: Verdict,
    profile_id: String,
    /// The server's name for a profile that took its version, else the local one.
    name: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Created,
    Linked,
    Unchanged,
    Updated,
    Conflict,
}

impl Verdict {
    fn word(self) -> &'static str {
        match self {
            Verdict::Created => "created",
            Verdict::Linked => "linked",
            Verdict::Unchanged => "unchanged",
            Verdict::Updated => "updated",
            Verdict::Conflict => "conflict",
        }
    }
}

impl Workspace {
    /// The pull rule for one custom gateway of `server`.
    fn pull_bot(&self, server: &Server, bot: &Bot, remote_id: i64) -> Result<Pulled> {
        // Bound first: a guard in the match's scrutinee would hold the store through the arms.
        let linked = self.store().profile_by_remote(&server.id, remote_id)?;
        let pulled = match linked {
            Some(profile) => {
                let verdict = self.pull_linked(server, &profile, bot)?;
                let name = match verdict {
                    Verdict::Updated => bot.name.clone(),
                    _ => profile.name,
                };
                Pulled {
                    verdict,
                    profile_id: profile.id,
                    name,
                }
            }
            None => {
                // A profile pushed whose answer was lost has this URI but no link yet.
                let unlinked = self
                    .store()
                    .unlinked_profile_with_uri(&server.id, &bot.uri)?;
                match unlinked {
                    Some(profile) => {
                        self.link_to(&profile, bot)?;
                        Pulled {
                            verdict: Verdict::Linked,
                            profile_id: profile.id,
                            name: profile.name,
                        }
                    }
                    None => Pulled {
                        verdict: Verdict::Created,
                        profile_id: self.apply_remote(None, server, bot)?,
                        name: bot.name.clone(),
                    },
                }
            }
        };
        sync_log::pulled(
            &server.id,
            remote_id,
            Some(&pulled.profile_id),
            pulled.verdict.word(),
        );
        Ok(pulled)
    }

    /// The pull rule for a gateway already linked to `profile`.
    fn pull_linked(&self, server: &Server, profile: &Profile, bot: &Bot) -> Result<Verdict> {
        if bot.updated_at == profile.sync.remote_updated_at {
            self.restore_missing_secret(profile, bot)?;
            self.note_remote_seen(&profile.id, bot.updated_at)?;
            Ok(Verdict::Unchanged)
        } else if !changed_here(profile) {
            self.apply_remote(Some(profile), server, bot)?;
            Ok(Verdict::Updated)
        } else {
            self.note_remote_seen(&profile.id, bot.updated_at)?;
            Ok(Verdict::Conflict)
        }
    }

    /// One picked gateway: read it by id, then the pull rule. Never fails as a whole.
    async fn pull_one(
        &self,
        client: &crate::webitel::client::WebitelClient,
        server: &Server,
        remote_id: i64,
    ) -> GatewayPull {
        let linked = self
            .store()
            .profile_by_remote(&server.id, remote_id)
            .ok()
            .flatten();
        let mut result = GatewayPull {
            remote_id,
            name: linked.as_ref().map(|profile| profile.name.clone()),
            profile_id: linked.map(|profile| profile.id),
            outcome: PullOutcome::Failed,
            error: None,
        };
        let bot = match client.get_bot(remote_id).await {
            Ok(bot) => bot,
            Err(ClientError::Api { status: 404, .. }) => {
                sync_log::pulled(
                    &server.id,
                    remote_id,
                    result.profile_id.as_deref(),
                    "missing",
                );
                if let Some(profile_id) = result.profile_id.as_deref() {
                    let _ = self.note_remote_gone(profile_id);
                }
                result.outcome = PullOutcome::Missing;
                return result;
            }
            Err(error) => return result.failed(error.into()),
        };
        result.name = Some(bot.name.clone());
        if !is_custom(&bot) {
            result.outcome = PullOutcome::NotCustom;
            return result;
        }
        match self.pull_bot(server, &bot, remote_id) {
            Ok(pulled) => {
                result.outcome = match pulled.verdict {
                    Verdict::Created => PullOutcome::Created,
                    Verdict::Linked | Verdict::Unchanged => PullOutcome::Unchanged,
                    Verdict::Updated => PullOutcome::Updated,
                    Verdict::Conflict => PullOutcome::Conflict,
                };
                result.name = Some(pulled.name);
                result.profile_id = Some(pulled.profile_id);
                result
            }
            Err(error) => result.failed(error),
        }
    }
}

impl GatewayPull {
    fn failed(mut self, error: CoreError) -> Self {
        self.outcome = PullOutcome::Failed;
        self.error = Some(PullFailure {
            code: error.code(),
            message: error.to_string(),
        });
        self
    }
}

impl ServerSync<'_> {
    /// Brings every custom gateway of the server into local profiles.
    pub async fn pull(self, server_id_or_name: &str) -> Result<PullReport> {
        let server = self.ws.servers().find(server_id_or_name)?;
        let bots = self.ws.client_for(&server)?.list_custom_bots(None).await?;
        let mut report = PullReport::default();
        let mut seen = std::collections::HashSet::new();
        for bot in bots {
            let Some(remote_id) = bot.id else { continue };
            seen.insert(remote_id);
            let pulled = self.ws.pull_bot(&server, &bot, remote_id)?;
            let list = match pulled.verdict {
                Verdict::Created => &mut report.created,
                Verdict::Linked | Verdict::Unchanged => &mut report.unchanged,
                Verdict::Updated => &mut report.updated,
                Verdict::Conflict => &mut report.conflicts,
            };
            list.push(pulled.name);
        }
        for profile in self.ws.store().profiles_on_server(&server.id)? {
            if let Some(remote_id) = profile.remote_id.filter(|id| !seen.contains(id)) {
                sync_log::pulled(&server.id, remote_id, Some(&profile.id), "missing");
                self.ws.note_remote_gone(&profile.id)?;
                report.missing.push(profile.name);
            }
        }
        Ok(report)
    }

    /// Brings in only the gateways `remote_ids` of the server, by the same rule as [`pull`],
    /// each on its own: one that fails says why and the others go on. Results in the order
    /// asked (an id asked twice is pulled once).
    ///
    /// [`pull`]: ServerSync::pull
    pub async fn pull_gateways(
        self,
        server_id_or_name: &str,
        remote_ids: &[i64],
    ) -> Result<Vec<GatewayPull>> {
        let server = self.ws.servers().find(server_id_or_name)?;
        let client = self.ws.client_for(&server)?;
        let mut seen = std::collections::HashSet::new();
        let mut results = Vec::with_capacity(remote_ids.len());
        for &remote_id in remote_ids.iter().filter(|id| seen.insert(**id)) {
            results.push(self.ws.pull_one(&client, &server, remote_id).await);
        }
        Ok(results)
    }

    /// Re-reads one pushed profile's gateway from its server (`GET /api/chat/bots/{id}`) and
    /// applies the pull rule to it.
    pub async fn refresh(self, profile_id: &str) -> Result<RefreshOutcome> {
        let (profile, server) = self.ws.profile_and_server(profile_id)?;
        let remote_id = profile
            .remote_id
            .ok_or_else(|| CoreError::NotPushed(profile.name.clone()))?;
        let client = self.ws.client_for(&server)?;
        let bot = match self.ws.fetch_remote(&client, &profile, remote_id).await {
            Err(CoreError::RemoteGone(_)) => {
                sync_log::pulled(&server.id, remote_id, Some(&profile.id), "missing");
                self.ws.note_remote_gone(&profile.id)?;
                return Ok(RefreshOutcome::Missing);
            }
            other => other?,
        };
        let verdict = self.ws.pull_linked(&server, &profile, &bot)?;
        sync_log::pulled(&server.id, remote_id, Some(&profile.id), verdict.word());
        Ok(match verdict {
            Verdict::Updated => RefreshOutcome::Updated,
            Verdict::Conflict => RefreshOutcome::Conflict,
            _ => RefreshOutcome::Unchanged,
        })
    }
}

#[cfg(test)]
#[path = "pull_tests.rs"]
mod tests;
