//! What is on the server, from the command line: `gateways list` with linked, not here, the
//! other providers (`--all`) and the profiles gone from the server; `gateways pull --id` for only
//! the picked gateways; `profiles pull` refreshing profiles one line each; every flow schema
//! listed past the first page.

use textgate_core::webitel::wire::{Bot, Lookup, Metadata};

use crate::support::{create_on_prod, id_of, DataDir, WebitelServer};

fn custom(name: &str, uri: &str) -> Bot {
    let mut metadata = Metadata::default();
    metadata.0.insert(
        Metadata::SECRET.into(),
        "Remote-Secret-0123456789abcdef".into(),
    );
    metadata.0.insert(
        Metadata::WEBHOOK.into(),
        "https://remote.example.com/hook".into(),
    );
    Bot {
        uri: uri.into(),
        name: name.into(),
        flow: Some(Lookup {
            id: Some(7),
            name: Some("Support bot".into()),
        }),
        provider: "custom".into(),
        metadata,
        ..Bot::default()
    }
}

fn telegram() -> Bot {
    let mut metadata = Metadata::default();
    metadata
        .0
        .insert("token".into(), "123456:Telegram-Bot-Token".into());
    Bot {
        uri: "/telegram".into(),
        name: "Support on Telegram".into(),
        provider: "telegram".into(),
        enabled: true,
        metadata,
        ..Bot::default()
    }
}

/// A line of `text` containing `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
}

#[test]
fn gateways_list_says_linked_not_here_other_providers_and_gone() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let linked = create_on_prod(&dir, "Linked here");
    dir.run(&["profiles", "push", "Linked here"]).ok();
    create_on_prod(&dir, "Gone there");
    dir.run(&["profiles", "push", "Gone there"]).ok();
    let gone_id = dir
        .run(&["--json", "profiles", "show", "Gone there"])
        .json()["remoteId"]
        .as_i64()
        .unwrap();
    assert!(webitel.emulator().remove_bot(gone_id));
    webitel
        .emulator()
        .insert_bot(custom("Not here yet", "/notheryet"));
    webitel.emulator().insert_bot(telegram());

    let table = dir.run(&["gateways", "list", "--server", "prod"]);
    let out = table.ok();
    assert!(
        line_with(out, "Linked here").ends_with("linked: Linked here"),
        "{out}"
    );
    assert!(
        line_with(out, "Not here yet").ends_with("not here"),
        "{out}"
    );
    assert!(
        !out.contains("Support on Telegram"),
        "other providers only with --all: {out}"
    );
    assert!(
        out.contains(
            "2 custom gateways on \u{201c}prod\u{201d}: 1 linked, 1 not here; 1 of other providers (--all lists them)"
        ),
        "{out}"
    );
    let gone = line_with(out, "Gone there");
    assert!(gone.contains(&format!("(was gateway {gone_id})")), "{out}");
    assert!(out.contains("Gone from the server"), "{out}");

    let all = dir.run(&["gateways", "list", "--server", "prod", "--all"]);
    let out = all.ok();
    assert!(out.lines().next().unwrap().contains("PROVIDER"), "{out}");
    let tg = line_with(out, "Support on Telegram");
    assert!(
        tg.contains("telegram") && tg.ends_with("read-only"),
        "{out}"
    );

    let json = dir
        .run(&["--json", "gateways", "list", "--server", "prod", "--all"])
        .json();
    let gateways = json["gateways"].as_array().unwrap();
    assert_eq!(gateways.len(), 3);
    assert_eq!(gateways[0]["profile"]["id"], id_of(&linked).as_str());
    assert_eq!(gateways[2]["provider"], "telegram");
    assert_eq!(gateways[2]["custom"], false);
    assert_eq!(json["missing"][0]["name"], "Gone there");
    assert_eq!(json["missing"][0]["remoteId"], gone_id);
    dir.assert_never_printed("Telegram-Bot-Token");
    dir.assert_never_printed("Remote-Secret-0123456789abcdef");
}

