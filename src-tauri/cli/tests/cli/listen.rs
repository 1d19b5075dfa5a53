//! `listen` as a script uses it: started in the background, fed signed and unsigned callbacks
//! over plain HTTP, it prints one JSON line per request and exits after `--count`; it answers
//! a burst at full speed while nobody reads its stdout, losing no line, and ends quietly when
//! its reader goes away.

use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use textgate_core::signature::webitel_sign;

use crate::support::{wait_within, DataDir, Listener};

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

fn listener_profile(dir: &DataDir) {
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
}

#[test]
fn listen_prints_a_json_line_per_request_with_the_verdict_and_exits_after_count() {
    let dir = DataDir::new();
    listener_profile(&dir);
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

#[test]
fn listen_answers_a_burst_while_nobody_reads_stdout_and_then_every_line_is_there_in_order() {
    const COUNT: usize = 2000;
    let dir = DataDir::new();
    listener_profile(&dir);
    let count = COUNT.to_string();
    // Nobody reads this listener's stdout until the burst is over: the pipe fills at once.
    let listener = Listener::start(&dir, "Listener", &["--path", "/hook", "--count", &count]);
    // One at a time, so the arrival order is the burst's order.
    let mut burst = Command::new(env!("CARGO_BIN_EXE_textgate-cli"))
        .args([
            "--data-dir",
            dir.path().to_str().unwrap(),
            "--json",
            "burst",
        ])
        .args(["Listener", "--url", &listener.url, "--count", &count])
        .args(["--concurrency", "1"])
        .env_remove("TEXTGATE_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A listener that stops answering makes each request wait out the sender's timeout.
    let status = wait_within(&mut burst, Duration::from_secs(120), "the burst");
    let mut report = String::new();
    burst
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut report)
        .unwrap();
    assert!(status.success(), "{report}");
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["succeeded"], COUNT);

    let (lines, _) = listener.finish();
    let texts: Vec<String> = lines
        .iter()
        .map(|line| {
            let body: serde_json::Value =
                serde_json::from_str(line["body"].as_str().unwrap()).unwrap();
            body["message"]["text"].as_str().unwrap().to_string()
        })
        .collect();
    let first: usize = texts[0]
        .trim_start_matches("burst message ")
        .parse()
        .unwrap();
    let expected: Vec<String> = (first..first + COUNT)
        .map(|n| format!("burst message {n}"))
        .collect();
    assert_eq!(texts, expected, "every line, in arrival order");
    assert!(lines.iter().all(|line| line["signature"] == "valid"));
    let history = dir
        .run(&["--json", "history", "list", "--limit", "5000"])
        .json();
    assert_eq!(history.as_array().unwrap().len(), COUNT);
}

#[test]
fn listen_ends_quietly_when_its_reader_goes_away() {
    let dir = DataDir::new();
    listener_profile(&dir);
    let mut listener = Listener::start(&dir, "Listener", &["--path", "/hook"]);
    let address = listener.address();
    let mut reader = std::io::BufReader::new(listener.take_stdout());
    assert_eq!(post(&address, "/hook", b"{}", None).0, 200);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.contains("\"signature\":\"missing\""), "{line}");
    // `| head -1`: the reader has its line and closes the pipe.
    drop(reader);
    // The next line cannot be written, and listen stops.
    assert_eq!(post(&address, "/hook", b"{}", None).0, 200);
    let (status, stderr) = listener.exit_within(Duration::from_secs(30));
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panic"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "only the address: {stderr}");
}

/// A profile without an app secret (pulled from a gateway whose secret the server did not give)
/// cannot be listened for: the error is core's `no_secret`, the code every front end gives for
/// it (it was `keychain`, a keychain failure's code, before issue G).
#[test]
fn listen_for_a_profile_without_a_secret_fails_with_no_secret() {
    use textgate_core::webitel::wire::{Bot, Metadata};

    use crate::support::WebitelServer;

    let webitel = WebitelServer::start();
    let mut metadata = Metadata::default();
    metadata.0.insert(
        Metadata::WEBHOOK.into(),
        "https://remote.example.com/hook".into(),
    );
    webitel.emulator().insert_bot(Bot {
        uri: "/nosecretgateway".into(),
        name: "Secretless".into(),
        enabled: false,
        provider: "custom".into(),
        metadata,
        ..Bot::default()
    });
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    dir.run(&["gateways", "pull", "--server", "prod"]).ok();

    let (code, message) = dir
        .run(&["--json", "listen", "Secretless", "--port", "0"])
        .json_error();
    assert_eq!(code, "no_secret", "{message}");
    assert!(
        message.starts_with("No app secret for \u{201c}Secretless\u{201d}"),
        "{message}"
    );
}

#[test]
fn listen_says_on_stderr_what_the_history_could_not_keep_and_still_prints_and_exits_0() {
    let dir = DataDir::new();
    listener_profile(&dir);
    let listener = Listener::start(&dir, "Listener", &["--path", "/hook", "--count", "2"]);
    // The history table goes away under the running listener: every write now fails.
    rusqlite::Connection::open(textgate_core::store::database_path(dir.path()))
        .unwrap()
        .execute_batch("DROP TABLE harness_history")
        .unwrap();
    let address = listener.address();
    let body = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"kept?\"}}";
    let good = webitel_sign(SECRET.as_bytes(), body);
    assert_eq!(post(&address, "/hook", body, Some(&good)).0, 200);
    assert_eq!(post(&address, "/hook", body, Some(&good)).0, 200);

    let (lines, stderr) = listener.finish();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines.iter().all(|l| l["signature"] == "valid"));
    assert!(
        stderr.contains("Not kept in the history: Database error"),
        "{stderr}"
    );
}
