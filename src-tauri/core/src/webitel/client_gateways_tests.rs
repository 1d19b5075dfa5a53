//! The answer cap against a server streaming without a length, shape checks of gateway
//! answers, and finding a gateway by its exact URI.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::*;
use crate::emulator::Emulator;
use crate::sensitive::Sensitive;
use crate::webitel::client::ClientConfig;
use crate::webitel::wire::Metadata;

fn client_for(base: &str) -> WebitelClient {
    let config = ClientConfig {
        timeout: Duration::from_secs(5),
        retry_backoff: Duration::from_millis(10),
        ..ClientConfig::new(base)
    };
    WebitelClient::new(&config, Some(Sensitive::new("tok".into()))).unwrap()
}

#[tokio::test]
async fn a_chunked_answer_is_cut_off_at_the_cap() {
    // A bare server answering every request with 64 MiB of chunked JSON, counting what it
    // managed to write before the client hung up.
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await.unwrap();
        socket
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            .await
            .unwrap();
        let chunk = vec![b' '; 1 << 20];
        let mut written = 0usize;
        while written < 64 << 20 {
            let head = format!("{:x}\r\n", chunk.len());
            let sent = async {
                socket.write_all(head.as_bytes()).await?;
                socket.write_all(&chunk).await?;
                socket.write_all(b"\r\n").await
            };
            if sent.await.is_err() {
                break;
            }
            written += chunk.len();
        }
        written
    });
    let error = client_for(&base).get_bot(1).await.unwrap_err();
    assert!(error.to_string().contains("larger than 16 MiB"), "{error}");
    let written = server.await.unwrap();
    assert!(
        written < 32 << 20,
        "the client stopped reading: {} MiB were written",
        written >> 20
    );
}

#[tokio::test]
async fn gateway_answers_are_checked_and_found_by_exact_uri() {
    let emulator = Emulator::new("tok");
    let running = emulator.spawn().await.unwrap();
    let client = client_for(&running.base_url());
    let mut metadata = Metadata::default();
    metadata.0.insert("secret".into(), "s".into());
    metadata
        .0
        .insert("webhook".into(), "https://bot.example.com/hook".into());
    let bot = |uri: &str| Bot {
        name: "Support".into(),
        uri: uri.into(),
        provider: "custom".into(),
        metadata: metadata.clone(),
        ..Bot::default()
    };
    let long = client.create_bot(&bot("/abcdef")).await.unwrap();
    let short = client.create_bot(&bot("abc")).await.unwrap();
    assert_eq!(
        short.uri, "/abc",
        "the server adds the slash; still the URI sent"
    );

    // `uri` is a substring filter on the server: only the exact URI is taken.
    let found = client
        .find_custom_bot_by_uri("/abc")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, short.id);
    let found = client
        .find_custom_bot_by_uri("abcdef")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, long.id);
    assert!(client
        .find_custom_bot_by_uri("/ab")
        .await
        .unwrap()
        .is_none());

    let wrong_id = client.check_gateway(long.clone(), short.id, None);
    assert!(wrong_id
        .unwrap_err()
        .to_string()
        .contains("not the gateway"));
    let wrong_uri = client.check_gateway(long.clone(), None, Some("/other"));
    assert!(wrong_uri
        .unwrap_err()
        .to_string()
        .contains("not the gateway sent"));
    let no_id = client.check_gateway(Bot::default(), None, None);
    assert!(no_id.unwrap_err().to_string().contains("has no id"));
}
