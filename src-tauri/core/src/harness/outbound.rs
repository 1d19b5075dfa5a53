//! The Webitel -> client direction of a custom gateway: what Webitel POSTs to the callback URL
//! when an agent writes, sends a file, joins, leaves, closes the chat or a flow starts a
//! broadcast. [`compose`] gives the exact bodies, in order, as chat_manager's
//! `bot/custom/bot.go` (`SendNotify`, `BroadcastMessage`) builds them, so the emulator, the
//! send form and the tests all speak the server's bytes:
//!
//! - an agent's text is trimmed (Go's `strings.TrimSpace`) and not sent at all when empty;
//! - a file goes out as `{"message":{..,"file":{..}}}` only: the server copies the file and
//!   drops any caption, so [`AgentAction::File`]'s `text` never reaches the callback;
//! - `join` / `left` are ordinary text messages rendered from the Templates tab over the
//!   agent's account as given (the current gateway no longer splits a one-piece name as its
//!   older `contactPeer` did); a template that is missing or renders empty means no notice;
//! - closing renders `close` with no data, sends it as a text message when non-empty, then
//!   `{"close":{"chatId":..}}`;
//! - a broadcast needs recipients, text and every recipient's id, with the server's wording.
//!
//! A template that fails is an error and nothing is sent, as on the server.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chat::go_json;
use crate::chat::wire::{Broadcast, Close, Event, File, Message, Recipient};
use crate::gateway_templates::{parse_templates, TemplateKey};
use crate::profile::Templates;
use crate::template::{trim_space, Account, MissingKey, Value};
use crate::template_preview::SampleAccount;

/// Something that happens on Webitel's side of a chat and reaches the callback URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum AgentAction {
    /// The agent (or the flow) writes.
    Text {
        #[serde(rename = "chatId")]
        chat_id: String,
        text: String,
    },
    /// The agent sends a file; `text` is a caption ("" for none) that Webitel does not forward.
    File {
        #[serde(rename = "chatId")]
        chat_id: String,
        file: File,
        text: String,
    },
    /// An agent joins the chat: the `join` template over the agent's account.
    Join {
        #[serde(rename = "chatId")]
        chat_id: String,
        agent: SampleAccount,
    },
    /// An agent leaves the chat: the `left` template over the agent's account.
    Left {
        #[serde(rename = "chatId")]
        chat_id: String,
        agent: SampleAccount,
    },
    /// The agent closes the chat: the `close` template (no data), then the close event.
    Close {
        #[serde(rename = "chatId")]
        chat_id: String,
    },
    /// A flow starts a broadcast to these recipients.
    Broadcast {
        #[serde(rename = "eventId")]
        event_id: String,
        recipients: Vec<Recipient>,
        text: String,
        metadata: BTreeMap<String, String>,
    },
}

impl AgentAction {
    /// The chat the action belongs to in a transcript (a broadcast belongs to its event id,
    /// as the client's failure report does).
    pub fn transcript_chat(&self) -> String {
        match self {
            AgentAction::Text { chat_id, .. }
            | AgentAction::File { chat_id, .. }
            | AgentAction::Join { chat_id, .. }
            | AgentAction::Left { chat_id, .. }
            | AgentAction::Close { chat_id } => chat_id.clone(),
            AgentAction::Broadcast { event_id, .. } => format!("broadcast:{event_id}"),
        }
    }
}

/// Why Webitel would send nothing for an action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboundError {
    /// A template does not parse or render; the message is Go's `err.Error()`.
    #[error("{message}")]
    Template {
        key: TemplateKey,
        message: String,
        /// Textgate stopped it at one of its limits (work, output, nesting), not Go.
        over_budget: bool,
    },
    /// The server refuses the broadcast (`no peers were received`, `empty text message`, ...).
    #[error("{0}")]
    Broadcast(String),
    #[error("Cannot encode the event: {0}")]
    Encode(String),
}

/// The bodies Webitel POSTs to the callback for `action`, in order, each exactly as Go's
/// `json.Encoder` writes it (HTML-escaped, trailing newline). Empty when nothing is sent.
pub fn compose(
    action: &AgentAction,
    templates: &Templates,
    now_secs: i64,
) -> Result<Vec<Vec<u8>>, OutboundError> {
    events(action, templates, now_secs)?
        .iter()
        .map(|event| go_json::encode(event).map_err(|e| OutboundError::Encode(e.to_string())))
        .collect()
}

