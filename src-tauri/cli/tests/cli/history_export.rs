//! `history export` (issue J): what `send` delivered to a running `listen` comes back out of a
//! HAR file byte for byte (a body that is not UTF-8 as base64, a trailing newline kept), and out
//! of JSONL likewise; the list's filters (channel, time range, limit) pick the entries; the
//! count is printed; a failed export leaves no file.

use serde_json::Value;

use crate::support::{DataDir, Listener};

const SECRET: &str = "exportSecret0123456789";

/// Standard base64 (the HAR `encoding: "base64"` bodies), decoded without a crate.
fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut held = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|c| *c != b'=') {
        let value = ALPHABET.iter().position(|a| *a == c).expect("base64") as u32;
        bits = (bits << 6) | value;
        held += 6;
        if held >= 8 {
            held -= 8;
            out.push((bits >> held) as u8);
        }
    }
    out
}

/// The exact bytes of a HAR body object (`postData` or `content`).
fn har_bytes(body: &Value) -> Vec<u8> {
    let text = body["text"].as_str().expect("a body text");
    match body.get("encoding").and_then(Value::as_str) {
        Some("base64") => base64_decode(text),
        None => text.as_bytes().to_vec(),
        Some(other) => panic!("unexpected encoding {other}"),
    }
}

fn jsonl_bytes(line: &Value) -> Vec<u8> {
    let text = line["body"].as_str().unwrap();
    match line.get("bodyEncoding").and_then(Value::as_str) {
        Some("base64") => base64_decode(text),
        _ => text.as_bytes().to_vec(),
    }
}

#[test]
fn a_har_export_gives_back_every_sent_body_byte_for_byte() {
    let dir = DataDir::new();
    dir.create_local_profile("Loop", SECRET);
    let listener = Listener::start(&dir, "Loop", &["--path", "/hook", "--count", "2"]);
    let url = listener.url.clone();
    let bodies: [&[u8]; 2] = [
        b"\xff\xfe{\"not\":\"utf-8\"}\x00\r\n",
        "{\"message\":{\"chatId\":\"c-7\",\"sender\":{\"id\":\"u\"},\"text\":\"Привіт\"}}\n"
            .as_bytes(),
    ];
    for (index, body) in bodies.iter().enumerate() {
        let file = dir.path().join(format!("body-{index}"));
        std::fs::write(&file, body).unwrap();
        dir.run(&[
            "send",
            "Loop",
            "--body-file",
            file.to_str().unwrap(),
            "--url",
            &url,
        ])
        .ok();
    }
    let (lines, _) = listener.finish();
    assert_eq!(lines.len(), 2);

    let har_path = dir.path().join("history.har");
    let printed = dir
        .run(&[
            "history",
            "export",
            "--format",
            "har",
            "--out",
            har_path.to_str().unwrap(),
        ])
        .ok()
        .to_string();
    assert_eq!(
        printed.trim(),
        format!("Exported 4 entries to {}", har_path.display())
    );
    let har: Value = serde_json::from_slice(&std::fs::read(&har_path).unwrap()).unwrap();
    assert_eq!(har["log"]["version"], "1.2");
    assert_eq!(har["log"]["creator"]["name"], "Textgate");
    let entries = har["log"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 4);
    for channel in ["send", "receive"] {
        let exported: Vec<Vec<u8>> = entries
            .iter()
            .filter(|entry| entry["_channel"] == channel)
            .map(|entry| har_bytes(&entry["request"]["postData"]))
            .collect();
        assert_eq!(exported, bodies.map(<[u8]>::to_vec), "{channel}");
    }
    let first_send = entries.iter().find(|e| e["_channel"] == "send").unwrap();
    assert_eq!(first_send["request"]["postData"]["encoding"], "base64");
    assert_eq!(first_send["request"]["bodySize"], bodies[0].len());
    assert_eq!(first_send["response"]["status"], 200);
    assert_eq!(first_send["_signing"], "correct");
    let received = entries.iter().find(|e| e["_channel"] == "receive").unwrap();
    assert_eq!(received["_verdict"]["verdict"], "valid");
    let text = std::fs::read_to_string(&har_path).unwrap();
    assert!(!text.contains(SECRET), "the secret stays out of the export");

    let jsonl_path = dir.path().join("received.jsonl");
    let printed = dir
        .run(&[
            "history",
            "export",
            "--channel",
            "receive",
            "--out",
            jsonl_path.to_str().unwrap(),
        ])
        .ok()
        .to_string();
    assert!(printed.starts_with("Exported 2 entries"), "{printed}");
    let lines: Vec<Value> = std::fs::read_to_string(&jsonl_path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let exported: Vec<Vec<u8>> = lines.iter().map(jsonl_bytes).collect();
    assert_eq!(exported, bodies.map(<[u8]>::to_vec));
    assert!(lines.iter().all(|line| line["channel"] == "receive"));
}

#[test]
fn filters_limit_and_time_range_pick_entries_and_a_failed_export_writes_nothing() {
    let dir = DataDir::new();
    dir.create_local_profile("Loop", SECRET);
    for text in ["one", "two", "three"] {
        // Nothing listens on port 9: each send fails and is kept as a failed entry.
        dir.run(&[
            "send",
            "Loop",
            "--text",
            text,
            "--chat-id",
            "c-1",
            "--sender-id",
            "u",
            "--url",
            "http://127.0.0.1:9/hook",
        ]);
    }
    let out = dir.path().join("h.har");
    let out_arg = out.to_str().unwrap();
    let exported = dir
        .run(&[
            "--json", "history", "export", "--limit", "2", "--out", out_arg,
        ])
        .json();
    assert_eq!(exported["exported"], 2);
    let har: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let texts: Vec<&str> = har["log"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["request"]["postData"]["text"].as_str().unwrap())
        .collect();
    assert!(
        texts[0].contains("two") && texts[1].contains("three"),
        "{texts:?}"
    );
    let failed = &har["log"]["entries"][0];
    assert_eq!(failed["response"]["status"], 0);
    assert_eq!(failed["_failure"]["kind"], "connect");

    let future = dir
        .run(&[
            "--json",
            "history",
            "export",
            "--since",
            "2999-01-01T00:00:00Z",
            "--out",
            out_arg,
        ])
        .json();
    assert_eq!(future["exported"], 0);
    let past = dir
        .run(&[
            "--json",
            "history",
            "list",
            "--until",
            "0",
            "--channel",
            "send",
        ])
        .json();
    assert_eq!(past, Value::Array(vec![]));
    let all = dir
        .run(&[
            "--json",
            "history",
            "list",
            "--since",
            "1000",
            "--channel",
            "send",
        ])
        .json();
    assert_eq!(all.as_array().unwrap().len(), 3);
    assert_eq!(
        dir.run(&["--json", "history", "list", "--channel", "receive"])
            .json(),
        Value::Array(vec![])
    );

    let nowhere = dir.path().join("missing").join("h.har");
    let run = dir.run(&["history", "export", "--out", nowhere.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.failure_line().contains("Could not write the export"),
        "{}",
        run.failure_line()
    );
    assert!(!nowhere.parent().unwrap().exists());
}
