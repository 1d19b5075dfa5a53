//! Receivers that fail on purpose, over real connections: fail-first answers 500, 500, 200; a
//! dropped request's connection closes with no byte of an answer; a hung request never gets
//! one (the sender times out) while other requests are still served, and it ends, its
//! connection closed, as soon as the receiver stops.

use std::io::{Read, Write};
use std::net::TcpStream;

use super::*;

async fn receiver(plan: AnswerPlan) -> RunningReceiver {
    let config = ReceiverConfig {
        answer: ReceiverAnswer {
            plan,
            ..ReceiverAnswer::default()
        },
        ..ReceiverConfig::new("hook", "failSecret")
    };
    start(config).await.unwrap().0
}

/// Sends one POST on a fresh connection and reads until the connection closes or `wait`
/// passes: `Ok(bytes)` at the close, `Err` when nothing closed it in time.
async fn raw_post(address: SocketAddr, path: &str, wait: Duration) -> std::io::Result<Vec<u8>> {
    let path = path.to_string();
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address)?;
        stream.set_read_timeout(Some(wait))?;
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
             Content-Length: 2\r\nConnection: close\r\n\r\n{{}}"
        )?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer)?;
        Ok(answer)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn fail_first_two_answers_500_500_then_the_configured_answer() {
    let running = receiver(AnswerPlan::FailFirst {
        count: 2,
        status: 500,
    })
    .await;
    let client = reqwest::Client::new();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let response = client.post(running.url()).body("{}").send().await.unwrap();
        seen.push((response.status().as_u16(), response.text().await.unwrap()));
    }
    assert_eq!(
        seen,
        [
            (500, receiver_plan::FAIL_BODY.to_string()),
            (500, receiver_plan::FAIL_BODY.to_string()),
            (200, "{\"success\":true}".to_string()),
        ]
    );
    let answered: Vec<_> = running.log().iter().map(|r| r.answered).collect();
    assert_eq!(
        answered,
        [
            Answered::Status(500),
            Answered::Status(500),
            Answered::Status(200)
        ]
    );
}

#[tokio::test]
async fn a_dropped_request_gets_its_connection_closed_without_an_answer() {
    let running = receiver(AnswerPlan::Drop).await;
    let answer = raw_post(running.address(), "/hook", Duration::from_secs(20))
        .await
        .expect("the receiver closes the connection");
    assert_eq!(
        String::from_utf8_lossy(&answer),
        "",
        "not a byte of an answer"
    );
    let error = reqwest::Client::new()
        .post(running.url())
        .body("{}")
        .send()
        .await
        .expect_err("no answer to read");
    assert!(!error.is_timeout(), "{error}");
    let answered: Vec<_> = running.log().iter().map(|r| r.answered).collect();
    assert_eq!(answered, [Answered::Dropped, Answered::Dropped]);
    assert_eq!(running.log()[0].status(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_request_times_its_sender_out_blocks_no_other_and_ends_at_stop() {
    let running = receiver(AnswerPlan::Hang).await;
    let address = running.address();
    let timed_out = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap()
        .post(running.url())
        .body("{}")
        .send()
        .await
        .expect_err("never answered");
    assert!(timed_out.is_timeout(), "{timed_out}");
    // One left hanging on its connection; others are still served meanwhile.
    let hanging = tokio::spawn(raw_post(address, "/hook", Duration::from_secs(3600)));
    let elsewhere = reqwest::Client::new()
        .get(format!("http://{address}/elsewhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.status().as_u16(), 404);
    while running.received() < 3 {
        tokio::task::yield_now().await;
    }
    // A grace of an hour: only the receiver's own stop can end the hung request in time.
    tokio::time::timeout(
        Duration::from_secs(20),
        running.stop(Duration::from_secs(3600)),
    )
    .await
    .expect("stop ends hung requests at once");
    let answer = tokio::time::timeout(Duration::from_secs(20), hanging)
        .await
        .expect("the hung connection is closed at stop")
        .unwrap()
        .expect("closed, not timed out");
    assert_eq!(String::from_utf8_lossy(&answer), "");
}
