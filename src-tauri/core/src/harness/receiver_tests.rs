//! The receiver over real HTTP: verdicts over the raw bytes, the configured answer, the Host
//! and size guards, 10,000 signed messages at concurrency 50 with none lost or duplicated, and
//! the log's bounded window.

use std::collections::HashSet;
use std::sync::Arc;

use super::*;
use crate::signature::{webitel_sign, WEBITEL_HEADER};

const SECRET: &str = "receiverSecret";

async fn receiver(answer: ReceiverAnswer, max_body: usize) -> RunningReceiver {
    let config = ReceiverConfig {
        max_body,
        answer,
        ..ReceiverConfig::new("hook", SECRET)
    };
    start(config).await.unwrap().0
}

#[tokio::test]
async fn logs_each_request_with_its_verdict_and_answers_as_configured() {
    let answer = ReceiverAnswer {
        status: 202,
        body: "{\"ok\":1}".into(),
        delay: Duration::from_millis(30),
        ..ReceiverAnswer::default()
    };
    let running = receiver(answer, DEFAULT_MAX_BODY).await;
    assert!(running.url().ends_with("/hook"));
    let client = reqwest::Client::new();
    let body = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"Hello \\u003cb\\u003e\"}}\n";
    let good = webitel_sign(SECRET.as_bytes(), body);
    let started = Instant::now();
    let response = client
        .post(running.url())
        .header(WEBITEL_HEADER, &good)
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert!(started.elapsed() >= Duration::from_millis(30));
    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(response.text().await.unwrap(), "{\"ok\":1}");
    client
        .post(running.url())
        .header(WEBITEL_HEADER, good.to_uppercase())
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    client
        .post(running.url())
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    let other = client
        .get(format!("http://{}/elsewhere", running.address()))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status().as_u16(), 404);

    let log = running.log();
    let verdicts: Vec<_> = log.iter().map(|r| r.verdict.label()).collect();
    assert_eq!(verdicts, ["valid", "invalid", "missing", "missing"]);
    assert_eq!(log[0].body, body);
    assert_eq!(
        (
            log[0].seq,
            log[3].seq,
            log[3].path.as_str(),
            log[3].status()
        ),
        (1, 4, "/elsewhere", Some(404))
    );
}

#[tokio::test]
async fn foreign_hosts_and_oversized_bodies_are_refused() {
    let running = receiver(ReceiverAnswer::default(), 64).await;
    let client = reqwest::Client::new();
    let foreign = client
        .post(running.url())
        .header("Host", "evil.example.com")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status().as_u16(), 421);
    let big = client
        .post(running.url())
        .body(vec![b'x'; 65])
        .send()
        .await
        .unwrap();
    assert_eq!(big.status().as_u16(), 413);
    let localhost = format!("http://localhost:{}/hook", running.address().port());
    assert_eq!(
        client
            .post(localhost)
            .body("{}")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        running.log().len(),
        1,
        "only the loopback request within the limit is logged"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_messages_at_concurrency_fifty_are_each_logged_once() {
    const TOTAL: usize = 10_000;
    let config = ReceiverConfig {
        log_window: TOTAL,
        ..ReceiverConfig::new("/hook", SECRET)
    };
    let (running, mut live) = start(config).await.unwrap();
    let client = reqwest::Client::new();
    let url = Arc::new(running.url());
    let permits = Arc::new(tokio::sync::Semaphore::new(50));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..TOTAL {
        let (client, url, permits) = (client.clone(), url.clone(), permits.clone());
        tasks.spawn(async move {
            let _permit = permits.acquire().await.unwrap();
            let body = format!(
                "{{\"message\":{{\"id\":\"m-{i}\",\"chatId\":\"c-{}\",\"text\":\"n{i}\"}}}}\n",
                i % 7
            );
            let signature = webitel_sign(SECRET.as_bytes(), body.as_bytes());
            let response = client
                .post(url.as_str())
                .header(WEBITEL_HEADER, signature)
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200);
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }
    let log = running.log();
    assert_eq!(log.len(), TOTAL);
    let ids: HashSet<String> = log
        .iter()
        .map(|r| {
            assert!(r.verdict.is_valid());
            let json: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            json["message"]["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids.len(), TOTAL, "no duplicates");
    let seqs: HashSet<u64> = log.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=TOTAL as u64).collect());
    // The live feed saw every one too.
    let mut streamed = 0;
    while live.try_recv().is_ok() {
        streamed += 1;
    }
    assert_eq!(streamed, TOTAL);
}

#[tokio::test]
async fn the_log_keeps_only_the_newest_window_and_counts_them_all() {
    let config = ReceiverConfig {
        log_window: 3,
        ..ReceiverConfig::new("/hook", SECRET)
    };
    let running = start(config).await.unwrap().0;
    let client = reqwest::Client::new();
    for i in 1..=5 {
        client
            .post(running.url())
            .body(format!("m{i}"))
            .send()
            .await
            .unwrap();
    }
    let log = running.log();
    let seqs: Vec<u64> = log.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, [3, 4, 5]);
    assert_eq!(log[2].body, b"m5");
    assert_eq!(running.received(), 5);
}
