//! The connection limits over real sockets: a request whose headers never finish is closed
//! after the header-read timeout, connections past the cap wait for a free slot, and a stop
//! cuts answers that outlast the grace and closes the live feed.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::*;
use crate::harness::receiver::{start, ReceiverAnswer, ReceiverConfig, RunningReceiver};

/// Far longer than any step of these tests takes; only a server that never answers hits it.
const HANG: Duration = Duration::from_secs(20);

/// The request line and Host header, without the blank line that ends the headers.
async fn half_sent(running: &RunningReceiver) -> TcpStream {
    let mut stream = TcpStream::connect(running.address()).await.unwrap();
    let head = format!("POST /hook HTTP/1.1\r\nHost: {}\r\n", running.address());
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

/// Ends the headers of a half-sent request with `body`, and reads the whole answer.
async fn finish(mut stream: TcpStream, body: &str) -> String {
    let rest = format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(rest.as_bytes()).await.unwrap();
    read_all(stream).await
}

/// Everything the server sends until it closes the connection.
async fn read_all(mut stream: TcpStream) -> String {
    let mut answer = Vec::new();
    tokio::time::timeout(HANG, stream.read_to_end(&mut answer))
        .await
        .expect("the server never closed the connection")
        .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_request_whose_headers_never_finish_is_closed_after_the_header_timeout() {
    let config = ReceiverConfig {
        header_read_timeout: Duration::from_secs(1),
        ..ReceiverConfig::new("/hook", "s")
    };
    let running = start(config).await.unwrap().0;
    let stalled = half_sent(&running).await;
    let answer = read_all(stalled).await;
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    assert!(
        running.log().is_empty(),
        "a half-sent request is not logged"
    );
    // The receiver still serves whoever sends a whole request.
    let whole = half_sent(&running).await;
    assert!(finish(whole, "{}").await.starts_with("HTTP/1.1 200"));
}

#[tokio::test]
async fn connections_past_the_cap_wait_until_one_closes() {
    let config = ReceiverConfig {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(60),
        ..ReceiverConfig::new("/hook", "s")
    };
    let running = start(config).await.unwrap().0;
    let first = half_sent(&running).await;
    let second = half_sent(&running).await;
    // A whole request on a third connection: with both slots held it is not even accepted.
    let mut third = TcpStream::connect(running.address()).await.unwrap();
    let request = format!(
        "POST /hook HTTP/1.1\r\nHost: {}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nthird",
        running.address()
    );
    third.write_all(request.as_bytes()).await.unwrap();
    // Time for a server without a cap to answer it (the assertions below do not depend on it).
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(finish(first, "first").await.starts_with("HTTP/1.1 200"));
    // The first connection closed: its slot goes to the third.
    assert!(read_all(third).await.starts_with("HTTP/1.1 200"));
    assert!(finish(second, "second").await.starts_with("HTTP/1.1 200"));
    let bodies: Vec<String> = running
        .log()
        .iter()
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    assert_eq!(bodies, ["first", "third", "second"]);
}

#[tokio::test]
async fn stop_cuts_answers_that_outlast_the_grace_and_closes_the_feed() {
    let config = ReceiverConfig {
        answer: ReceiverAnswer {
            delay: Duration::from_secs(60),
            ..ReceiverAnswer::default()
        },
        ..ReceiverConfig::new("/hook", "s")
    };
    let (running, mut live) = start(config).await.unwrap();
    let address = running.address();
    let url = running.url();
    let waiting = tokio::spawn(async move {
        reqwest::Client::new()
            .post(url)
            .timeout(HANG)
            .body("{}")
            .send()
            .await
    });
    assert!(live.recv().await.is_some(), "the request arrived");
    running.stop(Duration::from_millis(200)).await;

    let cut = waiting
        .await
        .unwrap()
        .expect_err("no answer after the stop");
    assert!(
        !cut.is_timeout(),
        "the connection was cut, not left hanging: {cut}"
    );
    let closed = tokio::time::timeout(HANG, live.recv()).await;
    assert!(
        matches!(closed, Ok(None)),
        "the feed ends with the receiver"
    );
    std::net::TcpListener::bind(address).expect("the port is free again");
}
