//! `HTTP_PROXY` never applies to loopback (issue E §4): the admin API, the gateway and the
//! receiver on 127.0.0.1 are reached directly, while any other host still goes through the
//! proxy, seen by a recording proxy that answers 502.

use std::io::{Read, Write};

use crate::support::{create_on_prod, DataDir, WebitelServer};

/// An HTTP proxy that answers 502 to everything and reports each request line it got.
fn recording_proxy() -> (String, std::sync::mpsc::Receiver<String>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (seen, requests) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            let line = String::from_utf8_lossy(&head)
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            let _ = seen.send(line);
            let _ = stream.write_all(
                b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
            );
        }
    });
    (url, requests)
}

#[test]
fn loopback_is_never_sent_through_the_proxy_other_hosts_still_are() {
    let (proxy, requests) = recording_proxy();
    let env = [
        ("HTTP_PROXY", proxy.as_str()),
        ("http_proxy", proxy.as_str()),
        ("HTTPS_PROXY", proxy.as_str()),
        ("https_proxy", proxy.as_str()),
        ("NO_PROXY", ""),
        ("no_proxy", ""),
    ];
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    // The admin API on 127.0.0.1, then the gateway there, both reached directly.
    let url = webitel.url();
    dir.run_with(
        &["server", "add", "prod", &url, "--token-stdin"],
        Some(&webitel.token),
        &env,
    )
    .ok();
    create_on_prod(&dir, "Support");
    dir.run_with(&["profiles", "push", "Support"], None, &env)
        .ok();
    dir.run_with(&["profiles", "enable", "Support"], None, &env)
        .ok();
    let sent = dir.run_with(&["--json", "send", "Support", "--close", "c-1"], None, &env);
    assert_eq!(sent.json()["status"], 200, "{sent:#?}");
    assert_eq!(
        requests.try_recv().ok(),
        None,
        "the proxy saw a loopback request"
    );

    // Anywhere else the proxy is still used (and its 502 is the answer).
    let away = "http://gateway.invalid/chat/x";
    let proxied = dir.run_with(
        &["--json", "send", "Support", "--close", "c-1", "--url", away],
        None,
        &env,
    );
    assert_eq!(proxied.code, 1, "{proxied:#?}");
    let line = requests
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the proxy got the request");
    assert_eq!(line, format!("POST {away} HTTP/1.1"));
}
