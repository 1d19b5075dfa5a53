//! The emulator as Webitel towards a real receiver: bodies equal to `compose`'s and signed with
//! the gateway's secret, answers kept in the transcript, failed deliveries, auto-reply, and the
//! cases where nothing may be sent.

use std::time::Duration;

use tokio::sync::mpsc::UnboundedReceiver;

use super::chat_tests::custom_gateway;
use super::*;
use crate::harness::outbound::compose;
use crate::harness::receiver::{start, ReceivedRequest, ReceiverAnswer, ReceiverConfig};
use crate::profile::Templates;
use crate::signature::{webitel_sign, Verdict};
use crate::template_preview::SampleAccount;
use crate::webitel::wire::BotUpdates;

const SECRET: &str = "gatewaySecret42";

fn gateway(callback: &str, enabled: bool) -> Bot {
    Bot {
        updates: Some(BotUpdates {
            join: "$(.FirstName) joined".into(),
            close: "Bye & thanks".into(),
            ..BotUpdates::default()
        }),
        ..custom_gateway("/support", callback, SECRET, enabled)
    }
}

async fn receiver(
    status: u16,
) -> (
    crate::harness::receiver::RunningReceiver,
    UnboundedReceiver<ReceivedRequest>,
) {
    start(ReceiverConfig {
        answer: ReceiverAnswer {
            status,
            ..ReceiverAnswer::default()
        },
        ..ReceiverConfig::new("/hook", SECRET)
    })
    .await
    .unwrap()
}

async fn next(events: &mut UnboundedReceiver<ReceivedRequest>) -> ReceivedRequest {
    tokio::time::timeout(Duration::from_secs(10), events.recv())
        .await
        .expect("a request in time")
        .expect("the receiver is running")
}

fn date_of(body: &[u8]) -> i64 {
    let value: serde_json::Value = serde_json::from_slice(body).unwrap();
    value["message"]["date"].as_i64().unwrap()
}

#[tokio::test]
async fn act_delivers_composes_bytes_signed_with_the_gateways_secret() {
    let (receiver, mut events) = receiver(200).await;
    let emulator = Emulator::new("tok");
    let id = emulator.insert_bot(gateway(&receiver.url(), true));
    let join = AgentAction::Join {
        chat_id: "c-1".into(),
        agent: SampleAccount::default(),
    };

    let exchanges = emulator.act(id, &join).await.unwrap();
    assert_eq!(exchanges.len(), 1);
    assert!(exchanges[0].delivered(), "{:?}", exchanges[0]);
    let got = next(&mut events).await;
    assert_eq!(got.verdict, Verdict::Valid);
    let templates = Templates {
        join: "$(.FirstName) joined".into(),
        close: "Bye & thanks".into(),
        ..Templates::default()
    };
    let expected = compose(&join, &templates, date_of(&got.body)).unwrap();
    assert_eq!(vec![got.body.clone()], expected);
    assert!(String::from_utf8_lossy(&got.body).contains("\"text\":\"Ann joined\""));

    let close = AgentAction::Close {
        chat_id: "c-1".into(),
    };
    assert_eq!(emulator.act(id, &close).await.unwrap().len(), 2);
    let notice = next(&mut events).await;
    let event = next(&mut events).await;
    assert!(notice.verdict.is_valid() && event.verdict.is_valid());
    assert!(String::from_utf8_lossy(&notice.body).contains("Bye \\u0026 thanks"));
    assert_eq!(event.body, b"{\"close\":{\"chatId\":\"c-1\"}}\n");

    let log = emulator.chat_log();
    assert_eq!(log.len(), 3);
    assert!(log
        .iter()
        .all(|e| e.direction == Direction::Outbound && e.chat_id == "c-1" && e.delivered()));
    assert_eq!(log[2].body, event.body);
}

#[tokio::test]
async fn a_callback_answering_500_is_undelivered_and_does_not_stop_the_close() {
    let (receiver, mut events) = receiver(500).await;
    let emulator = Emulator::new("tok");
    let id = emulator.insert_bot(gateway(&receiver.url(), true));
    let close = AgentAction::Close {
        chat_id: "c-9".into(),
    };
    let exchanges = emulator.act(id, &close).await.unwrap();
    assert_eq!(
        exchanges.iter().map(|e| e.status).collect::<Vec<_>>(),
        [Some(500), Some(500)]
    );
    next(&mut events).await;
    next(&mut events).await;
    let log = emulator.chat_log();
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|e| e.status == Some(500) && !e.delivered()));
    assert!(log
        .iter()
        .all(|e| e.outcome() == "not delivered (HTTP 500)"));
    // Sent once: the receiver got exactly the two bodies, no retry.
    assert!(events.try_recv().is_err(), "no retry of a failed delivery");
}

