//! The harness as the app and the CLI use it on a saved profile: send the client's events to
//! the gateway URI, record what the local receiver gets, search the history and replay any
//! entry with its exact bytes (or re-signed with the profile's current secret). Every request
//! is written to the history before the caller sees it, so the evidence is never lost.

use super::{Harness, Workspace};
use crate::error::{CoreError, Result};
use crate::harness::delivery::{
    self, post, signed_headers, DeliveryFailure, FailureKind, HarnessClient, Signing,
};
use crate::harness::history::{Channel, HistoryEntry, HistoryQuery, NewEntry};
use crate::harness::history_page::HistoryPage;
use crate::harness::receiver::{Answered, ReceivedRequest};
use crate::profile_views::ProfileView;
use crate::sensitive::Sensitive;
use crate::signature::Verdict;

impl Workspace {
    /// The profile's app secret, or a clear error naming the profile.
    pub(crate) fn harness_secret(&self, profile: &ProfileView) -> Result<Sensitive<String>> {
        profile
            .secret
            .clone()
            .filter(|secret| !secret.expose().is_empty())
            .ok_or_else(|| CoreError::NoSecret(profile.name.clone()))
    }

    /// The client that sends for `profile`: it trusts the private CA of the profile's server,
    /// which serves the gateway URIs too.
    pub(crate) fn harness_client(&self, profile_id: Option<&str>) -> Result<HarnessClient> {
        let server_id = match profile_id {
            Some(id) => self.store().find_profile(id)?.and_then(|p| p.server_id),
            None => None,
        };
        let ca_pem = match server_id {
            Some(id) => self.store().find_server(&id)?.and_then(|s| s.ca_pem),
            None => None,
        };
        Ok(HarnessClient::new(ca_pem.as_deref())?)
    }
}

impl Harness<'_> {
    /// Where the client's events for `profile` go: `url` when given, else the full webhook URL.
    pub fn gateway_target(self, profile: &ProfileView, url: Option<&str>) -> Result<String> {
        let target = url.map(str::trim).filter(|url| !url.is_empty());
        let target = target.unwrap_or(profile.webhook_url.as_str());
        if target.starts_with("http://") || target.starts_with("https://") {
            delivery::check_target(target).map_err(CoreError::NoTarget)?;
            return Ok(target.to_string());
        }
        Err(CoreError::NoTarget(format!(
            "\u{201c}{}\u{201d} has no server, so its URI {} is not an address to send to: \
             pick a server or give a URL (such as https://host/chat/{})",
            profile.name,
            profile.uri,
            profile.uri.trim_start_matches('/')
        )))
    }

    /// Signs `body` as asked and POSTs it to the profile's gateway URI (or `url`), acting as
    /// the client's chat service; the exchange is stored in the history.
    pub async fn send_to_gateway(
        self,
        profile_id: &str,
        body: Vec<u8>,
        signing: Signing,
        url: Option<&str>,
    ) -> Result<HistoryEntry> {
        let profile = self.ws.profiles().get(profile_id)?;
        let target = self.gateway_target(&profile, url)?;
        let secret = self.ws.harness_secret(&profile)?;
        let exchange = delivery::deliver(
            &self.ws.harness_client(Some(&profile.id))?,
            &target,
            &body,
            secret.expose().as_bytes(),
            signing,
        )
        .await;
        self.ws.store().insert_history(NewEntry::sent(
            Some(profile.id),
            Channel::Send,
            signing,
            exchange,
        ))
    }

    /// Stores what the local receiver got (at `url`, the receiver's address) for `profile_id`.
    pub fn record_received(
        self,
        profile_id: Option<&str>,
        url: &str,
        request: &ReceivedRequest,
    ) -> Result<HistoryEntry> {
        self.ws
            .store()
            .insert_history(received_entry(profile_id, url, request))
    }

    /// [`Self::record_received`] for many requests in one transaction, in their order.
    pub fn record_received_batch(
        self,
        profile_id: Option<&str>,
        url: &str,
        requests: &[ReceivedRequest],
    ) -> Result<Vec<HistoryEntry>> {
        let entries = requests
            .iter()
            .map(|request| received_entry(profile_id, url, request))
            .collect();
        self.ws.store().insert_history_batch(entries)
    }

    pub fn search_history(self, query: &HistoryQuery) -> Result<Vec<HistoryEntry>> {
        self.ws.store().search_history(query)
    }

    /// A page of the history: its matches, their total, the next page's cursor and the round
    /// trips (a sent request the local receiver got) in it.
    pub fn history_page(self, query: &HistoryQuery) -> Result<HistoryPage> {
        self.ws.store().history_page(query)
    }

    /// One entry (its body as text; replay sends the stored bytes).
    pub fn history_entry(self, id: i64) -> Result<HistoryEntry> {
        Ok(self.ws.store().history_request(id)?.entry)
    }

    pub fn clear_history(self, profile_id: Option<&str>) -> Result<usize> {
        self.ws.store().clear_history(profile_id)
    }

    /// Sends entry `id` again to the URL it went to (or arrived at), with byte-identical body:
    /// with the recorded headers as they were, or re-signed with the profile's current secret.
    pub async fn replay(self, id: i64, resign: bool) -> Result<HistoryEntry> {
        let stored = self.ws.store().history_request(id)?;
        let original = stored.entry;
        let (headers, signing) = if resign {
            let profile_id = original.profile_id.as_deref().ok_or_else(|| {
                CoreError::NoTarget(format!(
                    "History entry {id} belongs to no profile, so there is no secret to sign it with: replay it as recorded"
                ))
            })?;
            let profile = self.ws.profiles().get(profile_id)?;
            let secret = self.ws.harness_secret(&profile)?;
            (
                signed_headers(secret.expose().as_bytes(), &stored.body, Signing::Correct),
                Signing::Correct,
            )
        } else {
            (
                replayable_headers(&original.request_headers),
                recorded_signing(&original),
            )
        };
        let client = self.ws.harness_client(original.profile_id.as_deref())?;
        let exchange = post(&client, &original.url, stored.body, headers).await;
        // Replaying what the receiver got means acting as Webitel toward the callback again.
        let channel = match original.channel {
            Channel::Receive => Channel::Emulate,
            channel => channel,
        };
        let mut entry = NewEntry::sent(original.profile_id, channel, signing, exchange);
        entry.replay_of = Some(original.id);
        self.ws.store().insert_history(entry)
    }
}

