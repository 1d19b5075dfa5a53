//! The custom gateway's webhook events (chat_manager `bot/custom/model.go`), field for field and
//! in the same order, with Go's `omitempty` as `skip_serializing_if`, so that encoding one with
//! [`super::go_json::encode`] gives the very bytes Webitel would sign.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// A chat message, either direction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Message {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(rename = "chatId", default, skip_serializing_if = "String::is_empty")]
    pub chat_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// Unix seconds; 0 (absent) means "now" on the server.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[ts(type = "number")]
    pub date: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<File>,
    /// String variables for the flow (first message of a chat only).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Sender {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// telegram, viber, whatsapp, facebook, instagram, web, email, ... (the flow's `source`).
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nickname: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct File {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mime: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    #[ts(type = "number")]
    pub size: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// `{"chatId": ...}`, never omitted (no `omitempty` in Go).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Close {
    #[serde(rename = "chatId", default)]
    pub chat_id: String,
}

/// A broadcast recipient (`Lookup` out, `FailedRecipient` back with `error`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Recipient {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub error: String,
}

/// A broadcast: Webitel's start of one (with text) or the client's failure report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Broadcast {
    #[serde(rename = "eventId", default)]
    pub event_id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// One webhook body, either direction: at most one of the three in practice; when several are
/// present the server handles close, else broadcast, else message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Event {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close: Option<Close>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast: Option<Broadcast>,
}

/// The webhook's answer: `{"success":true}` or `{"error":"custom: ..."}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub success: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub error: String,
}
