//! Copy as cURL for real (issue J): the commands `send --print-curl`, `history show --curl`
//! and `emulate --print-curl` print are run by bash with the real `curl` against a running
//! `listen`, which finds each signature valid and each body the original one (a trailing
//! newline; bytes that are not UTF-8, quotes, `$`, backslashes, `%`). Then `history replay`
//! with edits: a new body and header re-signed, kept (so invalid) and unsigned, each linked.

use crate::support::{DataDir, Listener};

const SECRET: &str = "curlSecret0123456789";

fn run_in_bash(command: &str) {
    let output = std::process::Command::new("bash")
        .args(["-c", &format!("{} -sS -o /dev/null", command.trim_end())])
        .output()
        .unwrap();
    assert!(output.status.success(), "{command}\n{output:?}");
}

#[test]
fn printed_curl_commands_deliver_the_exact_bytes_with_a_valid_signature() {
    let dir = DataDir::new();
    dir.create_local_profile("Loop", SECRET);
    let listener = Listener::start(&dir, "Loop", &["--path", "/hook", "--count", "4"]);
    let url = listener.url.clone();
    let bodies: [&[u8]; 2] = [
        b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"hi\"}}\n",
        b"{\"text\":\"it's \\\"$HOME\\\" \\\\ %s `x`\",\"raw\":\"\xff\xfe\x01\"}",
    ];
    for (n, body) in bodies.iter().enumerate() {
        let file = dir.path().join(format!("body-{n}"));
        std::fs::write(&file, body).unwrap();
        let args = [
            "send",
            "Loop",
            "--body-file",
            file.to_str().unwrap(),
            "--url",
            &url,
        ];
        let printed = dir.run(&[&args[..], &["--print-curl"]].concat());
        let command = printed.ok().to_string();
        assert!(
            command.starts_with("printf ") || command.starts_with("curl "),
            "{command}"
        );
        run_in_bash(&command);
    }
    let history = dir
        .run(&["--json", "history", "list", "--direction", "out"])
        .json();
    assert_eq!(
        history.as_array().unwrap().len(),
        0,
        "--print-curl sends nothing itself"
    );

    // What the receiver recorded, copied as cURL, sends the same bytes again.
    // The listener stores what it got on its own thread: wait (boundedly) for both.
    let mut received = serde_json::Value::Null;
    for _ in 0..200 {
        received = dir
            .run(&["--json", "history", "list", "--direction", "in"])
            .json();
        if received.as_array().unwrap().len() == 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(received.as_array().unwrap().len(), 2, "{received}");
    let first_received = received.as_array().unwrap().last().unwrap()["id"].to_string();
    let again = dir.run(&["history", "show", &first_received, "--curl"]);
    run_in_bash(again.ok());
    let json = dir
        .run(&["--json", "history", "show", &first_received, "--curl"])
        .json();
    assert_eq!(json["curl"].as_str(), Some(again.ok().trim_end()));

    let emulated = dir.run(&[
        "emulate",
        "Loop",
        "--chat-id",
        "c-9",
        "--text",
        "agent's $reply",
        "--url",
        &url,
        "--print-curl",
    ]);
    run_in_bash(emulated.ok());

    let (lines, _) = listener.finish();
    let got: Vec<(String, String)> = lines
        .iter()
        .take(4)
        .map(|l| {
            (
                l["signature"].as_str().unwrap().to_string(),
                l["body"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [bodies[0], bodies[1], bodies[0]]
        .iter()
        .map(|b| ("valid".to_string(), String::from_utf8_lossy(b).into_owned()))
        .collect();
    assert_eq!(got[..3], expected[..], "{lines:?}");
    assert_eq!(lines[3]["signature"], "valid");
    assert!(lines[3]["body"]
        .as_str()
        .unwrap()
        .contains("agent's $reply"));
    assert_eq!(lines.len(), 4, "{lines:?}");
}

#[test]
fn history_replay_with_edits_signs_as_asked_and_links_to_the_original() {
    let dir = DataDir::new();
    dir.create_local_profile("Loop", SECRET);
    let listener = Listener::start(&dir, "Loop", &["--path", "/hook", "--count", "4"]);
    let url = listener.url.clone();
    let sent = dir
        .run(&["--json", "send", "Loop", "--close", "c-1", "--url", &url])
        .json();
    let id = sent["id"].to_string();
    let edited = dir.path().join("edited.json");
    std::fs::write(&edited, "{\"close\":{\"chatId\":\"c-2\"}}\n").unwrap();
    let edit = |signing: &[&str]| {
        let base = [
            "--json",
            "history",
            "replay",
            &id,
            "--body-file",
            edited.to_str().unwrap(),
            "--header",
            "X-Trace: t-1",
            "--url",
            &url,
        ];
        dir.run(&[&base[..], signing].concat()).json()
    };
    let resigned = edit(&["--resign"]);
    let kept = edit(&[]);
    let unsigned = edit(&["--unsigned"]);
    for entry in [&resigned, &kept, &unsigned] {
        assert_eq!(entry["replayOf"].to_string(), id);
        assert_eq!(entry["body"], "{\"close\":{\"chatId\":\"c-2\"}}\n");
        let headers = entry["requestHeaders"].as_array().unwrap();
        assert!(
            headers.iter().any(|h| h[0] == "X-Trace" && h[1] == "t-1"),
            "{entry}"
        );
    }
    assert_eq!(resigned["signing"], "correct");
    assert_eq!(kept["signing"], "wrong");
    assert_eq!(unsigned["signing"], "unsigned");
    let (lines, _) = listener.finish();
    let verdicts: Vec<&str> = lines
        .iter()
        .map(|l| l["signature"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["valid", "valid", "invalid", "missing"]);

    let refused = dir.run(&["history", "replay", &id, "--header", "no colon"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("is not a header"),
        "{}",
        refused.stderr
    );
}
