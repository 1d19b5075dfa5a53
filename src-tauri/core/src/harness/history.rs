//! The harness's evidence: every request it sent or received, as one [`HistoryEntry`] kept in
//! SQLite with its exact bytes (for replay), headers without credentials, status, timing and
//! signature verdict, plus the chat id and text pulled out of the body so the log can be
//! searched and grouped into per-chat transcripts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::delivery::{DeliveryFailure, Exchange, Signing};
use crate::chat::wire::Event;
use crate::signature::Verdict;

/// Where an entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Channel {
    /// Sent as the client's chat service to a gateway URI (send form, CLI `send`).
    Send,
    /// Sent as Webitel to a callback URL (emulated agent actions).
    Emulate,
    /// Received by the local receiver.
    Receive,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Send => "send",
            Channel::Emulate => "emulate",
            Channel::Receive => "receive",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Channel::Send, Channel::Emulate, Channel::Receive]
            .into_iter()
            .find(|channel| channel.as_str() == text)
    }
}

/// One request as stored. `body` and `response` are the bytes as text (lossy for non-UTF-8
/// bodies, which replay still sends exactly as stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub time: i64,
    pub profile_id: Option<String>,
    pub channel: Channel,
    /// The entry this one replays.
    #[ts(type = "number | null")]
    pub replay_of: Option<i64>,
    pub method: String,
    pub url: String,
    pub request_headers: Vec<(String, String)>,
    pub body: String,
    pub status: Option<u16>,
    pub response_headers: Vec<(String, String)>,
    pub response: String,
    #[ts(type = "number | null")]
    pub elapsed_micros: Option<u64>,
    /// How a sent request was signed.
    pub signing: Option<Signing>,
    /// What the receiver found in a received request's signature.
    pub verdict: Option<Verdict>,
    pub failure: Option<DeliveryFailure>,
    pub chat_id: Option<String>,
    pub text: Option<String>,
}

impl HistoryEntry {
    /// Sent and answered 2xx, or received and answered 2xx.
    pub fn delivered(&self) -> bool {
        self.status
            .is_some_and(|status| (200..300).contains(&status))
    }
}

/// A new entry, before it has an id.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub time: i64,
    pub profile_id: Option<String>,
    pub channel: Channel,
    pub replay_of: Option<i64>,
    pub method: String,
    pub url: String,
    pub request_headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub status: Option<u16>,
    pub response_headers: Vec<(String, String)>,
    pub response: Vec<u8>,
    pub elapsed_micros: Option<u64>,
    pub signing: Option<Signing>,
    pub verdict: Option<Verdict>,
    pub failure: Option<DeliveryFailure>,
}

impl NewEntry {
    /// A request the harness sent.
    pub fn sent(
        profile_id: Option<String>,
        channel: Channel,
        signing: Signing,
        exchange: Exchange,
    ) -> Self {
        NewEntry {
            time: crate::clock::now_millis(),
            profile_id,
            channel,
            replay_of: None,
            method: "POST".into(),
            url: exchange.url,
            request_headers: without_credentials(exchange.request_headers),
            body: exchange.request_body,
            status: exchange.status,
            response_headers: without_credentials(exchange.response_headers),
            response: exchange.response_body,
            elapsed_micros: Some(exchange.elapsed_micros),
            signing: Some(signing),
            verdict: None,
            failure: exchange.failure,
        }
    }
}

/// Search filters; empty ones match everything. Newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct HistoryQuery {
    pub profile_id: Option<String>,
    /// Exact chat id.
    pub chat_id: Option<String>,
    /// Part of the message text or the raw body, case-insensitive.
    pub text: Option<String>,
    /// `200`, `403`, a class such as `2xx`/`4xx`, or `failed` (no answer).
    pub status: Option<String>,
    pub channel: Option<Channel>,
    /// At most this many (default 200, at most 5000).
    pub limit: Option<u32>,
    /// Only what the harness sent, or only what its receiver got.
    #[ts(optional)]
    pub direction: Option<Direction>,
    /// Only entries older than this id: the cursor of the next page (keyset paging, so a
    /// request that arrives meanwhile neither repeats nor skips an entry).
    #[ts(optional, type = "number")]
    pub before: Option<i64>,
    /// Only entries at or after this instant (unix milliseconds).
    #[ts(optional, type = "number")]
    pub since: Option<i64>,
    /// Only entries at or before this instant (unix milliseconds).
    #[ts(optional, type = "number")]
    pub until: Option<i64>,
}

/// Which way a request went, as the history's direction filter says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Sent by the harness: to a gateway (send) or, as Webitel, to a callback (emulate).
    Sent,
    /// Received by the local receiver.
    Received,
}

impl Direction {
    /// The channels of this direction.
    pub fn channels(self) -> &'static [Channel] {
        match self {
            Direction::Sent => &[Channel::Send, Channel::Emulate],
            Direction::Received => &[Channel::Receive],
        }
    }
}

impl Channel {
    /// Sent by the harness (as opposed to received by its receiver).
    pub fn is_outbound(self) -> bool {
        self != Channel::Receive
    }
}

/// Headers that carry credentials, never stored.
const CREDENTIAL_HEADERS: [&str; 5] = [
    "authorization",
    "x-webitel-access",
    "cookie",
    "set-cookie",
    "proxy-authorization",
];

pub fn without_credentials(headers: Vec<(String, String)>) -> Vec<(String, String)> {
    headers
        .into_iter()
        .filter(|(name, _)| !CREDENTIAL_HEADERS.contains(&name.to_ascii_lowercase().as_str()))
        .collect()
}

/// The chat id and text of a webhook body, when it is one of the gateway's events.
pub fn chat_and_text(body: &[u8]) -> (Option<String>, Option<String>) {
    let Ok(event) = serde_json::from_slice::<Event>(body) else {
        return (None, None);
    };
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    if let Some(close) = &event.close {
        return (non_empty(&close.chat_id), None);
    }
    if let Some(broadcast) = &event.broadcast {
        let chat = non_empty(&broadcast.event_id).map(|id| format!("broadcast:{id}"));
        return (chat, non_empty(&broadcast.text));
    }
    match &event.message {
        Some(message) => (non_empty(&message.chat_id), non_empty(&message.text)),
        None => (None, None),
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
