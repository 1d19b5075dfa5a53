//! Unit tests of `in_order.rs`.

use std::time::Duration;

use super::*;
use crate::harness::delivery;
use crate::harness::receiver::{start, ReceiverAnswer, ReceiverConfig};

const SECRET: &str = "inOrderSecret";

fn bodies() -> Vec<Vec<u8>> {
    (1..=3)
        .map(|n| format!("{{\"n\":{n}}}").into_bytes())
        .collect()
}

#[tokio::test]
async fn every_body_goes_in_order_and_a_non_2xx_answer_does_not_stop() {
    let config = ReceiverConfig {
        answer: ReceiverAnswer {
            status: 500,
            ..ReceiverAnswer::default()
        },
        ..ReceiverConfig::new("/hook", SECRET)
    };
    let (running, _live) = start(config).await.unwrap();
    let client = delivery::client().unwrap();
    let statuses = deliver_in_order(&client, &running.url(), SECRET.as_bytes(), bodies(), |e| {
        Ok::<_, ()>(e.status)
    })
    .await
    .unwrap();
    assert_eq!(statuses, [Some(500); 3]);
    let log = running.log();
    let got: Vec<&[u8]> = log.iter().map(|r| r.body.as_slice()).collect();
    assert_eq!(got, bodies().iter().map(Vec::as_slice).collect::<Vec<_>>());
    assert!(log.iter().all(|r| r.verdict.is_valid()));
    running.stop(Duration::from_secs(1)).await;
}

#[tokio::test]
async fn no_answer_at_all_ends_the_sequence_and_each_can_stop_it() {
    let client = delivery::client().unwrap();
    // Nothing listens on a port the OS just freed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/hook");
    let tried = deliver_in_order(&client, &url, SECRET.as_bytes(), bodies(), |e| {
        Ok::<_, ()>(e.failure.is_some())
    })
    .await
    .unwrap();
    assert_eq!(tried, [true], "the first unanswered delivery ends it");

    let (running, _live) = start(ReceiverConfig::new("/hook", SECRET)).await.unwrap();
    let mut calls = 0;
    let stopped = deliver_in_order(&client, &running.url(), SECRET.as_bytes(), bodies(), |_| {
        calls += 1;
        if calls == 2 {
            Err("full disk")
        } else {
            Ok(())
        }
    })
    .await;
    assert_eq!(stopped, Err("full disk"));
    assert_eq!(running.log().len(), 2, "nothing after the error is sent");
    running.stop(Duration::from_secs(1)).await;
}
