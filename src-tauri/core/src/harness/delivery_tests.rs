//! Deliveries against the real receiver: the bytes and signature that arrive, the spoiled and
//! missing signatures, and the failures told apart (nothing listening, timeout, bad URL).

use std::time::Duration;

use super::*;
use crate::harness::receiver::{self, ReceiverAnswer, ReceiverConfig};
use crate::signature::Verdict;

const SECRET: &str = "deliverySecret";

async fn receiver(answer: ReceiverAnswer) -> receiver::RunningReceiver {
    let config = ReceiverConfig {
        answer,
        ..ReceiverConfig::new("/hook", SECRET)
    };
    receiver::start(config).await.unwrap().0
}

#[tokio::test]
async fn the_exact_bytes_arrive_with_the_chosen_signature() {
    let running = receiver(ReceiverAnswer::default()).await;
    let client = client().unwrap();
    let body = "{\"message\":{\"chatId\":\"c-1\",\"text\":\"Привіт <b>\"}}\n".as_bytes();
    let good = deliver(
        &client,
        &running.url(),
        body,
        SECRET.as_bytes(),
        Signing::Correct,
    )
    .await;
    let bad = deliver(
        &client,
        &running.url(),
        body,
        SECRET.as_bytes(),
        Signing::Wrong,
    )
    .await;
    let none = deliver(
        &client,
        &running.url(),
        body,
        SECRET.as_bytes(),
        Signing::Unsigned,
    )
    .await;
    for exchange in [&good, &bad, &none] {
        assert_eq!(exchange.status, Some(200), "{exchange:?}");
        assert!(exchange.delivered());
        assert_eq!(exchange.response_body, b"{\"success\":true}");
        assert!(exchange.elapsed_micros > 0);
        assert_eq!(exchange.request_body, body);
    }
    let log = running.log();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|r| r.body == body));
    assert_eq!(log[0].verdict, Verdict::Valid);
    assert_eq!(log[1].verdict.label(), "invalid");
    assert_eq!(log[2].verdict, Verdict::Missing);
    let sent_sign = |e: &Exchange| {
        e.request_headers
            .iter()
            .find(|(k, _)| k == WEBITEL_HEADER)
            .map(|(_, v)| v.clone())
    };
    let right = webitel_sign(SECRET.as_bytes(), body);
    assert_eq!(sent_sign(&good).as_deref(), Some(right.as_str()));
    let spoiled = sent_sign(&bad).unwrap();
    assert_eq!(spoiled.len(), right.len());
    assert_ne!(spoiled, right);
    assert_eq!(sent_sign(&none), None);
}

#[tokio::test]
async fn a_replay_sends_exactly_the_recorded_headers_and_bytes() {
    let running = receiver(ReceiverAnswer {
        status: 503,
        body: "down".into(),
        ..ReceiverAnswer::default()
    })
    .await;
    let body = b"{\"close\":{\"chatId\":\"c-9\"}}".to_vec();
    let headers = signed_headers(SECRET.as_bytes(), &body, Signing::Correct);
    let exchange = post(&client().unwrap(), &running.url(), body.clone(), headers).await;
    assert_eq!(exchange.status, Some(503));
    assert!(!exchange.delivered());
    assert_eq!(exchange.response_body, b"down");
    assert_eq!(running.log()[0].body, body);
    assert!(running.log()[0].verdict.is_valid());
}

#[tokio::test]
async fn failures_are_told_apart() {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{closed}/hook");
    let refused = deliver(&client().unwrap(), &url, b"{}", b"k", Signing::Correct).await;
    assert_eq!(refused.status, None);
    assert_eq!(refused.failure.unwrap().kind, FailureKind::Connect);

    let bad_url = deliver(
        &client().unwrap(),
        "ftp://example.com/x",
        b"{}",
        b"k",
        Signing::Correct,
    )
    .await;
    let failure = bad_url.failure.unwrap();
    assert_eq!(failure.kind, FailureKind::InvalidUrl);
    assert!(failure.message.contains("ftp://example.com/x"));

    let slow = receiver(ReceiverAnswer {
        delay: Duration::from_secs(3),
        ..ReceiverAnswer::default()
    })
    .await;
    let impatient = HarnessClient::with_timeout(None, Duration::from_millis(200)).unwrap();
    let late = deliver(&impatient, &slow.url(), b"{}", b"k", Signing::Correct).await;
    assert_eq!(late.failure.unwrap().kind, FailureKind::Timeout);
}

#[test]
fn a_spoiled_signature_differs_only_in_its_last_digit() {
    assert_eq!(spoil("ab0"), "ab1");
    assert_eq!(spoil("ab7"), "ab0");
}

#[test]
fn stored_names_are_the_serialised_names() {
    let json = |value: serde_json::Value| value.as_str().unwrap().to_string();
    for signing in [Signing::Correct, Signing::Wrong, Signing::Unsigned] {
        assert_eq!(
            signing.as_str(),
            json(serde_json::to_value(signing).unwrap())
        );
        assert_eq!(Signing::parse(signing.as_str()), Some(signing));
    }
    for kind in [
        FailureKind::Connect,
        FailureKind::Timeout,
        FailureKind::InvalidUrl,
        FailureKind::Other,
    ] {
        assert_eq!(kind.as_str(), json(serde_json::to_value(kind).unwrap()));
        assert_eq!(FailureKind::parse(kind.as_str()), Some(kind));
    }
}

#[tokio::test]
async fn a_url_with_a_user_and_password_is_refused_and_not_repeated() {
    let running = receiver(ReceiverAnswer::default()).await;
    let url = running.url().replace("http://", "http://ann:hunter2@");
    let exchange = deliver(
        &client().unwrap(),
        &url,
        b"{}",
        SECRET.as_bytes(),
        Signing::Correct,
    )
    .await;
    assert_eq!(exchange.status, None);
    assert!(running.log().is_empty(), "nothing may be sent");
    let failure = exchange.failure.clone().unwrap();
    assert_eq!(failure.kind, FailureKind::InvalidUrl);
    assert!(failure.message.contains("user:password@"), "{failure:?}");
    for shown in [&failure.message, &exchange.url] {
        assert!(
            !shown.contains("hunter2") && !shown.contains("ann"),
            "{shown}"
        );
    }
    assert_eq!(exchange.url, running.url());
}
