//! The proof that a rotated app secret works end to end (issue J): an agent's text message,
//! composed and signed with the profile's current secret as Webitel would send it, POSTed to
//! the callback URL (or the local receiver's), and what its answer says. v1 holds one secret per
//! gateway, so a 401/403 here means the chat service still checks with the old one. Textgate's
//! own receiver answers whatever it is told to, so at a loopback URL the proof also waits
//! (briefly) for the receiver's entry and judges by its signature verdict. The proof is an
//! ordinary emulate exchange, so it stays in the history.

use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

use super::Harness;
use crate::error::{CoreError, Result};
use crate::harness::delivery;
use crate::harness::history::{HistoryEntry, HistoryQuery};
use crate::harness::outbound::AgentAction;

/// The chat the proofs are sent in, so they are easy to find (and group) in the history.
pub const PROOF_CHAT_ID: &str = "textgate-secret-check";

/// What the proof's answer says about the new secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProofOutcome {
    /// Answered 2xx: the chat service accepted a message signed with the new secret.
    Accepted,
    /// Answered 401 or 403: it refused the signature (it still checks with the old secret).
    SignatureRefused,
    /// Answered another status: it got the message but did not accept it.
    Refused,
    /// No answer at all (nothing listens, a timeout, TLS).
    NoAnswer,
}

impl ProofOutcome {
    /// The outcome of an exchange's answer, or of the local receiver's verdict when it got it.
    pub fn of(entry: &HistoryEntry, arrival: Option<&HistoryEntry>) -> Self {
        if let Some(verdict) = arrival.and_then(|arrival| arrival.verdict.as_ref()) {
            return if verdict.is_valid() {
                ProofOutcome::Accepted
            } else {
                ProofOutcome::SignatureRefused
            };
        }
        match entry.status {
            Some(status) if (200..300).contains(&status) => ProofOutcome::Accepted,
            Some(401 | 403) => ProofOutcome::SignatureRefused,
            Some(_) => ProofOutcome::Refused,
            None => ProofOutcome::NoAnswer,
        }
    }
}

/// The proof's exchange (kept in the history) and its outcome.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecretProof {
    pub entry: HistoryEntry,
    /// What Textgate's own receiver recorded for it (its signature verdict), when it got it.
    pub arrival: Option<HistoryEntry>,
    pub outcome: ProofOutcome,
}

/// How long a proof to a loopback URL waits for the receiver's entry, and how often it looks.
const ARRIVAL_WAIT: Duration = Duration::from_millis(1500);
const ARRIVAL_POLL: Duration = Duration::from_millis(50);

impl Harness<'_> {
    /// Emulates an agent message signed with the profile's current secret to its callback URL
    /// (or `url`, such as the local receiver's) and judges the answer.
    pub async fn prove_secret(self, profile_id: &str, url: Option<&str>) -> Result<SecretProof> {
        let sent_at = crate::instant_text::format_rfc3339_millis(crate::clock::now_millis());
        let action = AgentAction::Text {
            chat_id: PROOF_CHAT_ID.into(),
            text: format!("Textgate secret check, {sent_at}"),
        };
        let entry = self
            .emulate_webitel(profile_id, &action, url)
            .await?
            .pop()
            .ok_or_else(|| CoreError::NoTarget("the proof sent nothing".into()))?;
        let arrival = if is_loopback(&entry.url) {
            self.arrival_of(&entry).await?
        } else {
            None
        };
        Ok(SecretProof {
            outcome: ProofOutcome::of(&entry, arrival.as_ref()),
            entry,
            arrival,
        })
    }

    /// Refuses, before anything changes, a proof that could not be sent: no http(s) callback
    /// URL (nor `url`), or a target the harness does not send to.
    pub fn check_proof_target(self, profile_id: &str, url: Option<&str>) -> Result<()> {
        let profile = self.ws.profiles().get(profile_id)?;
        let target = url
            .map(str::trim)
            .filter(|url| !url.is_empty())
            .unwrap_or(profile.callback.as_str());
        if !(target.starts_with("http://") || target.starts_with("https://")) {
            return Err(CoreError::NoTarget(format!(
                "\u{201c}{}\u{201d} has no callback URL to prove the secret at: set one or give a URL",
                profile.name
            )));
        }
        delivery::check_target(target)
            .map(|_| ())
            .map_err(CoreError::NoTarget)
    }

    /// The receiver's entry of `sent`, once the receiver session has stored it.
    async fn arrival_of(self, sent: &HistoryEntry) -> Result<Option<HistoryEntry>> {
        let query = HistoryQuery {
            chat_id: Some(PROOF_CHAT_ID.into()),
            limit: Some(50),
            ..HistoryQuery::default()
        };
        let started = Instant::now();
        loop {
            let page = self.ws.store().history_page(&query)?;
            if let Some(pair) = page.pairs.into_iter().find(|pair| pair.sent == sent.id) {
                return Ok(Some(pair.received));
            }
            if started.elapsed() >= ARRIVAL_WAIT {
                return Ok(None);
            }
            tokio::time::sleep(ARRIVAL_POLL).await;
        }
    }
}

fn is_loopback(url: &str) -> bool {
    match url::Url::parse(url)
        .ok()
        .and_then(|url| url.host().map(|host| host.to_owned()))
    {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
#[path = "secret_proof_tests.rs"]
mod tests;
