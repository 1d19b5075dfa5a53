//! A stopped gateway's webhook over real HTTP, as webitel/chat_manager serves it: signature
//! first, open chats still take messages and closes, a new chat is refused with the server's
//! exact answer, broadcast reports pass, and nothing refused joins the transcript.

use super::chat_tests::{gateway, post, BOT_DISABLED_ANSWER, SECRET};
use super::*;
use crate::harness::outbound::AgentAction;
use crate::signature::webitel_sign;

const OK: &str = "{\"success\":true}\n";

/// Signs and posts `body` to the gateway at `url`.
async fn send(url: &str, body: &str) -> (u16, String) {
    let signature = webitel_sign(SECRET.as_bytes(), body.as_bytes());
    post(url, body.as_bytes(), Some(signature)).await
}

fn message(chat: &str) -> String {
    format!(r#"{{"message":{{"chatId":"{chat}","sender":{{"id":"u-{chat}"}},"text":"Hi"}}}}"#)
}

fn close(chat: &str) -> String {
    format!(r#"{{"close":{{"chatId":"{chat}"}}}}"#)
}

fn stop(emulator: &Emulator, id: i64, enabled: bool) {
    assert!(emulator.modify_bot(id, |bot| bot.enabled = enabled));
}

#[tokio::test]
async fn a_stopped_gateway_keeps_open_chats_and_refuses_new_ones() {
    let emulator = Emulator::new("tok");
    let id = emulator.insert_bot(gateway("/support", true));
    let running = emulator.spawn().await.unwrap();
    let url = format!("{}/chat/support", running.base_url());
    assert_eq!(send(&url, &message("open")).await, (200, OK.into()));
    assert_eq!(send(&url, &message("ending")).await, (200, OK.into()));
    stop(&emulator, id, false);
    let accepted_before = emulator.chat_log().len();

    // The signature is still checked first.
    let unsigned = post(&url, message("open").as_bytes(), None).await;
    assert_eq!(unsigned, (403, String::new()));
    // Event rules still apply before any chat is looked up.
    let no_sender = r#"{"message":{"chatId":"x","text":"Hi"}}"#;
    assert_eq!(
        send(&url, no_sender).await,
        (500, "{\"error\":\"custom: sender is empty\"}\n".into())
    );
    // A new chat, by message or by close, is refused with Webitel's exact body.
    assert_eq!(
        send(&url, &message("new")).await,
        (500, BOT_DISABLED_ANSWER.into())
    );
    assert_eq!(
        send(&url, &close("new")).await,
        (500, BOT_DISABLED_ANSWER.into())
    );
    assert_eq!(
        emulator.chat_log().len(),
        accepted_before,
        "refusals are not logged"
    );

    // Open chats still work: a message, and a close that ends the chat for good.
    assert_eq!(send(&url, &message("open")).await, (200, OK.into()));
    assert_eq!(send(&url, &close("ending")).await, (200, OK.into()));
    assert_eq!(
        send(&url, &message("ending")).await,
        (500, BOT_DISABLED_ANSWER.into()),
        "a closed chat is a new chat again"
    );
    // A broadcast report needs no chat.
    let report = r#"{"broadcast":{"eventId":"e-1","recipients":[{"id":"u-1","error":"blocked"}]}}"#;
    assert_eq!(send(&url, report).await, (200, OK.into()));
    let chats: Vec<String> = emulator.chat_log()[accepted_before..]
        .iter()
        .map(|entry| entry.chat_id.clone())
        .collect();
    assert_eq!(chats, ["open", "ending", "broadcast:e-1"]);

    // Started again, new chats open.
    stop(&emulator, id, true);
    assert_eq!(send(&url, &message("new")).await, (200, OK.into()));
}

/// The `Content-Type` of the answer to a signed `body`.
async fn content_type(url: &str, body: &str) -> String {
    let signature = webitel_sign(SECRET.as_bytes(), body.as_bytes());
    let response = reqwest::Client::new()
        .post(url)
        .header("X-Webitel-Sign", signature)
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let value = response.headers().get("content-type").unwrap();
    value.to_str().unwrap().to_string()
}

#[tokio::test]
async fn refusals_are_sniffed_as_text_as_go_sends_them_and_successes_are_json() {
    let emulator = Emulator::new("tok");
    emulator.insert_bot(gateway("/support", true));
    emulator.insert_bot(gateway("/stopped", false));
    let running = emulator.spawn().await.unwrap();
    let live = format!("{}/chat/support", running.base_url());
    let stopped = format!("{}/chat/stopped", running.base_url());
    assert_eq!(
        content_type(&live, &message("c-1")).await,
        "application/json"
    );
    let text = "text/plain; charset=utf-8";
    assert_eq!(content_type(&stopped, &message("c-1")).await, text);
    assert_eq!(content_type(&live, "{not json").await, text);
}

#[tokio::test]
async fn a_gateway_stopped_from_the_start_opens_nothing_and_unknown_uris_stay_404() {
    let emulator = Emulator::new("tok");
    emulator.insert_bot(gateway("/never", false));
    let running = emulator.spawn().await.unwrap();
    let url = format!("{}/chat/never", running.base_url());
    assert_eq!(
        send(&url, &message("c-1")).await,
        (500, BOT_DISABLED_ANSWER.into())
    );
    let unknown = format!("{}/chat/nothing-here", running.base_url());
    assert_eq!(send(&unknown, &message("c-1")).await.0, 404);
    assert!(emulator.chat_log().is_empty());
}

#[tokio::test]
async fn a_chat_the_agent_closed_is_not_open_any_more() {
    let emulator = Emulator::new("tok");
    let id = emulator.insert_bot(gateway("/support", true));
    let running = emulator.spawn().await.unwrap();
    let url = format!("{}/chat/support", running.base_url());
    assert_eq!(send(&url, &message("c-1")).await, (200, OK.into()));
    assert_eq!(send(&url, &message("c-2")).await, (200, OK.into()));
    // Nothing listens on the callback: the close still ends the chat on the server.
    let closed = AgentAction::Close {
        chat_id: "c-1".into(),
    };
    emulator.act(id, &closed).await.unwrap();
    stop(&emulator, id, false);
    assert_eq!(
        send(&url, &message("c-1")).await,
        (500, BOT_DISABLED_ANSWER.into())
    );
    assert_eq!(send(&url, &message("c-2")).await, (200, OK.into()));
}
