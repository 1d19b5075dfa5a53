//! How Webitel's custom gateway judges a signed inbound body (chat_manager `bot/custom`
//! `WebHook`): a close needs a `chatId`, a broadcast report an `eventId`, a message a sender
//! with an id, a `chatId`, and text or a file; close wins over broadcast, which wins over
//! message. Every refusal, undecodable bytes included, is a 500 reading
//! `{"error":"custom: <reason>"}` (the handler's error passed through `returnErrorToResp`).

use super::go_json;
use super::wire::{Answer, Broadcast, Close, Event, Message};

/// An inbound event the server accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inbound {
    Message(Message),
    Close(Close),
    /// The client's report of broadcast recipients it could not reach.
    BroadcastReport(Broadcast),
}

/// The answer to a refused event: status and body, as the server sends them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub reason: String,
}

impl Refusal {
    fn new(status: u16, reason: impl Into<String>) -> Self {
        Self {
            status,
            reason: reason.into(),
        }
    }

    /// `{"error":"custom: <reason>"}\n`
    pub fn body(&self) -> Vec<u8> {
        go_json::encode(&Answer {
            success: false,
            error: format!("custom: {}", self.reason),
        })
        .unwrap_or_default()
    }
}

/// `{"success":true}\n`
pub fn success_body() -> Vec<u8> {
    go_json::encode(&Answer {
        success: true,
        error: String::new(),
    })
    .unwrap_or_default()
}

/// Decodes and checks `body`; `now` (unix seconds) fills a missing message date.
pub fn accept(body: &[u8], now: i64) -> Result<Inbound, Refusal> {
    let json: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| Refusal::new(500, e.to_string()))?;
    // Go decodes `null` into an empty event and refuses anything but an object.
    let event: Event = match json {
        serde_json::Value::Null => Event::default(),
        serde_json::Value::Object(_) => {
            serde_json::from_value(json).map_err(|e| Refusal::new(500, e.to_string()))?
        }
        other => {
            let kind = match other {
                serde_json::Value::Array(_) => "array",
                serde_json::Value::String(_) => "string",
                serde_json::Value::Number(_) => "number",
                _ => "bool",
            };
            return Err(Refusal::new(
                500,
                format!("json: cannot unmarshal {kind} into Go value of type custom.ReceiveEvent"),
            ));
        }
    };
    if let Some(close) = event.close {
        if close.chat_id.is_empty() {
            return Err(Refusal::new(500, "chat id is empty"));
        }
        return Ok(Inbound::Close(close));
    }
    if let Some(report) = event.broadcast {
        if report.event_id.is_empty() {
            // A go-micro BadRequest, whose Error() is its JSON.
            return Err(Refusal::new(
                500,
                r#"{"id":"custom.bot.handle_broadcast.check_args.event_id","code":400,"detail":"event id required for the broadcast response","status":"Bad Request"}"#,
            ));
        }
        return Ok(Inbound::BroadcastReport(report));
    }
    let Some(mut message) = event.message else {
        return Err(Refusal::new(500, "no valid payload"));
    };
    let Some(sender) = &message.sender else {
        return Err(Refusal::new(500, "sender is empty"));
    };
    if sender.id.is_empty() {
        return Err(Refusal::new(500, "sender id is empty"));
    }
    if message.text.is_empty() && message.file.is_none() {
        return Err(Refusal::new(500, "message with no payload"));
    }
    if message.chat_id.is_empty() {
        return Err(Refusal::new(500, "chat id is empty"));
    }
    if message.date == 0 {
        message.date = now;
    }
    Ok(Inbound::Message(message))
}

#[cfg(test)]
#[path = "inbound_tests.rs"]
mod tests;
