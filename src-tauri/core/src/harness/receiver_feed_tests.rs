//! The live window keeps the newest entries and counts the rest; a flood through a real
//! receiver into a real SQLite file reaches the history whole and in order while the view
//! gets bounded batches whose entries and "not shown" counts add up to every request.

use std::sync::{Arc, Mutex};

use super::*;
use crate::harness::receiver::{start, ReceiverConfig};
use crate::secrets::MemorySecretStore;
use crate::signature::{webitel_sign, WEBITEL_HEADER};
use crate::store::Store;
use crate::workspace::Workspace;

const SECRET: &str = "feedSecret";

fn entry(id: i64) -> HistoryEntry {
    HistoryEntry {
        id,
        time: 0,
        profile_id: None,
        channel: super::super::history::Channel::Receive,
        replay_of: None,
        method: "POST".into(),
        url: "http://127.0.0.1/hook".into(),
        request_headers: Vec::new(),
        body: String::new(),
        status: Some(200),
        response_headers: Vec::new(),
        response: String::new(),
        elapsed_micros: None,
        signing: None,
        verdict: None,
        failure: None,
        chat_id: None,
        text: None,
    }
}

#[test]
fn the_window_keeps_the_newest_and_counts_what_it_pushed_out() {
    let mut window = LiveWindow::new(200);
    assert_eq!(window.take(), None, "nothing to send");
    for id in 1..=250 {
        window.push(entry(id));
    }
    let batch = window.take().unwrap();
    let ids: Vec<i64> = batch.entries.iter().map(|e| e.id).collect();
    assert_eq!(ids, (51..=250).collect::<Vec<_>>());
    assert_eq!(batch.not_shown, 50);
    assert_eq!(window.take(), None, "the window starts empty again");
    window.push(entry(251));
    assert_eq!(window.take().unwrap().not_shown, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_is_stored_whole_and_in_order_while_the_view_gets_bounded_batches() {
    const TOTAL: usize = 1500;
    const WINDOW: usize = 40;
    let dir = tempfile::tempdir().unwrap();
    let workspace = Arc::new(Workspace::new(
        Store::open_in(dir.path()).unwrap(),
        Arc::new(MemorySecretStore::default()),
    ));
    let (running, live) = start(ReceiverConfig::new("/hook", SECRET)).await.unwrap();
    let url = running.url();
    let store = {
        let (workspace, url) = (workspace.clone(), url.clone());
        move |requests: &[ReceivedRequest]| {
            workspace
                .harness()
                .record_received_batch(None, &url, requests)
        }
    };
    let batches = Arc::new(Mutex::new(Vec::new()));
    let seen = batches.clone();
    let follower = tokio::spawn(follow(live, WINDOW, store, move |batch| {
        seen.lock().unwrap().push(batch)
    }));

    let client = reqwest::Client::new();
    let permits = Arc::new(tokio::sync::Semaphore::new(25));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..TOTAL {
        let (client, url, permits) = (client.clone(), url.clone(), permits.clone());
        tasks.spawn(async move {
            let _permit = permits.acquire().await.unwrap();
            let body = format!("{{\"message\":{{\"chatId\":\"c-1\",\"text\":\"n{i}\"}}}}");
            let signature = webitel_sign(SECRET.as_bytes(), body.as_bytes());
            let response = client
                .post(url)
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
    running.stop(Duration::from_secs(2)).await;
    // The feed closed with the receiver, so the follower stores what was queued and ends.
    follower.await.unwrap();

    let history = workspace
        .harness()
        .search_history(&super::super::history::HistoryQuery {
            limit: Some(5000),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(history.len(), TOTAL, "every request is in the history");
    let batches = batches.lock().unwrap();
    assert!(batches.iter().all(|b| b.entries.len() <= WINDOW));
    let shown: usize = batches.iter().map(|b| b.entries.len()).sum();
    let passed_over: u64 = batches.iter().map(|b| b.not_shown).sum();
    assert_eq!(shown as u64 + passed_over, TOTAL as u64);
    // The view's entries are history entries in arrival order, the newest last.
    let ids: Vec<i64> = batches
        .iter()
        .flat_map(|b| b.entries.iter().map(|e| e.id))
        .collect();
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
    assert_eq!(ids.last(), history.first().map(|e| &e.id));
}