#[tokio::test]
async fn no_answer_at_all_stops_the_sequence() {
    let (receiver, _events) = receiver(200).await;
    let url = receiver.url();
    receiver.stop(Duration::from_secs(1)).await;
    let emulator = Emulator::new("tok");
    let id = emulator.insert_bot(gateway(&url, true));
    let close = AgentAction::Close {
        chat_id: "c-1".into(),
    };
    let exchanges = emulator.act(id, &close).await.unwrap();
    assert_eq!(
        exchanges.len(),
        1,
        "the close event follows no unanswered notice"
    );
    assert!(exchanges[0].failure.is_some());
    let log = emulator.chat_log();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].status, None);
}

#[tokio::test]
async fn nothing_is_sent_for_what_webitel_would_not_send() {
    let (receiver, _events) = receiver(200).await;
    let emulator = Emulator::new("tok");
    let live = emulator.insert_bot(gateway(&receiver.url(), true));
    let stopped = emulator.insert_bot(gateway(&receiver.url(), false));
    let text = AgentAction::Text {
        chat_id: "c-1".into(),
        text: "hi".into(),
    };
    assert_eq!(
        emulator.act(99, &text).await.unwrap_err(),
        ActError::UnknownGateway(99)
    );
    assert_eq!(
        emulator.act(stopped, &text).await.unwrap_err(),
        ActError::Stopped(stopped)
    );
    emulator.modify_bot(live, |bot| {
        bot.updates = Some(BotUpdates {
            left: "$(.Nope) left".into(),
            ..BotUpdates::default()
        })
    });
    let left = AgentAction::Left {
        chat_id: "c-1".into(),
        agent: SampleAccount::default(),
    };
    let error = emulator.act(live, &left).await.unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("template: left:1:2: executing \"left\" at <.Nope>"),
        "{error}"
    );
    assert!(receiver.log().is_empty());
    assert!(emulator.chat_log().is_empty());
}

#[tokio::test]
async fn auto_reply_answers_an_inbound_message_on_the_callback() {
    let (receiver, mut events) = receiver(200).await;
    let emulator = Emulator::new("tok");
    let id = emulator.insert_bot(gateway(&receiver.url(), true));
    emulator.set_auto_reply(true);
    let running = emulator.spawn().await.unwrap();
    let body = br#"{"message":{"chatId":"c-7","sender":{"id":"u-1"},"text":"Hi <there>"}}"#;
    let answer = reqwest::Client::new()
        .post(format!("{}/chat/support", running.base_url()))
        .header("X-Webitel-Sign", webitel_sign(SECRET.as_bytes(), body))
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);

    let reply = next(&mut events).await;
    assert_eq!(reply.verdict, Verdict::Valid);
    let expected = format!(
        "{{\"message\":{{\"chatId\":\"c-7\",\"date\":{},\"text\":\"Auto-reply: Hi \\u003cthere\\u003e\"}}}}\n",
        date_of(&reply.body)
    );
    assert_eq!(String::from_utf8(reply.body).unwrap(), expected);
    // The transcript: the client's message, then the reply with the callback's answer.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let log = emulator.chat_log();
    assert_eq!(
        log.iter()
            .map(|e| (e.gateway_id, e.direction, e.status))
            .collect::<Vec<_>>(),
        [
            (id, Direction::Inbound, Some(200)),
            (id, Direction::Outbound, Some(200))
        ]
    );

    // A close from the client is not auto-answered; Webitel sends its close notice only.
    let close = br#"{"close":{"chatId":"c-7"}}"#;
    reqwest::Client::new()
        .post(format!("{}/chat/support", running.base_url()))
        .header("X-Webitel-Sign", webitel_sign(SECRET.as_bytes(), close))
        .body(close.to_vec())
        .send()
        .await
        .unwrap();
    let notice = next(&mut events).await;
    assert_eq!(notice.verdict, Verdict::Valid);
    let text = String::from_utf8(notice.body).unwrap();
    assert!(text.contains("\"text\":\"Bye \\u0026 thanks\""), "{text}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(receiver.log().len(), 2, "no close event follows");
}

#[test]
fn the_auto_reply_text_says_what_it_answers() {
    let mut message = crate::chat::wire::Message {
        text: "Hello".into(),
        ..Default::default()
    };
    assert_eq!(auto_reply_text(&message), "Auto-reply: Hello");
    message.text.clear();
    message.file = Some(crate::chat::wire::File {
        name: "a.png".into(),
        ..Default::default()
    });
    assert_eq!(auto_reply_text(&message), "Auto-reply: file a.png");
}
