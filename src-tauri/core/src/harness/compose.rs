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
mod tests {
    use super::*;
    use crate::chat::inbound::{accept, Inbound};

    #[test]
    fn a_text_message_encodes_compactly_and_the_server_accepts_it() {
        let draft = InboundDraft::text("c-1", "u-1", "viber", "Hi <there>!");
        let body = draft.encode();
        assert_eq!(
            body,
            r#"{"message":{"chatId":"c-1","sender":{"id":"u-1","type":"viber"},"text":"Hi <there>!"}}"#
        );
        assert!(matches!(
            accept(body.as_bytes(), 1),
            Ok(Inbound::Message(_))
        ));
    }

    #[test]
    fn every_field_of_a_full_message_goes_out_in_the_servers_order() {
        let draft = InboundDraft::Message {
            chat_id: "c-2".into(),
            message_id: "m-1".into(),
            sender: Sender {
                id: "u-1".into(),
                kind: "telegram".into(),
                name: "John Doe".into(),
                nickname: "jd".into(),
            },
            text: String::new(),
            file: Some(File {
                url: "https://example.com/a.png".into(),
                mime: "image/png".into(),
                size: 179491,
                name: "a.png".into(),
            }),
            metadata: BTreeMap::from([("extra_var".to_string(), "my_value".to_string())]),
            date: 1710348821,
        };
        assert_eq!(
            draft.encode(),
            r#"{"message":{"id":"m-1","chatId":"c-2","sender":{"id":"u-1","type":"telegram","name":"John Doe","nickname":"jd"},"date":1710348821,"file":{"url":"https://example.com/a.png","mime":"image/png","size":179491,"name":"a.png"},"metadata":{"extra_var":"my_value"}}}"#
        );
    }

    #[test]
    fn close_and_broadcast_reports_have_their_wire_shapes() {
        let close = InboundDraft::Close {
            chat_id: "c-1".into(),
        };
        assert_eq!(close.encode(), r#"{"close":{"chatId":"c-1"}}"#);
        let report = InboundDraft::BroadcastFailure {
            event_id: "e-1".into(),
            recipients: vec![Recipient {
                id: "u-1".into(),
                kind: "telegram".into(),
                error: "blocked".into(),
                ..Recipient::default()
            }],
        };
        assert_eq!(
            report.encode(),
            r#"{"broadcast":{"eventId":"e-1","recipients":[{"id":"u-1","type":"telegram","error":"blocked"}]}}"#
        );
    }

    #[test]
    fn an_empty_file_is_left_out() {
        let mut draft = InboundDraft::text("c", "u", "web", "x");
        if let InboundDraft::Message { file, .. } = &mut draft {
            *file = Some(File::default());
        }
        assert!(!draft.encode().contains("file"));
    }
}
