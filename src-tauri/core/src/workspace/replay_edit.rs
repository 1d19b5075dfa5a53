//! Replay with edits (issue J): a history entry opened as a draft (target, the headers that
//! matter, body), edited, and sent re-signed with the profile's current secret, with its old
//! signature, or unsigned; the new exchange is a history entry of its own with `replay_of`
//! naming the original. A pasted cURL command is sent the same way, with no original.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Harness;
use crate::error::{CoreError, Result};
use crate::harness::curl::relevant_headers;
use crate::harness::delivery::{self, post, Signing};
use crate::harness::history::{Channel, HistoryEntry, NewEntry};
use crate::signature::{webitel_sign, webitel_verify, Verdict, WEBITEL_HEADER};

/// How an edited request is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReplaySigning {
    /// `X-Webitel-Sign` computed over the (edited) body with the profile's current secret.
    Resign,
    /// The signature the request carries: the recorded one, unless the headers give another.
    Keep,
    /// No `X-Webitel-Sign` at all.
    Unsigned,
}

/// A history entry as the resend form opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplayDraft {
    #[ts(type = "number")]
    pub id: i64,
    /// The channel a resend goes out on (what the receiver got is resent as Webitel).
    pub channel: Channel,
    pub url: String,
    /// The headers that matter, without the signature (the signing choice sets that).
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// `body` is the exact bytes (false: they are not UTF-8, and an unedited resend sends the
    /// stored bytes).
    pub exact: bool,
    /// The recorded `X-Webitel-Sign`, if any.
    pub signature: Option<String>,
}

/// What to send instead of the recorded request; `None` keeps the recorded part.
#[derive(Debug, Clone, Default)]
pub struct ReplayEdits {
    pub url: Option<String>,
    /// Every header to send (the signature aside, which `signing` decides).
    pub headers: Option<Vec<(String, String)>>,
    pub body: Option<Vec<u8>>,
}

/// A request to send as given (a pasted cURL command, or an edited replay).
#[derive(Debug, Clone)]
pub struct EditedRequest {
    pub channel: Channel,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub signing: ReplaySigning,
}

fn is_signature(name: &str) -> bool {
    name.eq_ignore_ascii_case(WEBITEL_HEADER)
}

