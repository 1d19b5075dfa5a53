//! The harness on a saved, pushed profile against the emulator and the real receiver: send
//! with the right and a spoiled signature, record what the receiver got, search, and replay
//! byte for byte (as recorded and re-signed).

use std::time::Duration;

use super::*;
use crate::emulator::Direction;
use crate::harness::compose::InboundDraft;
use crate::harness::receiver::{self, ReceiverAnswer, ReceiverConfig};
use crate::workspace::test_support::{draft, fixture, saved};

const SECRET: &str = "LocalSecretLocalSecret0000000000";

#[tokio::test]
async fn send_signs_the_exact_bytes_and_a_spoiled_signature_gets_403() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    f.workspace.sync().push(&saved.id, false).await.unwrap();
    f.workspace.sync().set_enabled(&saved.id, true).await.ok();
    let body = InboundDraft::text("c-1", "u-1", "telegram", "Hi <b>")
        .encode()
        .into_bytes();

    let good = f
        .workspace
        .harness()
        .send_to_gateway(&saved.id, body.clone(), Signing::Correct, None)
        .await
        .unwrap();
    assert_eq!(good.status, Some(200), "{good:?}");
    assert_eq!(good.response, "{\"success\":true}\n");
    assert_eq!(good.chat_id.as_deref(), Some("c-1"));
    assert_eq!(good.text.as_deref(), Some("Hi <b>"));
    let inbound: Vec<_> = f
        .emulator()
        .chat_log()
        .into_iter()
        .filter(|entry| entry.direction == Direction::Inbound)
        .collect();
    assert_eq!(inbound.len(), 1);
    assert_eq!(inbound[0].body, body);

    let bad = f
        .workspace
        .harness()
        .send_to_gateway(&saved.id, body.clone(), Signing::Wrong, None)
        .await
        .unwrap();
    assert_eq!(bad.status, Some(403));
    assert_eq!(bad.response, "");
    let history = f
        .workspace
        .harness()
        .search_history(&HistoryQuery::default())
        .unwrap();
    assert_eq!(
        history.iter().map(|e| e.status).collect::<Vec<_>>(),
        [Some(403), Some(200)]
    );
}

#[tokio::test]
async fn a_profile_without_a_server_needs_a_url() {
    let f = fixture().await;
    let mut local = draft(&f.server_id, "Local");
    local.server_id = None;
    let saved = f.workspace.profiles().save(local).unwrap().profile;
    let error = f
        .workspace
        .harness()
        .send_to_gateway(&saved.id, b"{}".to_vec(), Signing::Correct, None)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "no_target");
    assert!(error.to_string().contains(&saved.uri), "{error}");
    assert!(!error.to_string().contains(SECRET));
    assert!(f
        .workspace
        .harness()
        .search_history(&HistoryQuery::default())
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn replay_sends_byte_identical_bodies_as_recorded_and_re_signed() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    let (running, _feed) = receiver::start(ReceiverConfig::new("/hook", SECRET))
        .await
        .unwrap();
    // Bytes a re-serialization would change: key order, spacing, escapes, no newline.
    let body = b"{ \"message\": {\"text\":\"caf\\u00e9 & <x>\",  \"chatId\":\"c-7\"} }".to_vec();
    let spoiled = f
        .workspace
        .harness()
        .send_to_gateway(
            &saved.id,
            body.clone(),
            Signing::Wrong,
            Some(&running.url()),
        )
        .await
        .unwrap();
    let as_recorded = f
        .workspace
        .harness()
        .replay(spoiled.id, false)
        .await
        .unwrap();
    let re_signed = f
        .workspace
        .harness()
        .replay(spoiled.id, true)
        .await
        .unwrap();
    assert_eq!(as_recorded.replay_of, Some(spoiled.id));
    assert_eq!(as_recorded.signing, Some(Signing::Wrong));
    assert_eq!(re_signed.signing, Some(Signing::Correct));
    let log = running.log();
    assert_eq!(log.len(), 3);
    assert!(
        log.iter().all(|request| request.body == body),
        "bodies differ"
    );
    let verdicts: Vec<_> = log.iter().map(|r| r.verdict.label()).collect();
    assert_eq!(verdicts, ["invalid", "invalid", "valid"]);

    // What the receiver got is evidence too, and can be delivered to it again.
    let received = f
        .workspace
        .harness()
        .record_received(Some(&saved.id), &running.url(), &log[2])
        .unwrap();
    assert_eq!(received.url, running.url());
    assert_eq!(received.verdict, Some(Verdict::Valid));
    let again = f
        .workspace
        .harness()
        .replay(received.id, false)
        .await
        .unwrap();
    assert_eq!(again.channel, Channel::Emulate);
    assert_eq!(running.log()[3].body, body);
    assert!(running.log()[3].verdict.is_valid());
    let chat = HistoryQuery {
        chat_id: Some("c-7".into()),
        ..HistoryQuery::default()
    };
    assert_eq!(
        f.workspace.harness().search_history(&chat).unwrap().len(),
        5
    );
    running.stop(Duration::from_secs(1)).await;
}

