//! Webitel's side toward the client's service, for a saved profile: the agent's actions
//! composed as Webitel composes them (join/left/close notices rendered from the profile's own
//! templates), signed with its app secret, and POSTed to its callback URL (or another URL,
//! such as the local receiver's). Each delivery lands in the history.

use super::Harness;
use crate::error::{CoreError, Result};
use crate::harness::delivery::{self, Signing};
use crate::harness::history::{Channel, HistoryEntry, NewEntry};
use crate::harness::in_order::deliver_in_order;
use crate::harness::outbound::{compose, AgentAction, OutboundError};
use crate::profile_views::ProfileView;
use crate::sensitive::Sensitive;
use crate::validation::FieldIssue;

/// An emulated action, composed and addressed but not sent.
pub(crate) struct EmulatePlan {
    pub profile: ProfileView,
    pub target: String,
    pub secret: Sensitive<String>,
    pub bodies: Vec<Vec<u8>>,
}

impl Harness<'_> {
    /// Sends what Webitel would send for `action`, in order (a close is its notice, then the
    /// close event), and returns each delivery. As the server does, a delivery with no answer
    /// at all ends the sequence; a non-2xx answer does not.
    pub async fn emulate_webitel(
        self,
        profile_id: &str,
        action: &AgentAction,
        url: Option<&str>,
    ) -> Result<Vec<HistoryEntry>> {
        let EmulatePlan {
            profile,
            target,
            secret,
            bodies,
        } = self.emulate_plan(profile_id, action, url)?;
        // Webitel's side posts to the client's service: the server's CA has no say there.
        let client = delivery::client()?;
        deliver_in_order(
            &client,
            &target,
            secret.expose().as_bytes(),
            bodies,
            |exchange| {
                let entry = NewEntry::sent(
                    Some(profile.id.clone()),
                    Channel::Emulate,
                    Signing::Correct,
                    exchange,
                );
                self.ws.store().insert_history(entry)
            },
        )
        .await
    }

    /// What [`Self::emulate_webitel`] would send, without sending: the target, the secret that
    /// signs and the bodies in order (also what "Copy as cURL" prints).
    pub(crate) fn emulate_plan(
        self,
        profile_id: &str,
        action: &AgentAction,
        url: Option<&str>,
    ) -> Result<EmulatePlan> {
        let profile = self.ws.profiles().get(profile_id)?;
        let target = url
            .map(str::trim)
            .filter(|url| !url.is_empty())
            .unwrap_or(profile.callback.as_str())
            .to_string();
        if !(target.starts_with("http://") || target.starts_with("https://")) {
            return Err(CoreError::NoTarget(format!(
                "\u{201c}{}\u{201d} has no callback URL to send Webitel's events to: set one or give a URL",
                profile.name
            )));
        }
        delivery::check_target(&target).map_err(CoreError::NoTarget)?;
        let secret = self.ws.harness_secret(&profile)?;
        let now = crate::clock::now_secs();
        let bodies = compose(action, &profile.templates, now).map_err(|error| match error {
            OutboundError::Broadcast(reason) => CoreError::BroadcastRefused(reason),
            OutboundError::Template {
                key,
                message,
                over_budget: true,
            } => CoreError::TemplateBudget(FieldIssue::error(
                key.field(),
                crate::Issue::ServerDetail { detail: message },
            )),
            other => CoreError::TemplateRender(other.to_string()),
        })?;
        Ok(EmulatePlan {
            profile,
            target,
            secret,
            bodies,
        })
    }
}

#[cfg(test)]
#[path = "emulate_tests.rs"]
mod tests;
