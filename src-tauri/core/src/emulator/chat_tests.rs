//! The emulator's chat webhook over real HTTP: methods, unknown and stopped gateways, the
//! signature over the raw bytes, the event rules, and the transcript of accepted bodies.
//! Open chats on a stopped gateway are in `chat_stopped_tests`.

use super::*;
use crate::signature::webitel_sign;
use crate::webitel::wire::{Bot, Lookup, Metadata};

pub(super) const SECRET: &str = "gatewaySecret42";

/// Webitel's answer to a message or close that would open a chat on a stopped gateway
/// (`bot/gateway.go` `GetChannel` -> `bot/custom/bot.go` `returnErrorToResp`).
pub(super) const BOT_DISABLED_ANSWER: &str = concat!(
    r#"{"error":"custom: {\"id\":\"chat.bot.channel.disabled\",\"code\":502,"#,
    r#"\"detail\":\"chat: bot is disabled\",\"status\":\"Bad Gateway\"}"}"#,
    "\n"
);

/// A custom gateway at `uri` as stored on the server: flow 7, `secret`, callback `callback`.
pub(super) fn custom_gateway(uri: &str, callback: &str, secret: &str, enabled: bool) -> Bot {
    let mut metadata = Metadata::default();
    metadata.0.insert(Metadata::SECRET.into(), secret.into());
    metadata.0.insert(Metadata::WEBHOOK.into(), callback.into());
    Bot {
        name: uri.into(),
        uri: uri.into(),
        provider: "custom".into(),
        enabled,
        flow: Some(Lookup {
            id: Some(7),
            name: None,
        }),
        metadata,
        ..Bot::default()
    }
}

pub(super) fn gateway(uri: &str, enabled: bool) -> Bot {
    custom_gateway(uri, "http://127.0.0.1:9/hook", SECRET, enabled)
}

pub(super) async fn post(url: &str, body: &[u8], signature: Option<String>) -> (u16, String) {
    let mut request = reqwest::Client::new().post(url).body(body.to_vec());
    if let Some(signature) = signature {
        request = request.header("X-Webitel-Sign", signature);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn the_webhook_checks_method_gateway_and_signature() {
    let emulator = Emulator::new("tok");
    emulator.insert_bot(gateway("/live", true));
    emulator.insert_bot(gateway("/stopped", false));
    let running = emulator.spawn().await.unwrap();
    let url = format!("{}/chat/live", running.base_url());
    let body = br#"{"message":{"chatId":"c-1","sender":{"id":"u-1"},"text":"Hi"}}"#;
    let signed = || Some(webitel_sign(SECRET.as_bytes(), body));

    let get = reqwest::get(&url).await.unwrap();
    assert_eq!(get.status().as_u16(), 405);
    assert_eq!(
        post(&format!("{}/chat/nope", running.base_url()), body, signed())
            .await
            .0,
        404
    );
    assert_eq!(
        post(
            &format!("{}/chat/stopped", running.base_url()),
            body,
            signed()
        )
        .await,
        (500, BOT_DISABLED_ANSWER.into()),
        "a stopped gateway is served but opens no chat"
    );
    assert_eq!(post(&url, body, None).await, (403, String::new()));
    assert_eq!(
        post(&url, body, Some(webitel_sign(b"other", body))).await,
        (403, String::new())
    );
    assert_eq!(
        post(&url, body, signed().map(|s| s.to_uppercase())).await.0,
        403
    );
    assert!(emulator.chat_log().is_empty());

    assert_eq!(
        post(&url, body, signed()).await,
        (200, "{\"success\":true}\n".into())
    );
    let log = emulator.chat_log();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].chat_id.as_str(), log[0].direction),
        ("c-1", Direction::Inbound)
    );
    assert_eq!(log[0].body, body);
}

#[tokio::test]
async fn signed_but_malformed_events_get_the_servers_answers() {
    let emulator = Emulator::new("tok");
    emulator.insert_bot(gateway("/live", true));
    let running = emulator.spawn().await.unwrap();
    let url = format!("{}/chat/live", running.base_url());
    let send = |body: &'static [u8]| {
        let url = url.clone();
        async move { post(&url, body, Some(webitel_sign(SECRET.as_bytes(), body))).await }
    };
    let (status, answer) = send(b"{not json").await;
    assert_eq!(status, 500);
    assert!(answer.starts_with("{\"error\":\"custom: "), "{answer}");
    assert_eq!(
        send(br#"{"message":{"chatId":"c-1","text":"Hi"}}"#).await,
        (500, "{\"error\":\"custom: sender is empty\"}\n".into())
    );
    assert_eq!(
        send(br#"{"close":{"chatId":"c-1"}}"#).await,
        (200, "{\"success\":true}\n".into())
    );
    assert_eq!(emulator.chat_log().len(), 1);
}
