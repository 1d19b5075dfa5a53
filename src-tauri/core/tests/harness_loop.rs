//! The full loop of issue D through the public API only: the emulator stands in for Webitel,
//! the harness receiver for the client's chat service at the callback URL, and everything the
//! client sends goes through `harness::delivery`. Both directions are proven signed: a client
//! message is accepted and auto-answered, an agent's join and close arrive rendered from the
//! gateway's templates, and a spoiled signature is refused.

use std::time::Duration;

use textgate_core::emulator::{Direction, Emulator};
use textgate_core::harness::delivery::{client, deliver, Signing};
use textgate_core::harness::outbound::AgentAction;
use textgate_core::harness::receiver::{start, ReceivedRequest, ReceiverConfig};
use textgate_core::signature::Verdict;
use textgate_core::template_preview::SampleAccount;
use textgate_core::webitel::wire::{Bot, BotUpdates, Lookup, Metadata};
use tokio::sync::mpsc::UnboundedReceiver;

const SECRET: &str = "loopSecret-7f3a";

async fn next(events: &mut UnboundedReceiver<ReceivedRequest>) -> ReceivedRequest {
    tokio::time::timeout(Duration::from_secs(10), events.recv())
        .await
        .expect("the callback hears from Webitel in time")
        .expect("the receiver is running")
}

/// The one message (or close) event a body carries.
fn event(request: &ReceivedRequest) -> serde_json::Value {
    serde_json::from_slice(&request.body).expect("Webitel sends JSON")
}

#[tokio::test]
async fn both_directions_of_a_custom_gateway_through_the_harness() {
    let (receiver, mut heard) = start(ReceiverConfig::new("/callback", SECRET))
        .await
        .unwrap();

    let emulator = Emulator::new("admin-token");
    let mut metadata = Metadata::default();
    metadata.0.insert(Metadata::SECRET.into(), SECRET.into());
    metadata.0.insert(Metadata::WEBHOOK.into(), receiver.url());
    let gateway = emulator.insert_bot(Bot {
        name: "Loop".into(),
        uri: "/loopgatewayuri".into(),
        provider: "custom".into(),
        enabled: true,
        flow: Some(Lookup {
            id: Some(1),
            name: None,
        }),
        metadata,
        updates: Some(BotUpdates {
            join: "$(.FirstName)$(if .LastName) $(.LastName)$(end) is here to help".into(),
            close: "Thanks for chatting <3".into(),
            ..BotUpdates::default()
        }),
        ..Bot::default()
    });
    emulator.set_auto_reply(true);
    let webitel = emulator.spawn().await.unwrap();
    let uri = format!("{}/chat/loopgatewayuri", webitel.base_url());
    let http = client().unwrap();

    // Client -> Webitel: a signed message is accepted ...
    let hello = br#"{"message":{"id":"m-1","chatId":"chat-1","sender":{"id":"u-1","type":"web","name":"Jo"},"text":"Where is my order?"}}"#;
    let sent = deliver(&http, &uri, hello, SECRET.as_bytes(), Signing::Correct).await;
    assert_eq!(sent.status, Some(200), "{sent:?}");
    assert_eq!(sent.response_body, b"{\"success\":true}\n");

    // ... and Webitel -> client: the auto-reply arrives signed with the gateway's secret.
    let reply = next(&mut heard).await;
    assert_eq!(reply.verdict, Verdict::Valid);
    assert_eq!(reply.path, "/callback");
    let reply = event(&reply);
    assert_eq!(reply["message"]["chatId"], "chat-1");
    assert_eq!(reply["message"]["text"], "Auto-reply: Where is my order?");

    // An agent joins: the join template rendered over the agent.
    let agent = SampleAccount {
        id: 5,
        channel: "user".into(),
        contact: "ann@example.com".into(),
        first_name: "Ann".into(),
        last_name: "Smith".into(),
        username: "ann".into(),
    };
    let joined = emulator
        .act(
            gateway,
            &AgentAction::Join {
                chat_id: "chat-1".into(),
                agent,
            },
        )
        .await
        .unwrap();
    assert!(joined.iter().all(|e| e.delivered()));
    let join = next(&mut heard).await;
    assert_eq!(join.verdict, Verdict::Valid);
    assert_eq!(event(&join)["message"]["text"], "Ann Smith is here to help");

    // The agent closes: the close template as a text message, then the close event.
    let closed = emulator
        .act(
            gateway,
            &AgentAction::Close {
                chat_id: "chat-1".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(closed.len(), 2);
    let notice = next(&mut heard).await;
    let close = next(&mut heard).await;
    assert!(notice.verdict.is_valid() && close.verdict.is_valid());
    assert_eq!(event(&notice)["message"]["text"], "Thanks for chatting <3");
    assert!(
        String::from_utf8_lossy(&notice.body).contains("Thanks for chatting \\u003c3"),
        "Go's HTML escaping"
    );
    assert_eq!(close.body, b"{\"close\":{\"chatId\":\"chat-1\"}}\n");

    // A spoiled signature is refused with an empty 403, and nothing is answered.
    let forged = deliver(&http, &uri, hello, SECRET.as_bytes(), Signing::Wrong).await;
    assert_eq!(forged.status, Some(403));
    assert!(forged.response_body.is_empty());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        receiver.log().len(),
        4,
        "auto-reply, join, close notice, close"
    );

    let transcript: Vec<Direction> = emulator.chat_log().iter().map(|e| e.direction).collect();
    assert_eq!(
        transcript,
        [
            Direction::Inbound,
            Direction::Outbound,
            Direction::Outbound,
            Direction::Outbound,
            Direction::Outbound
        ]
    );
    assert!(emulator.chat_log().iter().all(|e| e.delivered()));
}
