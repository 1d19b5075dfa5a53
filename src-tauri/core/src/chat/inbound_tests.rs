//! Unit tests of `inbound.rs`.

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
