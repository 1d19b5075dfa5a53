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
mod tests {
    use super::*;

    fn refused(body: &str) -> (u16, String) {
        let refusal = accept(body.as_bytes(), 1).unwrap_err();
        (refusal.status, String::from_utf8(refusal.body()).unwrap())
    }

    #[test]
    fn a_message_needs_sender_id_chat_and_text_or_file() {
        let ok = r#"{"message":{"id":"m-1","chatId":"c-1","sender":{"id":"u-1","type":"viber"},"text":"Hi"}}"#;
        let Inbound::Message(message) = accept(ok.as_bytes(), 1_710_000_000).unwrap() else {
            panic!("a message")
        };
        assert_eq!(
            (message.chat_id.as_str(), message.date),
            ("c-1", 1_710_000_000)
        );
        let file = r#"{"message":{"chatId":"c-1","sender":{"id":"u"},"date":5,"file":{"url":"https://x/a.png"}}}"#;
        assert!(matches!(accept(file.as_bytes(), 1), Ok(Inbound::Message(m)) if m.date == 5));

        assert_eq!(
            refused(r#"{"message":{"chatId":"c","text":"x"}}"#),
            (500, "{\"error\":\"custom: sender is empty\"}\n".into())
        );
        assert_eq!(
            refused(r#"{"message":{"chatId":"c","sender":{},"text":"x"}}"#).1,
            "{\"error\":\"custom: sender id is empty\"}\n"
        );
        assert_eq!(
            refused(r#"{"message":{"chatId":"c","sender":{"id":"u"}}}"#).1,
            "{\"error\":\"custom: message with no payload\"}\n"
        );
        assert_eq!(
            refused(r#"{"message":{"sender":{"id":"u"},"text":"x"}}"#).1,
            "{\"error\":\"custom: chat id is empty\"}\n"
        );
        assert_eq!(
            refused("{}").1,
            "{\"error\":\"custom: no valid payload\"}\n"
        );
    }

    #[test]
    fn close_wins_over_broadcast_over_message() {
        let all = r#"{"message":{"chatId":"c","sender":{"id":"u"},"text":"x"},"broadcast":{"eventId":"e"},"close":{"chatId":"c-2"}}"#;
        assert!(matches!(accept(all.as_bytes(), 1), Ok(Inbound::Close(c)) if c.chat_id == "c-2"));
        let two = r#"{"message":{"chatId":"c","sender":{"id":"u"},"text":"x"},"broadcast":{"eventId":"e","recipients":[{"id":"u-1","type":"telegram","error":"blocked"}]}}"#;
        assert!(
            matches!(accept(two.as_bytes(), 1), Ok(Inbound::BroadcastReport(b)) if b.recipients[0].error == "blocked")
        );
        assert_eq!(refused(r#"{"close":{}}"#).0, 500);
        let (status, answer) = refused(r#"{"broadcast":{"recipients":[]}}"#);
        assert_eq!(status, 500);
        assert!(
            answer.contains("event id required for the broadcast response"),
            "{answer}"
        );
    }

    #[test]
    fn every_refusal_is_a_500_with_the_reason() {
        for body in [
            "",
            "not json",
            "{\"message\":",
            "{\"message\":{\"date\":\"soon\"}}",
            "[]",
        ] {
            let (status, answer) = refused(body);
            assert_eq!(status, 500, "{body:?}");
            assert!(answer.starts_with("{\"error\":\"custom: "), "{answer}");
        }
        assert_eq!(refused("null").0, 500);
        assert_eq!(success_body(), b"{\"success\":true}\n");
    }
}
