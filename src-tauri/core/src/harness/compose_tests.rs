//! Unit tests of `compose.rs`.

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
