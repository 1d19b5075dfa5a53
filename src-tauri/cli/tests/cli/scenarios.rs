//! Named test events: every built-in `send` scenario accepted by the Webitel emulator, every
//! built-in `emulate` scenario verified by a local receiver, an override changing exactly its
//! field, the admin's own saved, shown and deleted, and a built-in neither deleted nor shadowed.

use serde_json::Value;
use textgate_core::emulator::Direction;

use crate::support::{create_on_prod, DataDir, Listener, WebitelServer};

fn inbound_bodies(server: &WebitelServer) -> Vec<Value> {
    server
        .emulator()
        .chat_log()
        .into_iter()
        .filter(|entry| entry.direction == Direction::Inbound)
        .map(|entry| serde_json::from_slice(&entry.body).unwrap())
        .collect()
}

fn pushed(dir: &DataDir, server: &WebitelServer) {
    dir.add_server("prod", server);
    create_on_prod(dir, "Support");
    dir.run(&["profiles", "push", "Support"]).ok();
    dir.run(&["profiles", "enable", "Support"]).ok();
}

#[test]
fn every_builtin_send_scenario_is_accepted_by_webitel() {
    let server = WebitelServer::start();
    let dir = DataDir::new();
    pushed(&dir, &server);
    let names = [
        "client.text",
        "client.file",
        "client.broadcast-failure",
        "client.close",
    ];
    for name in names {
        let sent = dir.run(&["send", "Support", "--scenario", name, "--chat-id", "c-s"]);
        let out = sent.ok();
        assert!(out.contains("-> 200 OK in "), "{name}: {out}");
        assert!(out.contains("{\"success\":true}"), "{name}: {out}");
        assert!(
            out.contains(&format!("scenario {name}: chat c-s, sender scn-user-")),
            "{out}"
        );
    }
    let bodies = inbound_bodies(&server);
    assert_eq!(bodies.len(), 4, "{bodies:?}");
    assert_eq!(bodies[0]["message"]["chatId"], "c-s");
    assert_eq!(bodies[1]["message"]["file"]["size"], 179491);
    assert!(bodies[2]["broadcast"]["eventId"]
        .as_str()
        .unwrap()
        .starts_with("scn-event-"));
    assert_eq!(bodies[3], serde_json::json!({"close": {"chatId": "c-s"}}));

    // Without --chat-id the message goes to a fresh chat.
    let fresh = dir
        .run(&["--json", "send", "Support", "--scenario", "client.text"])
        .json();
    assert!(
        fresh["chatId"].as_str().unwrap().starts_with("scn-chat-"),
        "{fresh}"
    );
}

#[test]
fn an_override_changes_exactly_that_field() {
    let server = WebitelServer::start();
    let dir = DataDir::new();
    pushed(&dir, &server);
    let ids = ["--chat-id", "c-o", "--sender-id", "u-o"];
    let plain = [&["send", "Support", "--scenario", "client.file"][..], &ids].concat();
    dir.run(&plain).ok();
    let changed = [
        &plain[..],
        &[
            "--set",
            "message.sender.type=viber",
            "--set",
            "message.file.size=2048",
        ],
    ]
    .concat();
    dir.run(&changed).ok();
    let bodies = inbound_bodies(&server);
    let mut expected = bodies[0].clone();
    expected["message"]["sender"]["type"] = "viber".into();
    expected["message"]["file"]["size"] = 2048.into();
    assert_eq!(bodies[1], expected);

    let through = dir
        .run(&[
            "--json",
            "send",
            "Support",
            "--scenario",
            "client.text",
            "--set",
            "message.text.bold=true",
        ])
        .json_error();
    assert_eq!(
        through,
        (
            "scenario_invalid".to_string(),
            "Cannot set message.text.bold: message.text is a string, not an object".to_string()
        )
    );
}