#[tokio::test]
async fn receiver_and_burst_setups_refuse_what_cannot_run() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    let teapot = ReceiverAnswer {
        status: 42,
        ..ReceiverAnswer::default()
    };
    let error = f
        .workspace
        .harness()
        .receiver_config(&saved.id, 0, "/hook", teapot)
        .unwrap_err();
    assert_eq!(error.code(), "invalid_answer");
    let config = f
        .workspace
        .harness()
        .receiver_config(&saved.id, 0, "  ", ReceiverAnswer::default())
        .unwrap();
    assert_eq!(config.path, "/");
    assert_eq!(config.secret.expose(), SECRET);

    let (running, _feed) = receiver::start(ReceiverConfig::new("/chat/x", SECRET))
        .await
        .unwrap();
    let none = f
        .workspace
        .harness()
        .burst(&saved.id, 0, 1, None, Some(&running.url()), |_| {})
        .await
        .unwrap_err();
    assert_eq!(none.code(), "invalid_burst");
    let report = f
        .workspace
        .harness()
        .burst(&saved.id, 30, 5, None, Some(&running.url()), |_| {})
        .await
        .unwrap();
    assert_eq!((report.sent, report.succeeded), (30, 30));
    let chats: std::collections::HashSet<_> = running
        .log()
        .iter()
        .map(|r| crate::harness::history::chat_and_text(&r.body).0.unwrap())
        .collect();
    assert_eq!(chats.len(), 10, "spread over the default ten chats");
    assert!(running.log().iter().all(|r| r.verdict.is_valid()));
}

#[tokio::test]
async fn a_target_with_user_and_password_is_refused_before_anything_is_sent() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    let target = "http://ann:hunter2@127.0.0.1:9/chat/x";
    let body = b"{}".to_vec();
    let error = f
        .workspace
        .harness()
        .send_to_gateway(&saved.id, body.clone(), Signing::Correct, Some(target))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "no_target");
    assert!(!error.to_string().contains("hunter2"), "{error}");
    let burst = f
        .workspace
        .harness()
        .burst(&saved.id, 2, 1, None, Some(target), |_| {})
        .await
        .unwrap_err();
    assert_eq!(burst.code(), "no_target");
    let emulate = f
        .workspace
        .harness()
        .emulate_webitel(
            &saved.id,
            &crate::harness::outbound::AgentAction::Text {
                chat_id: "c-1".into(),
                text: "hi".into(),
            },
            Some(target),
        )
        .await
        .unwrap_err();
    assert_eq!(emulate.code(), "no_target");
    let history = f
        .workspace
        .harness()
        .search_history(&HistoryQuery::default())
        .unwrap();
    assert!(history.is_empty(), "{history:?}");
}

#[tokio::test]
async fn the_history_keeps_what_each_received_request_was_answered() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    let refused = ReceiverAnswer {
        plan: receiver::AnswerPlan::FailFirst {
            count: 0,
            status: 500,
        },
        ..ReceiverAnswer::default()
    };
    let error = f
        .workspace
        .harness()
        .receiver_config(&saved.id, 0, "/hook", refused);
    assert_eq!(error.unwrap_err().code(), "invalid_answer");
    let request = |seq, answered| receiver::ReceivedRequest {
        seq,
        time: 1_764_547_200_000,
        method: "POST".into(),
        path: "/hook".into(),
        headers: Vec::new(),
        body: b"{}".to_vec(),
        verdict: Verdict::Missing,
        answered,
    };
    let batch = [
        request(1, receiver::Answered::Status(500)),
        request(2, receiver::Answered::Dropped),
        request(3, receiver::Answered::Hung),
    ];
    let url = "http://127.0.0.1:1/hook";
    let harness = f.workspace.harness();
    harness
        .record_received_batch(Some(&saved.id), url, &batch)
        .unwrap();
    let mut kept = harness.search_history(&HistoryQuery::default()).unwrap();
    kept.reverse();
    let answered: Vec<_> = kept
        .iter()
        .map(|e| (e.status, e.failure.as_ref().map(|f| f.kind.as_str())))
        .collect();
    assert_eq!(
        answered,
        [
            (Some(500), None),
            (None, Some("dropped")),
            (None, Some("hung"))
        ]
    );
}
