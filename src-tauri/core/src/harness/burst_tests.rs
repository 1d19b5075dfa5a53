//! Bursts against the real local receiver: every message distinct and verified, the statistics
//! consistent, refusals and dead ports counted by kind, progress reaching the end, and plans
//! that cannot run refused before anything is sent.

use std::collections::HashSet;
use std::sync::Mutex;

use super::*;
use crate::harness::receiver::{self, ReceiverAnswer, ReceiverConfig, RunningReceiver};
use crate::signature::Verdict;

const SECRET: &str = "burstSecret";

async fn receiver(status: u16) -> RunningReceiver {
    let config = ReceiverConfig {
        answer: ReceiverAnswer {
            status,
            ..ReceiverAnswer::default()
        },
        ..ReceiverConfig::new("/chat/burst", SECRET)
    };
    receiver::start(config).await.unwrap().0
}

fn plan(url: &str, count: u32, concurrency: u32) -> BurstPlan {
    BurstPlan {
        url: url.into(),
        secret: Sensitive::new(SECRET.into()),
        count,
        concurrency,
        chat_prefix: "burst-chat".into(),
        chats: 4,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_distinct_signed_messages_all_arrive_verified() {
    let running = receiver(200).await;
    let seen = Mutex::new(Vec::new());
    let report = run(
        &delivery::client().unwrap(),
        plan(&running.url(), 500, 20),
        |p| seen.lock().unwrap().push(p),
    )
    .await
    .unwrap();

    assert_eq!((report.sent, report.succeeded), (500, 500));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.concurrency, 20);
    let log = running.log();
    assert_eq!(log.len(), 500);
    assert!(log.iter().all(|r| r.verdict == Verdict::Valid));
    let bodies: HashSet<_> = log.iter().map(|r| r.body.clone()).collect();
    assert_eq!(bodies.len(), 500, "every body distinct");
    let ids: HashSet<String> = log
        .iter()
        .map(|r| {
            let event: Event = serde_json::from_slice(&r.body).unwrap();
            let message = event.message.unwrap();
            assert_eq!(message.sender.unwrap().kind, "web");
            assert!(message.chat_id.starts_with("burst-chat-"));
            assert!(message.text.starts_with("burst message "));
            message.id
        })
        .collect();
    assert!(ids.contains("burst-1") && ids.contains("burst-500"));

    let l = report.latency;
    assert_eq!(l.answered, 500);
    assert!(l.min_micros > 0);
    assert!(l.min_micros <= l.p50_micros);
    assert!(l.p50_micros <= l.p90_micros && l.p90_micros <= l.p99_micros);
    assert!(l.p99_micros <= l.max_micros);
    assert!(l.mean_micros >= l.min_micros as f64 && l.mean_micros <= l.max_micros as f64);
    assert!(report.throughput > 0.0);
    assert!(!report.histogram.is_empty() && report.histogram.len() <= HISTOGRAM_BUCKETS + 1);
    let total: u32 = report.histogram.iter().map(|b| b.count).sum();
    assert_eq!(total, 500);
    assert!(report
        .histogram
        .windows(2)
        .all(|w| w[0].upper_micros < w[1].upper_micros));
    assert_eq!(report.histogram.last().unwrap().upper_micros, l.max_micros);

    let seen = seen.into_inner().unwrap();
    let last = seen.last().unwrap();
    assert_eq!((last.sent, last.succeeded, last.total), (500, 500, 500));
    assert!(seen.windows(2).all(|w| w[0].sent <= w[1].sent));
}

#[tokio::test]
async fn a_refusing_target_is_counted_by_status() {
    let running = receiver(403).await;
    let report = run(
        &delivery::client().unwrap(),
        plan(&running.url(), 60, 8),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!((report.sent, report.succeeded), (60, 0));
    assert_eq!(
        report.errors,
        [ErrorCount {
            kind: "http 403".into(),
            count: 60
        }]
    );
    assert_eq!(report.latency.answered, 60, "a refusal is still an answer");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["errors"][0]["kind"], "http 403");
    assert!(json["latency"]["p99Micros"].is_u64());
    assert!(json["histogram"][0]["upperMicros"].is_u64());
}

#[tokio::test]
async fn a_closed_port_gives_connect_errors_and_no_latencies() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let last = Mutex::new(None);
    let report = run(
        &delivery::client().unwrap(),
        plan(&format!("http://{closed}/chat/x"), 30, 5),
        |p| *last.lock().unwrap() = Some(p),
    )
    .await
    .unwrap();
    assert_eq!((report.sent, report.succeeded), (30, 0));
    assert_eq!(
        report.errors,
        [ErrorCount {
            kind: "connect".into(),
            count: 30
        }]
    );
    assert_eq!(report.latency, LatencySummary::default());
    assert!(report.histogram.is_empty());
    assert_eq!(last.into_inner().unwrap().unwrap().sent, 30);
}

#[tokio::test]
async fn plans_that_cannot_run_are_refused_and_concurrency_is_capped() {
    let client = delivery::client().unwrap();
    let url = "http://127.0.0.1:9/chat/x";
    let cases = [
        (plan(url, 0, 1), BurstError::Count(0)),
        (
            plan(url, MAX_COUNT + 1, 1),
            BurstError::Count(MAX_COUNT + 1),
        ),
        (plan(url, 10, 0), BurstError::Concurrency(0)),
        (plan(url, 10, 1001), BurstError::Concurrency(1001)),
        (
            plan("ftp://host/x", 10, 1),
            BurstError::Url("ftp://host/x".into()),
        ),
        (
            BurstPlan {
                chats: 0,
                ..plan(url, 10, 1)
            },
            BurstError::Chats(0),
        ),
    ];
    for (plan, expected) in cases {
        let error = run(&client, plan, |_| {}).await.unwrap_err();
        assert_eq!(error, expected);
        assert!(!error.to_string().is_empty());
    }
    let running = receiver(200).await;
    let report = run(&client, plan(&running.url(), 5, 50), |_| {})
        .await
        .unwrap();
    assert_eq!((report.succeeded, report.concurrency), (5, 5));
}

#[test]
fn bodies_are_go_encoded_events_spread_over_the_chats() {
    let plan = plan("http://127.0.0.1/x", 10, 1);
    assert_eq!(
        String::from_utf8(plan.body(1)).unwrap(),
        "{\"message\":{\"id\":\"burst-1\",\"chatId\":\"burst-chat-1\",\"sender\":\
         {\"id\":\"burst-chat-user-1\",\"type\":\"web\"},\"text\":\"burst message 1\"}}\n"
    );
    let chat = |n| {
        let event: Event = serde_json::from_slice(&plan.body(n)).unwrap();
        event.message.unwrap().chat_id
    };
    assert_eq!(chat(5), "burst-chat-1");
    assert_eq!(chat(8), "burst-chat-4");
}