#[test]
fn every_builtin_emulate_scenario_reaches_the_receiver_verified() {
    let dir = DataDir::new();
    dir.run(&[
        "profiles",
        "create",
        "--name",
        "Bot",
        "--callback",
        "https://bot.example.com/hook",
        "--secret",
        "scenarioSecret0123456789",
        "--template",
        "join=$(.FirstName) joined",
        "--template",
        "left=$(.FirstName) left",
        "--template",
        "close=Bye",
    ])
    .ok();
    // text, file, join, left, close (notice and event), broadcast.
    let listener = Listener::start(&dir, "Bot", &["--path", "/hook", "--count", "7"]);
    let url = listener.url.clone();
    for name in [
        "agent.text",
        "agent.file",
        "agent.join",
        "agent.left",
        "agent.close",
        "agent.broadcast",
    ] {
        let run = dir.run(&["emulate", "Bot", "--scenario", name, "--url", &url]);
        assert!(
            run.ok()
                .contains(&format!("scenario {name}: chat scn-chat-")),
            "{run:#?}"
        );
    }
    let (lines, _) = listener.finish();
    assert_eq!(lines.len(), 7, "{lines:?}");
    assert!(lines.iter().all(|l| l["signature"] == "valid"), "{lines:?}");
    let body =
        |i: usize| -> Value { serde_json::from_str(lines[i]["body"].as_str().unwrap()).unwrap() };
    assert_eq!(body(2)["message"]["text"], "Ann joined");
    assert_eq!(body(3)["message"]["text"], "Ann left");
    assert_eq!(body(4)["message"]["text"], "Bye");
    assert!(body(5)["close"]["chatId"].is_string());
    assert_eq!(
        body(6)["broadcast"]["text"],
        "Our office is closed on Monday"
    );

    // With --chat-id and an override.
    let listener = Listener::start(&dir, "Bot", &["--path", "/hook", "--count", "1"]);
    let url = listener.url.clone();
    dir.run(&[
        "emulate",
        "Bot",
        "--scenario",
        "agent.join",
        "--chat-id",
        "c-9",
        "--set",
        "agent.FirstName=Bob",
        "--url",
        &url,
    ])
    .ok();
    let (lines, _) = listener.finish();
    assert_eq!(
        lines[0]["body"]
            .as_str()
            .unwrap()
            .split("\"date\"")
            .next()
            .unwrap(),
        "{\"message\":{\"chatId\":\"c-9\","
    );
    assert!(lines[0]["body"]
        .as_str()
        .unwrap()
        .contains("\"text\":\"Bob joined\""));
}

#[test]
fn saved_scenarios_are_shown_listed_and_deleted_and_builtins_stay() {
    let dir = DataDir::new();
    let file = dir.path().join("mine.json");
    std::fs::write(
        &file,
        r#"{"message":{"chatId":"${chat_id}","sender":{"id":"${sender_id}","type":"web"},"text":"Order 42?"}}"#,
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let save = [
        "scenarios",
        "save",
        "order.question",
        "--direction",
        "send",
        "--body-file",
        file,
        "--description",
        "Asks about an order",
    ];
    assert_eq!(dir.run(&save).ok().trim(), "Saved scenario order.question");
    assert_eq!(
        dir.run(&save).ok().trim(),
        "Replaced scenario order.question"
    );

    let list = dir.run(&["--json", "scenarios", "list"]).json();
    let names: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["builtin"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(names.len(), 11);
    assert_eq!(names[10], ("order.question".to_string(), false));
    let table = dir.run(&["scenarios", "list"]).ok().to_string();
    let row = table
        .lines()
        .find(|l| l.starts_with("order.question"))
        .unwrap();
    assert!(row.contains(" send ") && row.contains(" saved "), "{table}");

    let show = dir
        .run(&["scenarios", "show", "order.question"])
        .ok()
        .to_string();
    assert!(
        show.starts_with("order.question (send, saved)\nAsks about an order\n"),
        "{show}"
    );
    assert!(show.contains("\"text\": \"Order 42?\""), "{show}");
    assert!(show.contains("${chat_id} is --chat-id ID"), "{show}");
    assert!(
        show.contains(
            "Paths for --set: message.chatId, message.sender.id, message.sender.type, message.text"
        ),
        "{show}"
    );
    let builtin = dir
        .run(&["--json", "scenarios", "show", "agent.join"])
        .json();
    assert_eq!(builtin["direction"], "emulate");
    assert_eq!(builtin["body"]["agent"]["FirstName"], "Ann");

    dir.run(&["scenarios", "delete", "order.question"]).ok();
    let gone = dir
        .run(&["--json", "scenarios", "show", "order.question"])
        .json_error();
    assert_eq!(gone.0, "scenario_not_found");

    let refused = dir
        .run(&["--json", "scenarios", "delete", "client.text"])
        .json_error();
    assert_eq!(refused.0, "scenario_builtin", "{refused:?}");
    let shadow = [&save[..2], &["client.text"], &save[3..]].concat();
    let refused = dir.run(&[&["--json"][..], &shadow].concat()).json_error();
    assert_eq!(refused.0, "scenario_builtin", "{refused:?}");
    assert_eq!(
        dir.run(&["--json", "scenarios", "list"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        10
    );
}
