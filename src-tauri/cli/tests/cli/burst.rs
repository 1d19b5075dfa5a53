//! `burst` against the emulator's chat webhook: every message distinct, signed and accepted, the
//! summary and the `--json` report; and the failures a script must be able to tell apart
//! (nothing listening: exit 1 with the errors counted; no server; a plan that cannot run).

use std::collections::HashSet;

use textgate_core::emulator::Direction;

use crate::support::{create_local, create_on_prod, dead_url, DataDir, WebitelServer};

fn pushed_and_enabled(dir: &DataDir, server: &WebitelServer) {
    dir.add_server("prod", server);
    create_on_prod(dir, "Support");
    dir.run(&["profiles", "push", "Support"]).ok();
    dir.run(&["profiles", "enable", "Support"]).ok();
}

#[test]
fn a_burst_reaches_the_gateway_and_reports_in_text_and_json() {
    let server = WebitelServer::start();
    let dir = DataDir::new();
    pushed_and_enabled(&dir, &server);

    let text = dir.run(&["burst", "Support", "--count", "40", "--concurrency", "4"]);
    let out = text.ok();
    assert!(out.contains("succeeded   40 of 40 (100.0%)"), "{out}");
    assert!(out.contains("throughput  "), "{out}");
    assert!(out.contains("p99 "), "{out}");
    assert!(!out.contains("errors"), "{out}");

    let report = dir
        .run(&[
            "--json",
            "burst",
            "Support",
            "--count",
            "25",
            "--concurrency",
            "50",
            "--chats",
            "5",
        ])
        .json();
    assert_eq!(report["sent"], 25);
    assert_eq!(report["succeeded"], 25);
    assert_eq!(report["concurrency"], 25, "capped at the count");
    assert_eq!(report["errors"], serde_json::json!([]));
    let latency = &report["latency"];
    assert!(latency["p50Micros"].as_u64() <= latency["p99Micros"].as_u64());
    let buckets = report["histogram"].as_array().unwrap();
    let total: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 25);

    let inbound: Vec<_> = server
        .emulator()
        .chat_log()
        .into_iter()
        .filter(|entry| entry.direction == Direction::Inbound)
        .collect();
    assert_eq!(inbound.len(), 65);
    let bodies: HashSet<_> = inbound.iter().skip(40).map(|e| e.body.clone()).collect();
    assert_eq!(bodies.len(), 25, "distinct bodies");
    let chats: HashSet<String> = inbound
        .iter()
        .skip(40)
        .map(|e| {
            let value: serde_json::Value = serde_json::from_slice(&e.body).unwrap();
            value["message"]["chatId"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(chats.len(), 5);
    dir.assert_never_printed(&server.token);
}

#[test]
fn failures_are_counted_and_clear_errors_come_before_sending() {
    let dir = DataDir::new();
    create_local(&dir, "Local");
    let (code, message) = dir.run(&["--json", "burst", "Local"]).json_error();
    assert_eq!(code, "no_target");
    assert!(message.contains("has no server"), "{message}");

    let url = dead_url("/chat/x");
    let dead = dir.run(&["burst", "Local", "--count", "6", "--url", &url]);
    assert_eq!(dead.code, 1, "{dead:#?}");
    assert!(dead.stdout.contains("succeeded   0 of 6"), "{dead:#?}");
    assert!(dead.stdout.contains("errors      connect x6"), "{dead:#?}");

    let json = dir.run(&["--json", "burst", "Local", "--count", "3", "--url", &url]);
    assert_eq!(json.code, 1, "{json:#?}");
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        report["errors"],
        serde_json::json!([{"kind": "connect", "count": 3}])
    );

    let (code, message) = dir
        .run(&["--json", "burst", "Local", "--count", "0", "--url", &url])
        .json_error();
    assert_eq!(code, "invalid_burst");
    assert!(message.contains("count"), "{message}");
    let (_, message) = dir
        .run(&[
            "--json",
            "burst",
            "Local",
            "--concurrency",
            "5000",
            "--url",
            &url,
        ])
        .json_error();
    assert!(message.contains("concurrency"), "{message}");
}
