//! `listen` as a script uses it: started in the background, fed signed and unsigned callbacks
//! over plain HTTP, it prints one JSON line per request and exits after `--count`.

use std::io::{Read, Write};
use std::net::TcpStream;

use textgate_core::signature::webitel_sign;

use crate::support::{DataDir, Listener};

const SECRET: &str = "listenSecret0123456789";

/// One HTTP/1.1 POST over a fresh connection; returns the status line's code and the body.
fn post(address: &str, path: &str, body: &[u8], signature: Option<&str>) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(signature) = signature {
        request.push_str(&format!("X-Webitel-Sign: {signature}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn listen_prints_a_json_line_per_request_with_the_verdict_and_exits_after_count() {
    let dir = DataDir::new();
    dir.run(&[
        "profiles",
        "create",
        "--name",
        "Listener",
        "--callback",
        "https://bot.example.com/hook",
        "--secret",
        SECRET,
    ])
    .ok();
    let listener = Listener::start(
        &dir,
        "Listener",
        &["--path", "/hook", "--status", "202", "--count", "3"],
    );
    let address = listener.address();

    let body = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"Hi \\u0026 bye\"}}\n";
    let good = webitel_sign(SECRET.as_bytes(), body);
    assert_eq!(post(&address, "/hook", body, Some(&good)).0, 202);
    assert_eq!(post(&address, "/hook", body, Some(&good[..60])).0, 202);
    assert_eq!(post(&address, "/hook", body, None).0, 202);

    let (lines, stderr) = listener.finish();
    let verdicts: Vec<&str> = lines
        .iter()
        .map(|l| l["signature"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["valid", "invalid", "missing"]);
    assert!(lines
        .iter()
        .all(|l| l["body"] == String::from_utf8_lossy(body).as_ref()));
    assert!(lines
        .iter()
        .all(|l| l["time"].as_i64().unwrap() > 1_700_000_000_000));
    assert!(
        stderr.starts_with("listening on http://127.0.0.1:"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET));
}
