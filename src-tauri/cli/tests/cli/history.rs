//! The history from a terminal: `send` to a running `listen` keeps both sides, `history list`
//! finds them by chat, status and direction (`--direction in|out`), and `history replay` (as
//! recorded and `--resign`) sends the very same bytes again.

use crate::support::{DataDir, Listener};

const SECRET: &str = "historySecret0123456789";

#[test]
fn send_to_listen_then_search_and_replay_byte_for_byte() {
    let dir = DataDir::new();
    dir.create_local_profile("Loop", SECRET);
    let listener = Listener::start(&dir, "Loop", &["--path", "/hook", "--count", "3"]);
    let url = listener.url.clone();

    let body = "{\"message\":{\"chatId\":\"c-42\",\"sender\":{\"id\":\"u\"},\"text\":\"Привіт & <bye>\"}}\n";
    let file = dir.path().join("body.json");
    std::fs::write(&file, body).unwrap();
    let sent = dir
        .run(&[
            "--json",
            "send",
            "Loop",
            "--body-file",
            file.to_str().unwrap(),
            "--url",
            &url,
            "--bad-signature",
        ])
        .code;
    assert_eq!(sent, 1, "the receiver answered 200 where 403 was expected");
    let listed = dir
        .run(&[
            "--json",
            "history",
            "list",
            "--chat-id",
            "c-42",
            "--status",
            "2xx",
        ])
        .json();
    let entries = listed.as_array().unwrap();
    let send_entry = entries
        .iter()
        .find(|e| e["channel"] == "send")
        .expect("the send is kept");
    let id = send_entry["id"].as_i64().unwrap().to_string();
    assert_eq!(send_entry["signing"], "wrong");
    assert_eq!(send_entry["text"], "Привіт & <bye>");

    dir.run(&["history", "replay", &id]).ok();
    let resigned = dir
        .run(&["--json", "history", "replay", &id, "--resign"])
        .json();
    assert_eq!(resigned["replayOf"].as_i64().unwrap().to_string(), id);
    assert_eq!(resigned["signing"], "correct");

    let (lines, _) = listener.finish();
    assert_eq!(lines.len(), 3);
    assert!(
        lines.iter().all(|l| l["body"] == body),
        "bodies differ: {lines:?}"
    );
    let verdicts: Vec<&str> = lines
        .iter()
        .map(|l| l["signature"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["invalid", "invalid", "valid"]);

    let received = dir
        .run(&["--json", "history", "list", "--profile", "Loop"])
        .json();
    let channels: Vec<&str> = received
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["channel"].as_str().unwrap())
        .collect();
    assert_eq!(
        channels.iter().filter(|c| **c == "receive").count(),
        3,
        "{channels:?}"
    );
    assert_eq!(
        channels.iter().filter(|c| **c == "send").count(),
        3,
        "{channels:?}"
    );
    let shown = dir.run(&["history", "show", &id]).ok().to_string();
    assert!(shown.contains("X-Webitel-Sign: "), "{shown}");
    assert!(shown.contains("Привіт & <bye>"), "{shown}");
    let (code, _) = dir
        .run(&["--json", "history", "show", "99999"])
        .json_error();
    assert_eq!(code, "history_not_found");
    dir.assert_never_printed(SECRET);
}

#[test]
fn list_by_direction_keeps_what_arrived_or_what_was_sent() {
    let dir = DataDir::new();
    dir.run(&[
        "profiles",
        "create",
        "--name",
        "Echo",
        "--callback",
        "https://bot.example.com/hook",
        "--secret",
        SECRET,
    ])
    .ok();
    let listener = Listener::start(&dir, "Echo", &["--path", "/hook", "--count", "1"]);
    let url = listener.url.clone();
    dir.run(&[
        "emulate",
        "Echo",
        "--chat-id",
        "c-7",
        "--text",
        "Hello from the agent",
        "--url",
        &url,
    ])
    .ok();
    let (lines, _) = listener.finish();
    assert_eq!(lines.len(), 1);

    let channels = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--json", "history", "list", "--chat-id", "c-7"];
        args.extend_from_slice(extra);
        dir.run(&args)
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["channel"].as_str().unwrap().to_string())
            .collect()
    };
    let mut both = channels(&[]);
    both.sort();
    assert_eq!(
        both,
        ["emulate", "receive"],
        "the receiver and the sender each kept theirs"
    );
    assert_eq!(channels(&["--direction", "in"]), ["receive"]);
    assert_eq!(channels(&["--direction", "out"]), ["emulate"]);

    let table = dir
        .run(&["history", "list", "--direction", "in"])
        .ok()
        .to_string();
    assert!(
        table.starts_with("ID"),
        "the same table as without the flag: {table}"
    );
    assert!(
        table.contains("receive") && !table.contains("emulate"),
        "{table}"
    );
    let none = dir
        .run(&["history", "list", "--direction", "out", "--chat-id", "c-8"])
        .ok()
        .to_string();
    assert_eq!(none.trim(), "No requests in the history");
}
