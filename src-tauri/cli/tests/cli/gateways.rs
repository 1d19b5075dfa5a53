//! `schemas list` and `gateways list|pull`: what the server has, as a table and as JSON, with
//! the flow-schema cache filled for the app and never a gateway secret on screen.

use textgate_core::webitel::wire::{Bot, Lookup, Metadata};

use crate::support::{create_profile, DataDir, WebitelServer};

#[test]
fn schemas_list_as_a_table_and_as_json_and_fill_the_cache() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);

    let table = dir.run(&["schemas", "list", "--server", "prod"]);
    let lines: Vec<&str> = table.ok().lines().collect();
    assert_eq!(lines.len(), 3, "{table:#?}");
    assert!(lines[0].starts_with("ID") && lines[0].contains("NAME") && lines[0].contains("TYPE"));
    assert!(
        lines[1].starts_with("7 ")
            && lines[1].contains("Support bot")
            && lines[1].ends_with("chat")
    );
    assert!(lines[2].contains("Sales routing") && lines[2].ends_with("default"));
    // Columns line up under the header.
    assert_eq!(lines[0].find("NAME"), lines[1].find("Support bot"));

    let schemas = dir
        .run(&["--json", "schemas", "list", "--server", "prod"])
        .json();
    assert_eq!(
        schemas,
        serde_json::json!([
            {"id": 7, "name": "Support bot", "type": "chat"},
            {"id": 8, "name": "Sales routing", "type": "default"}
        ])
    );
    let found = dir
        .run(&[
            "--json", "schemas", "list", "--server", "prod", "--query", "sales",
        ])
        .json();
    assert_eq!(
        found,
        serde_json::json!([{"id": 8, "name": "Sales routing", "type": "default"}])
    );

    // The listing cached the schemas: a flow id resolves without naming the server.
    let created = create_profile(&dir, "Cached", &["--flow", "8"]);
    assert_eq!(
        created["flow"],
        serde_json::json!({"id": 8, "name": "Sales routing"})
    );
    assert_eq!(created["serverId"], serde_json::Value::Null);
}

#[test]
fn gateways_list_shows_the_server_side_without_secrets_and_pull_links_them() {
    let webitel = WebitelServer::start();
    let secret = "Remote-Gateway-Secret-0123456789";
    let mut metadata = Metadata::default();
    metadata.0.insert(Metadata::SECRET.into(), secret.into());
    metadata.0.insert(
        Metadata::WEBHOOK.into(),
        "https://remote.example.com/hook".into(),
    );
    let remote_id = webitel.emulator().insert_bot(Bot {
        uri: "/remotegatewayuri".into(),
        name: "Remote one".into(),
        flow: Some(Lookup {
            id: Some(7),
            name: Some("Support bot".into()),
        }),
        enabled: true,
        provider: "custom".into(),
        metadata,
        ..Bot::default()
    });
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);

    let table = dir.run(&["gateways", "list", "--server", "prod"]);
    let lines: Vec<&str> = table.ok().lines().collect();
    assert!(lines[0].starts_with("ID") && lines[0].contains("URI") && lines[0].contains("FLOW"));
    assert!(
        lines[1].contains("Remote one") && lines[1].contains("/remotegatewayuri"),
        "{table:#?}"
    );
    assert!(lines[1].contains("Support bot (7)"), "{table:#?}");

    let listed = dir
        .run(&["--json", "gateways", "list", "--server", "prod"])
        .json();
    assert_eq!(listed["serverName"], "prod");
    assert_eq!(listed["missing"], serde_json::json!([]));
    let gateway = &listed["gateways"][0];
    assert_eq!(gateway["id"], remote_id);
    assert_eq!(gateway["name"], "Remote one");
    assert_eq!(gateway["uri"], "/remotegatewayuri");
    assert_eq!(gateway["enabled"], true);
    assert_eq!(
        gateway["flow"],
        serde_json::json!({"id": 7, "name": "Support bot"})
    );
    assert!(gateway["updatedAt"].is_i64());
    assert_eq!(gateway["provider"], "custom");
    assert_eq!(gateway["custom"], true);
    assert_eq!(gateway["profile"], serde_json::Value::Null);
    assert!(gateway.get("secret").is_none() && gateway.get("metadata").is_none());
    let none = dir
        .run(&[
            "--json",
            "gateways",
            "list",
            "--server",
            "prod",
            "--query",
            "nothing-like-it",
        ])
        .json();
    assert_eq!(none["gateways"], serde_json::json!([]));

    let pulled = dir.run(&["gateways", "pull", "--server", "prod"]);
    assert!(
        pulled
            .ok()
            .starts_with("Pulled from \u{201c}prod\u{201d}: 1 created"),
        "{pulled:#?}"
    );
    let report = dir
        .run(&["--json", "gateways", "pull", "--server", "prod"])
        .json();
    assert_eq!(report["unchanged"], serde_json::json!(["Remote one"]));
    assert_eq!(report["created"], serde_json::json!([]));

    let listed = dir
        .run(&["--json", "gateways", "list", "--server", "prod"])
        .json();
    assert_eq!(
        listed["gateways"][0]["profile"]["name"], "Remote one",
        "{listed}"
    );
    assert!(
        listed["gateways"][0]["profile"]["id"].is_string(),
        "{listed}"
    );
    let profiles = dir.run(&["profiles", "list"]);
    assert!(profiles.ok().contains("in sync"), "{profiles:#?}");
    dir.assert_never_printed(secret);
}
