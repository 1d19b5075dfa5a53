//! The events an admin composes in the send form, acting as the client's chat service: a chat
//! message, a close, or a broadcast failure report. Encoded compactly, as a typical client
//! would; the raw editor then owns the bytes, and those exact bytes are what gets signed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chat::wire::{Broadcast, Close, Event, File, Message, Recipient, Sender};

/// Messenger kinds offered as `sender.type` presets (the flow's `source` variable).
pub const SENDER_TYPES: [&str; 7] = [
    "telegram",
    "viber",
    "whatsapp",
    "facebook",
    "instagram",
    "web",
    "email",
];

/// One client -> Webitel event as the send form describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
// One short-lived value per send: boxing the big variant would only complicate the IPC type.
#[allow(clippy::large_enum_variant)]
pub enum InboundDraft {
    Message {
        #[serde(rename = "chatId")]
        chat_id: String,
        /// The client's message id; empty leaves it out.
        #[serde(rename = "messageId")]
        message_id: String,
        sender: Sender,
        text: String,
        file: Option<File>,
        metadata: BTreeMap<String, String>,
        /// Unix seconds; 0 leaves it out (the server uses "now").
        #[ts(type = "number")]
        date: i64,
    },
    Close {
        #[serde(rename = "chatId")]
        chat_id: String,
    },
    BroadcastFailure {
        #[serde(rename = "eventId")]
        event_id: String,
        recipients: Vec<Recipient>,
    },
}

impl InboundDraft {
    /// The wire event, fields left empty omitted as the server's Go types omit them.
    pub fn to_event(&self) -> Event {
        match self {
            InboundDraft::Message {
                chat_id,
                message_id,
                sender,
                text,
                file,
                metadata,
                date,
            } => Event {
                message: Some(Message {
                    id: message_id.clone(),
                    chat_id: chat_id.clone(),
                    sender: Some(sender.clone()),
                    date: *date,
                    text: text.clone(),
                    file: file.clone().filter(|file| *file != File::default()),
                    metadata: metadata.clone(),
                }),
                ..Event::default()
            },
            InboundDraft::Close { chat_id } => Event {
                close: Some(Close {
                    chat_id: chat_id.clone(),
                }),
                ..Event::default()
            },
            InboundDraft::BroadcastFailure {
                event_id,
                recipients,
            } => Event {
                broadcast: Some(Broadcast {
                    event_id: event_id.clone(),
                    recipients: recipients.clone(),
                    ..Broadcast::default()
                }),
                ..Event::default()
            },
        }
    }

    /// The body to send: compact JSON, no trailing newline.
    pub fn encode(&self) -> String {
        // Plain structs of strings and numbers always serialize.
        serde_json::to_string(&self.to_event()).unwrap_or_default()
    }

    /// A text message, the common case (CLI `send --text`).
    pub fn text(chat_id: &str, sender_id: &str, sender_type: &str, text: &str) -> Self {
        InboundDraft::Message {
            chat_id: chat_id.into(),
            message_id: String::new(),
            sender: Sender {
                id: sender_id.into(),
                kind: sender_type.into(),
                ..Sender::default()
            },
            text: text.into(),
            file: None,
            metadata: BTreeMap::new(),
            date: 0,
        }
    }
}

#[cfg(test)]
#[path = "compose_tests.rs"]
mod tests;