/// The history entry of a request the receiver got at `url` (the receiver's address).
fn received_entry(profile_id: Option<&str>, url: &str, request: &ReceivedRequest) -> NewEntry {
    // The receiver's address with the path the request actually came to.
    let full_url = match url::Url::parse(url) {
        Ok(mut address) => {
            address.set_path(&request.path);
            address.to_string()
        }
        Err(_) => format!("{url}{}", request.path),
    };
    NewEntry {
        time: request.time,
        profile_id: profile_id.map(str::to_string),
        channel: Channel::Receive,
        replay_of: None,
        method: request.method.clone(),
        url: full_url,
        request_headers: crate::harness::history::without_credentials(request.headers.clone()),
        body: request.body.clone(),
        status: request.status(),
        response_headers: Vec::new(),
        response: Vec::new(),
        elapsed_micros: None,
        signing: None,
        verdict: Some(request.verdict.clone()),
        failure: not_answered(request.answered),
    }
}

/// Why a received request got no HTTP answer (the receiver's plan dropped or hung it).
fn not_answered(answered: Answered) -> Option<DeliveryFailure> {
    let (kind, message) = match answered {
        Answered::Status(_) => return None,
        Answered::Dropped => (
            FailureKind::Dropped,
            "Dropped: the receiver closed the connection without an answer",
        ),
        Answered::Hung => (
            FailureKind::Hung,
            "Never answered: the receiver kept the request waiting",
        ),
    };
    Some(DeliveryFailure {
        kind,
        message: message.into(),
    })
}

/// The recorded headers worth sending again: content type and signature, not the transport's
/// own (Host, Content-Length, ... are the client's to set).
fn replayable_headers(recorded: &[(String, String)]) -> Vec<(String, String)> {
    recorded
        .iter()
        .filter(|(name, _)| {
            let name = name.to_ascii_lowercase();
            name == "content-type" || name == "x-webitel-sign" || name.starts_with("webhook-")
        })
        .cloned()
        .collect()
}

fn recorded_signing(entry: &HistoryEntry) -> Signing {
    match (&entry.signing, &entry.verdict) {
        (Some(signing), _) => *signing,
        (None, Some(Verdict::Valid)) => Signing::Correct,
        (None, Some(Verdict::Invalid(_))) => Signing::Wrong,
        _ => Signing::Unsigned,
    }
}

#[cfg(test)]
#[path = "harness_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "harness_tls_tests.rs"]
mod tls_tests;