/// The events behind [`compose`]'s bodies.
pub fn events(
    action: &AgentAction,
    templates: &Templates,
    now_secs: i64,
) -> Result<Vec<Event>, OutboundError> {
    let text_message = |chat_id: &str, text: String| Event {
        message: Some(Message {
            chat_id: chat_id.to_string(),
            date: now_secs,
            text,
            ..Message::default()
        }),
        ..Event::default()
    };
    let notice = |chat_id: &str, text: String| {
        if text.is_empty() {
            Vec::new()
        } else {
            vec![text_message(chat_id, text)]
        }
    };
    Ok(match action {
        AgentAction::Text { chat_id, text } => notice(chat_id, trim_space(text).to_string()),
        AgentAction::File { chat_id, file, .. } => vec![Event {
            message: Some(Message {
                chat_id: chat_id.clone(),
                date: now_secs,
                file: Some(file.clone()),
                ..Message::default()
            }),
            ..Event::default()
        }],
        AgentAction::Join { chat_id, agent } => notice(
            chat_id,
            render(
                templates,
                TemplateKey::Join,
                &Account::from(agent).to_value(),
            )?,
        ),
        AgentAction::Left { chat_id, agent } => notice(
            chat_id,
            render(
                templates,
                TemplateKey::Left,
                &Account::from(agent).to_value(),
            )?,
        ),
        AgentAction::Close { chat_id } => {
            let mut events = notice(chat_id, render(templates, TemplateKey::Close, &Value::Nil)?);
            events.push(Event {
                close: Some(Close {
                    chat_id: chat_id.clone(),
                }),
                ..Event::default()
            });
            events
        }
        AgentAction::Broadcast {
            event_id,
            recipients,
            text,
            metadata,
        } => vec![Event {
            broadcast: Some(broadcast(event_id, recipients, text, metadata)?),
            ..Event::default()
        }],
    })
}

/// `Template.MessageText(key, data)`: "" when the key has no template, Go's error when the
/// gateway's templates do not parse (the server would not run it) or the key fails to render.
fn render(templates: &Templates, key: TemplateKey, data: &Value) -> Result<String, OutboundError> {
    let parsed = parse_templates(templates);
    if let Some((key, error)) = parsed.parse_errors.into_iter().next() {
        return Err(OutboundError::Template {
            key,
            message: error.go_message(),
            over_budget: error.limit.is_some(),
        });
    }
    if !parsed.set.contains(key.wire_name()) {
        return Ok(String::new());
    }
    parsed
        .set
        .render_bytes(key.wire_name(), data, MissingKey::Error)
        .map(|bytes| go_string(&bytes))
        .map_err(|error| OutboundError::Template {
            key,
            message: error.go_message(),
            over_budget: error.limit.is_some(),
        })
}

/// `BroadcastMessage`: each peer becomes a `{id, type}` lookup, then `SendBroadcast.Normalize`.
fn broadcast(
    event_id: &str,
    recipients: &[Recipient],
    text: &str,
    metadata: &BTreeMap<String, String>,
) -> Result<Broadcast, OutboundError> {
    if recipients.is_empty() {
        return Err(OutboundError::Broadcast("no peers were received".into()));
    }
    if text.is_empty() {
        return Err(OutboundError::Broadcast("empty text message".into()));
    }
    if let Some(i) = recipients.iter().position(|r| r.id.is_empty()) {
        return Err(OutboundError::Broadcast(format!(
            "recipient [{i}] has no id"
        )));
    }
    Ok(Broadcast {
        event_id: event_id.to_string(),
        recipients: recipients
            .iter()
            .map(|r| Recipient {
                id: r.id.clone(),
                kind: r.kind.clone(),
                ..Recipient::default()
            })
            .collect(),
        metadata: metadata.clone(),
        text: text.to_string(),
    })
}

/// Template output as Go's JSON encoder sees it: each byte of invalid UTF-8 becomes U+FFFD.
fn go_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.push_str(valid);
                return out;
            }
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = error.error_len().unwrap_or(after.len());
                out.extend(std::iter::repeat_n('\u{FFFD}', bad));
                rest = &after[bad..];
            }
        }
    }
}

#[cfg(test)]
#[path = "outbound_tests.rs"]
mod tests;
