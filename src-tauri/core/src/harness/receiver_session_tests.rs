//! The one answer check (a 1xx is refused: the receiver could only send a 500 for it), a
//! history write that fails on a real SQLite file reported to the sink and to the app's live
//! feed instead of dropped, and the request limit `listen --count` relies on.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;
use crate::harness::receiver::{start, ReceiverConfig, RunningReceiver};
use crate::harness::receiver_feed::{self, LiveBatch};
use crate::secrets::MemorySecretStore;
use crate::signature::{webitel_sign, WEBITEL_HEADER};
use crate::store::{database_path, Store};
use crate::workspace::Workspace;

const SECRET: &str = "sessionSecret";

async fn post(url: &str, n: usize) -> u16 {
    let body = format!("{{\"message\":{{\"chatId\":\"c-1\",\"text\":\"n{n}\"}}}}");
    reqwest::Client::new()
        .post(url)
        .header(
            WEBITEL_HEADER,
            webitel_sign(SECRET.as_bytes(), body.as_bytes()),
        )
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// A receiver that got `count` requests and was stopped, with its feed still to be read.
async fn received(count: usize) -> (String, mpsc::UnboundedReceiver<ReceivedRequest>) {
    let (running, live) = start(ReceiverConfig::new("/hook", SECRET)).await.unwrap();
    let url = running.url();
    for n in 0..count {
        assert_eq!(post(&url, n).await, 200);
    }
    running.stop(Duration::from_secs(2)).await;
    (url, live)
}

/// A workspace on a real SQLite file whose history table is gone, so every write fails.
fn workspace_with_a_broken_history(dir: &std::path::Path) -> Arc<Workspace> {
    let workspace = Workspace::new(
        Store::open_in(dir).unwrap(),
        Arc::new(MemorySecretStore::default()),
    );
    rusqlite::Connection::open(database_path(dir))
        .unwrap()
        .execute_batch("DROP TABLE harness_history")
        .unwrap();
    Arc::new(workspace)
}

#[derive(Default)]
struct Recorder {
    forwarded: Vec<(u64, usize)>,
    not_recorded: Vec<(usize, crate::ErrorCode)>,
}

impl ReceiverSink for Recorder {
    fn forward(&mut self, requests: &[ReceivedRequest], entries: Vec<HistoryEntry>) {
        for request in requests {
            self.forwarded.push((request.seq, entries.len()));
        }
    }

    fn not_recorded(&mut self, count: usize, error: &CoreError) {
        self.not_recorded.push((count, error.code()));
    }
}

async fn answered(status: u16) -> (u16, RunningReceiver) {
    let config = ReceiverConfig {
        answer: ReceiverAnswer {
            status,
            ..ReceiverAnswer::default()
        },
        ..ReceiverConfig::new("/hook", SECRET)
    };
    let (running, _live) = start(config).await.unwrap();
    (post(&running.url(), 0).await, running)
}

#[tokio::test]
async fn the_answer_check_accepts_exactly_what_the_receiver_can_send() {
    // The old rule (100-599) let a 1xx through, which the sender saw as a 500.
    let (status, running) = answered(150).await;
    assert_eq!(status, 500, "hyper cannot send a 1xx as the answer");
    assert_eq!(
        running.log()[0].status(),
        Some(150),
        "and the log would have said 150"
    );
    let answer = |status, delay| ReceiverAnswer {
        status,
        delay,
        ..ReceiverAnswer::default()
    };
    for refused in [100, 150, 199, 600] {
        let error = check_answer(&answer(refused, Duration::ZERO)).unwrap_err();
        assert_eq!(error.code(), "invalid_answer");
        assert!(error.to_string().contains("200-599"), "{error}");
    }
    for accepted in [200, 418, 599] {
        check_answer(&answer(accepted, MAX_ANSWER_DELAY)).unwrap();
        assert_eq!(answered(accepted).await.0, accepted);
    }
    let too_slow = check_answer(&answer(200, MAX_ANSWER_DELAY + Duration::from_millis(1)));
    assert_eq!(too_slow.unwrap_err().code(), "invalid_answer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_history_write_is_reported_and_the_requests_still_forwarded() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = workspace_with_a_broken_history(dir.path());
    let (url, mut live) = received(3).await;
    let mut sink = Recorder::default();
    let store = |requests: Vec<ReceivedRequest>| {
        let stored = workspace
            .harness()
            .record_received_batch(None, &url, &requests);
        std::future::ready((requests, stored))
    };

    let ended = follow(
        &mut live,
        store,
        &mut sink,
        None,
        std::future::pending::<()>(),
    )
    .await;

    assert!(matches!(ended, Ended::Closed), "{ended:?}");
    assert_eq!(sink.forwarded, [(1, 0), (2, 0), (3, 0)]);
    let lost: usize = sink.not_recorded.iter().map(|(count, _)| count).sum();
    assert_eq!(lost, 3);
    assert!(sink.not_recorded.iter().all(|(_, code)| *code == "storage"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_feed_says_how_many_requests_the_history_could_not_keep() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = workspace_with_a_broken_history(dir.path());
    let (url, live) = received(4).await;
    let batches: Arc<Mutex<Vec<LiveBatch>>> = Arc::default();
    let seen = batches.clone();
    let store = move |requests: &[ReceivedRequest]| {
        workspace
            .harness()
            .record_received_batch(None, &url, requests)
    };

    receiver_feed::follow(live, 10, store, move |batch| {
        seen.lock().unwrap().push(batch)
    })
    .await;

    let batches = batches.lock().unwrap();
    let lost: u64 = batches.iter().map(|b| b.not_recorded).sum();
    assert_eq!(lost, 4);
    assert!(batches.iter().all(|b| b.entries.is_empty()));
    let why = batches
        .iter()
        .find_map(|b| b.history_error.clone())
        .unwrap();
    assert!(why.starts_with("Database error"), "{why}");
}

#[tokio::test]
async fn the_limit_stops_the_session_and_what_is_left_can_still_be_kept() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(
        Store::open_in(dir.path()).unwrap(),
        Arc::new(MemorySecretStore::default()),
    );
    let (url, mut live) = received(5).await;
    let mut sink = Recorder::default();
    let store = |requests: Vec<ReceivedRequest>| {
        let stored = workspace
            .harness()
            .record_received_batch(None, &url, &requests);
        std::future::ready((requests, stored))
    };

    let ended = follow(
        &mut live,
        store,
        &mut sink,
        Some(2),
        std::future::pending::<()>(),
    )
    .await;
    assert!(matches!(ended, Ended::Limit), "{ended:?}");
    assert_eq!(sink.forwarded, [(1, 2), (2, 2)]);

    keep_the_rest(&mut live, store, &mut sink).await;
    assert_eq!(sink.forwarded.len(), 2, "the rest is kept, not forwarded");
    let kept = workspace
        .harness()
        .search_history(&Default::default())
        .unwrap();
    assert_eq!(kept.len(), 2, "requests past the limit are not kept");
    assert!(sink.not_recorded.is_empty());
}