impl Harness<'_> {
    /// Entry `id` as a draft to edit and send again.
    pub fn replay_draft(self, id: i64) -> Result<ReplayDraft> {
        let stored = self.ws.store().history_request(id)?;
        let entry = stored.entry;
        let relevant = relevant_headers(&entry.request_headers);
        let signature = relevant
            .iter()
            .find(|(name, _)| is_signature(name))
            .map(|(_, value)| value.clone());
        Ok(ReplayDraft {
            id,
            channel: resend_channel(entry.channel),
            url: entry.url,
            headers: relevant
                .into_iter()
                .filter(|(n, _)| !is_signature(n))
                .collect(),
            exact: std::str::from_utf8(&stored.body).is_ok(),
            body: entry.body,
            signature,
        })
    }

    /// Sends entry `id` again with `edits`, signed as `signing` says; the new entry replays it.
    pub async fn replay_edited(
        self,
        id: i64,
        edits: ReplayEdits,
        signing: ReplaySigning,
    ) -> Result<HistoryEntry> {
        let stored = self.ws.store().history_request(id)?;
        let draft = self.replay_draft(id)?;
        let mut headers = edits.headers.unwrap_or(draft.headers);
        if signing == ReplaySigning::Keep && !headers.iter().any(|(n, _)| is_signature(n)) {
            if let Some(signature) = draft.signature {
                headers.push((WEBITEL_HEADER.into(), signature));
            }
        }
        let request = EditedRequest {
            channel: draft.channel,
            url: edits.url.unwrap_or(draft.url),
            headers,
            body: edits.body.unwrap_or(stored.body),
            signing,
        };
        let profile_id = stored.entry.profile_id;
        self.send_edited(profile_id.as_deref(), request, Some(id))
            .await
    }

    /// Sends `request` for `profile_id` (whose secret re-signs or checks a kept signature) and
    /// records it, as a replay of `replay_of` when given.
    pub async fn send_edited(
        self,
        profile_id: Option<&str>,
        request: EditedRequest,
        replay_of: Option<i64>,
    ) -> Result<HistoryEntry> {
        check_headers(&request.headers)?;
        let url = request.url.trim().to_string();
        delivery::check_target(&url).map_err(CoreError::NoTarget)?;
        let secret = match profile_id {
            Some(id) => {
                let profile = self.ws.profiles().get(id)?;
                match request.signing {
                    ReplaySigning::Resign => Some(self.ws.harness_secret(&profile)?),
                    _ => profile.secret.filter(|secret| !secret.expose().is_empty()),
                }
            }
            None if request.signing == ReplaySigning::Resign => {
                return Err(CoreError::NoTarget(
                    "This request belongs to no profile, so there is no secret to sign it with: keep its signature or send it unsigned".into(),
                ))
            }
            None => None,
        };
        let mut headers = relevant_headers(&request.headers);
        if request.signing != ReplaySigning::Keep {
            headers.retain(|(name, _)| !is_signature(name));
        }
        let signing = match (request.signing, &secret) {
            (ReplaySigning::Resign, Some(secret)) => {
                let signature = webitel_sign(secret.expose().as_bytes(), &request.body);
                headers.push((WEBITEL_HEADER.into(), signature));
                Signing::Correct
            }
            (ReplaySigning::Unsigned, _) | (ReplaySigning::Resign, None) => Signing::Unsigned,
            (ReplaySigning::Keep, secret) => kept_signing(&headers, &request.body, secret.as_ref()),
        };
        let client = self.ws.harness_client(profile_id)?;
        let exchange = post(&client, &url, request.body, headers).await;
        let mut entry = NewEntry::sent(
            profile_id.map(str::to_string),
            request.channel,
            signing,
            exchange,
        );
        entry.replay_of = replay_of;
        self.ws.store().insert_history(entry)
    }
}

/// Every header is one HTTP can carry (a name of token characters, a value without line breaks).
fn check_headers(headers: &[(String, String)]) -> Result<()> {
    use reqwest::header::{HeaderName, HeaderValue};
    for (name, value) in headers {
        if HeaderName::from_bytes(name.as_bytes()).is_err() || HeaderValue::from_str(value).is_err()
        {
            return Err(CoreError::InvalidCurl(format!(
                "The header \u{201c}{}: {}\u{201d} cannot be sent: a name is letters, digits and -, a value has no line breaks",
                crate::error_text::shown(&name.escape_debug().to_string()),
                crate::error_text::shown(&value.escape_debug().to_string())
            )));
        }
    }
    Ok(())
}

/// A resend of what the receiver got acts as Webitel toward the callback again.
fn resend_channel(channel: Channel) -> Channel {
    match channel {
        Channel::Receive => Channel::Emulate,
        other => other,
    }
}

/// What a kept signature is worth over `body`: checked with the secret when there is one; a
/// signature that cannot be checked is not claimed to be correct.
fn kept_signing(
    headers: &[(String, String)],
    body: &[u8],
    secret: Option<&crate::sensitive::Sensitive<String>>,
) -> Signing {
    let Some((_, signature)) = headers.iter().find(|(name, _)| is_signature(name)) else {
        return Signing::Unsigned;
    };
    match secret {
        Some(secret) => {
            match webitel_verify(secret.expose().as_bytes(), body, Some(signature.as_str())) {
                Verdict::Valid => Signing::Correct,
                _ => Signing::Wrong,
            }
        }
        None => Signing::Wrong,
    }
}

#[cfg(test)]
#[path = "replay_edit_tests.rs"]
mod tests;
