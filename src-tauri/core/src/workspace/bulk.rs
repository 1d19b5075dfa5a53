//! One action over many profiles, as the registry's bulk bar and the CLI's multi-profile
//! commands run it: each profile gets its own outcome, and one failure never stops, undoes or
//! blocks the others. The work itself is the single-profile operations (`sync()`,
//! `profiles()`); this module only fans them out, a few server requests at a time, and keeps
//! the outcomes in the order the profiles were given.

use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Bulk, RefreshOutcome, Workspace};
use crate::error::{CoreError, Result};
use crate::error_code::ErrorCode;

/// How many profiles are worked on at once: enough to hide a server's latency, few enough
/// not to flood it (Webitel's admin API serves people, not batch jobs).
pub const BULK_CONCURRENCY: usize = 4;

/// What to do to every selected profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum BulkAction {
    /// Start the gateway (on its server when pushed).
    Enable,
    /// Stop the gateway (on its server when pushed).
    Disable,
    /// Create or update the gateway on its server (never over a newer server version).
    Push,
    /// Delete the profile; with `remote` its gateway on the server first.
    Delete { remote: bool },
    /// Re-read the pushed gateway from its server (`sync().refresh`): a change on both sides,
    /// or a gateway the server no longer has, is this profile's failure, said as such.
    Pull,
}

/// What became of one profile.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkOutcome {
    pub profile_id: String,
    /// The profile's name before the action (its id when no such profile exists).
    pub name: String,
    /// Why it failed; `None` (`null`) when it was done.
    pub error: Option<BulkFailure>,
    /// A Pull took the server's version here (`false` when the profile was already as the
    /// server has it, or for the other actions).
    pub changed: bool,
}

impl BulkOutcome {
    pub fn is_done(&self) -> bool {
        self.error.is_none()
    }
}

/// One profile's outcome as it comes in, and how far the run is (the app's progress).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    pub done: u32,
    pub total: u32,
    pub outcome: BulkOutcome,
}

/// Why one profile's action failed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BulkFailure {
    pub code: ErrorCode,
    /// The sentence the user is shown (core errors never carry secrets).
    pub message: String,
}

impl From<&CoreError> for BulkFailure {
    fn from(error: &CoreError) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

impl Bulk<'_> {
    /// Runs `action` on every profile of `profile_ids` (each once, however often it is listed),
    /// at most [`BULK_CONCURRENCY`] at a time. `on_each` hears of each outcome as it comes,
    /// with how many are done so far; the returned outcomes follow the order of `profile_ids`.
    pub async fn run(
        self,
        action: BulkAction,
        profile_ids: &[String],
        mut on_each: impl FnMut(usize, &BulkOutcome),
    ) -> Vec<BulkOutcome> {
        let mut seen = std::collections::HashSet::with_capacity(profile_ids.len());
        // Owned ids: the futures must not borrow from the caller (the app runs this on a
        // `Send` task, where a borrowed item's higher-ranked lifetime does not check).
        let ids: Vec<String> = profile_ids
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .cloned()
            .collect();
        let ws = self.ws;
        let mut slots: Vec<Option<BulkOutcome>> = vec![None; ids.len()];
        let mut running = stream::iter(ids.into_iter().enumerate())
            .map(|(index, id)| async move { (index, ws.bulk_one(action, &id).await) })
            .buffer_unordered(BULK_CONCURRENCY);
        let mut done = 0;
        while let Some((index, outcome)) = running.next().await {
            done += 1;
            on_each(done, &outcome);
            slots[index] = Some(outcome);
        }
        let outcomes: Vec<BulkOutcome> = slots.into_iter().flatten().collect();
        tracing::info!(
            target: "textgate::sync",
            action = ?action,
            done = outcomes.iter().filter(|outcome| outcome.is_done()).count(),
            failed = outcomes.iter().filter(|outcome| !outcome.is_done()).count(),
            "bulk action finished"
        );
        outcomes
    }
}

impl Workspace {
    async fn bulk_one(&self, action: BulkAction, profile_id: &str) -> BulkOutcome {
        let name = self
            .store()
            .find_profile(profile_id)
            .ok()
            .flatten()
            .map_or_else(|| profile_id.to_string(), |profile| profile.name);
        let unchanged = |result: Result<()>| result.map(|()| false);
        let result: Result<bool> = match action {
            BulkAction::Enable => {
                unchanged(self.sync().set_enabled(profile_id, true).await.map(drop))
            }
            BulkAction::Disable => {
                unchanged(self.sync().set_enabled(profile_id, false).await.map(drop))
            }
            BulkAction::Push => unchanged(self.sync().push(profile_id, false).await.map(drop)),
            BulkAction::Delete { remote: true } => unchanged(self.sync().delete(profile_id).await),
            BulkAction::Delete { remote: false } => unchanged(self.profiles().delete(profile_id)),
            BulkAction::Pull => self.bulk_pull(profile_id, &name).await,
        };
        BulkOutcome {
            profile_id: profile_id.to_string(),
            name,
            error: result.as_ref().err().map(BulkFailure::from),
            changed: result.unwrap_or(false),
        }
    }

    /// A refresh that leaves the profile in conflict or without its gateway did not bring the
    /// server's version here: the row says why, as a push refused for the same reason would.
    /// `Ok(true)`: the server's version was taken.
    async fn bulk_pull(&self, profile_id: &str, name: &str) -> Result<bool> {
        match self.sync().refresh(profile_id).await? {
            RefreshOutcome::Unchanged => Ok(false),
            RefreshOutcome::Updated => Ok(true),
            RefreshOutcome::Conflict => Err(CoreError::Conflict(name.to_string())),
            RefreshOutcome::Missing => Err(CoreError::RemoteGone(name.to_string())),
        }
    }
}

#[cfg(test)]
#[path = "bulk_tests.rs"]
mod tests;
