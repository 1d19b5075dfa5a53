//! Unit tests of `history.rs`.

use super::*;

#[test]
fn credentials_are_dropped_and_the_signature_kept() {
    let kept = without_credentials(vec![
        ("X-Webitel-Access".into(), "token".into()),
        ("authorization".into(), "Bearer x".into()),
        ("X-Webitel-Sign".into(), "abc".into()),
    ]);
    assert_eq!(
        kept,
        vec![("X-Webitel-Sign".to_string(), "abc".to_string())]
    );
}

#[test]
fn chat_and_text_come_from_each_event_shape() {
    let pick = |body: &str| chat_and_text(body.as_bytes());
    assert_eq!(
        pick(r#"{"message":{"chatId":"c-1","text":"Hi"}}"#),
        (Some("c-1".into()), Some("Hi".into()))
    );
    assert_eq!(
        pick(r#"{"close":{"chatId":"c-2"}}"#),
        (Some("c-2".into()), None)
    );
    assert_eq!(
        pick(r#"{"broadcast":{"eventId":"e","text":"News"}}"#),
        (Some("broadcast:e".into()), Some("News".into()))
    );
    assert_eq!(pick("not json"), (None, None));
}
