//! `emulate` toward a running `listen`: the agent's join rendered from the profile's template,
//! a text, and a close (notice then close event), each verified by the receiver.

use crate::support::{DataDir, Listener};

const SECRET: &str = "emulateSecret0123456789";

#[test]
fn join_text_and_close_reach_the_callback_verified() {
    let dir = DataDir::new();
    dir.run(&[
        "profiles",
        "create",
        "--name",
        "Bot",
        "--callback",
        "https://bot.example.com/hook",
        "--secret",
        SECRET,
        "--template",
        "join=$(.FirstName) $(.LastName) joined",
        "--template",
        "close=Bye & thanks",
    ])
    .ok();
    let listener = Listener::start(&dir, "Bot", &["--path", "/hook", "--count", "4"]);
    let url = listener.url.clone();

    let joined = dir.run(&[
        "emulate",
        "Bot",
        "--chat-id",
        "c-1",
        "--join",
        "Ann Smith",
        "--url",
        &url,
    ]);
    assert!(
        joined.ok().contains(r#""text":"Ann Smith joined""#),
        "{joined:#?}"
    );
    dir.run(&[
        "emulate",
        "Bot",
        "--chat-id",
        "c-1",
        "--text",
        "How can I help?",
        "--url",
        &url,
    ])
    .ok();
    let closed = dir
        .run(&[
            "--json",
            "emulate",
            "Bot",
            "--chat-id",
            "c-1",
            "--close",
            "--url",
            &url,
        ])
        .stdout
        .clone();
    let entries: serde_json::Value = serde_json::from_str(&closed).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 2, "{closed}");

    let (lines, _) = listener.finish();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l["signature"] == "valid"), "{lines:?}");
    assert!(lines[2]["body"]
        .as_str()
        .unwrap()
        .contains("Bye \\u0026 thanks"));
    assert_eq!(lines[3]["body"], "{\"close\":{\"chatId\":\"c-1\"}}\n");

    let (code, message) = dir
        .run(&[
            "--json",
            "emulate",
            "Bot",
            "--chat-id",
            "c",
            "--text",
            "x",
            "--url",
            "ftp://x",
        ])
        .json_error();
    assert_eq!(code, "no_target", "{message}");
    dir.assert_never_printed(SECRET);
}

#[test]
fn a_callback_answering_500_is_not_delivered_exit_1_and_sent_once() {
    let dir = DataDir::new();
    dir.run(&[
        "profiles",
        "create",
        "--name",
        "Bot",
        "--callback",
        "https://bot.example.com/hook",
        "--secret",
        SECRET,
    ])
    .ok();
    let listener = Listener::start(
        &dir,
        "Bot",
        &["--path", "/hook", "--fail-first", "1", "--count", "2"],
    );
    let url = listener.url.clone();
    let failed = dir.run(&[
        "emulate",
        "Bot",
        "--chat-id",
        "c-1",
        "--text",
        "Hello",
        "--url",
        &url,
    ]);
    assert_eq!(failed.code, 1, "{failed:#?}");
    assert!(failed.stdout.contains(" -> 500 in "), "{failed:#?}");
    assert!(
        failed.stderr.contains(
            "Not delivered (HTTP 500): Webitel sends an agent's message once, with no retry"
        ),
        "{failed:#?}"
    );
    // The next one is answered 200: it is the second request the receiver got (no retry).
    let delivered = dir.run(&[
        "emulate",
        "Bot",
        "--chat-id",
        "c-1",
        "--text",
        "Again",
        "--url",
        &url,
    ]);
    assert_eq!(delivered.code, 0, "{delivered:#?}");
    let (lines, _) = listener.finish();
    let texts: Vec<_> = lines
        .iter()
        .map(|l| {
            (
                l["body"].as_str().unwrap().contains("Hello"),
                l["status"].clone(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        [
            (true, serde_json::json!(500)),
            (false, serde_json::json!(200))
        ],
        "Hello sent once, then Again"
    );
}