#[test]
fn gateways_pull_with_ids_brings_in_only_those() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let alpha = webitel.emulator().insert_bot(custom("Alpha", "/alpha"));
    let beta = webitel.emulator().insert_bot(custom("Beta", "/beta"));
    let tg = webitel.emulator().insert_bot(telegram());
    let (alpha, beta, tg) = (alpha.to_string(), beta.to_string(), tg.to_string());

    let picked = dir.run(&["gateways", "pull", "--server", "prod", "--id", &beta]);
    assert_eq!(
        picked.ok(),
        format!("{beta} \u{201c}Beta\u{201d}: created\n")
    );
    let profiles = dir.run(&["--json", "profiles", "list"]).json();
    assert_eq!(profiles.as_array().unwrap().len(), 1, "{profiles}");
    assert_eq!(profiles[0]["name"], "Beta");

    // One not custom, one unknown: each says so on stderr, the good one goes on, exit 1.
    let mixed = dir.run(&[
        "gateways", "pull", "--server", "prod", "--id", &tg, "--id", "9999", "--id", &alpha,
        "--id", &beta,
    ]);
    assert_eq!(mixed.code, 1, "{mixed:#?}");
    assert_eq!(
        mixed.stdout,
        format!("{alpha} \u{201c}Alpha\u{201d}: created\n{beta} \u{201c}Beta\u{201d}: unchanged\n")
    );
    let errors: Vec<&str> = mixed.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{mixed:#?}");
    assert!(
        errors[0].starts_with(&format!(
            "error: {tg} \u{201c}Support on Telegram\u{201d}: not pulled"
        )),
        "{mixed:#?}"
    );
    assert!(errors[1].starts_with("error: 9999: missing"), "{mixed:#?}");

    let json = dir.run(&[
        "--json", "gateways", "pull", "--server", "prod", "--id", &alpha,
    ]);
    let results: serde_json::Value = serde_json::from_str(json.ok()).unwrap();
    assert_eq!(results[0]["outcome"], "unchanged");
    assert_eq!(results[0]["remoteId"].as_i64().unwrap().to_string(), alpha);
    assert_eq!(
        dir.run(&["--json", "profiles", "list"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    dir.assert_never_printed("Telegram-Bot-Token");
}

#[test]
fn profiles_pull_refreshes_each_one_and_fails_for_the_rest() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    for name in ["Same", "Renamed", "Gone"] {
        create_on_prod(&dir, name);
        dir.run(&["profiles", "push", name]).ok();
    }
    let remote_id = |name: &str| {
        dir.run(&["--json", "profiles", "show", name]).json()["remoteId"]
            .as_i64()
            .unwrap()
    };
    webitel.emulator().modify_bot(remote_id("Renamed"), |bot| {
        bot.name = "Renamed there".into()
    });
    webitel.emulator().remove_bot(remote_id("Gone"));

    let run = dir.run(&["profiles", "pull", "Same", "Renamed", "Gone", "nosuch"]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(
        run.stdout,
        "\u{201c}Same\u{201d}: unchanged\n\u{201c}Renamed there\u{201d}: updated from the server\n"
    );
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{run:#?}");
    assert_eq!(
        errors[0],
        "error: \u{201c}Gone\u{201d}: missing (its gateway is gone from the server)"
    );
    assert!(
        errors[1].starts_with("error: \u{201c}nosuch\u{201d}: No gateway profile"),
        "{run:#?}"
    );
    let shown = dir
        .run(&["--json", "profiles", "show", "Renamed there"])
        .json();
    assert_eq!(shown["syncState"], "inSync");

    let ok = dir
        .run(&["--json", "profiles", "pull", "Same", "Renamed there"])
        .json();
    assert_eq!(ok[0]["outcome"], "unchanged");
    assert_eq!(ok[1]["outcome"], "unchanged");
    assert_eq!(ok[1]["name"], "Renamed there");

    // A profile never pushed: under --json its result is on stdout, the error line on stderr.
    create_on_prod(&dir, "Local");
    let local = dir.run(&["--json", "profiles", "pull", "Local"]);
    assert_eq!(local.code, 1, "{local:#?}");
    let results: serde_json::Value = serde_json::from_str(&local.stdout).unwrap();
    assert_eq!(results[0]["error"]["code"], "not_pushed");
    let error: serde_json::Value = serde_json::from_str(local.stderr.trim()).unwrap();
    assert_eq!(error["code"], "not_pushed");
}

#[test]
fn schemas_list_reads_every_page_of_flows() {
    let webitel = WebitelServer::start();
    for id in 100..400 {
        webitel
            .emulator()
            .add_schema(id, &format!("Chat flow {id}"), "chat");
    }
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let listed = dir
        .run(&["--json", "schemas", "list", "--server", "prod"])
        .json();
    // 300 chat flows and the two the emulator starts with (the voice one is never offered).
    assert_eq!(listed.as_array().unwrap().len(), 302);
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|flow| flow["name"] == "Chat flow 399"));
}
