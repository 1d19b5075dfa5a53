//! `profiles set|duplicate` against the emulator: edits in place with the app's checks, the
//! URI fixed once pushed, and copies with a fresh URI and secret.

use textgate_core::webitel::wire::Metadata;

use crate::support::{create_local, create_on_prod, create_profile, id_of, DataDir, WebitelServer};

pub fn show(dir: &DataDir, name: &str) -> serde_json::Value {
    dir.run(&["--json", "profiles", "show", name]).json()
}

pub fn secret_of(dir: &DataDir, name: &str) -> String {
    let shown = dir
        .run(&["--json", "profiles", "show", name, "--reveal-secret"])
        .json();
    shown["secret"].as_str().unwrap().to_string()
}

#[test]
fn set_edits_in_place_and_keeps_what_it_is_not_given() {
    let dir = DataDir::new();
    let created = create_profile(&dir, "Sales", &["--template", "title=Chat $(.Id)"]);
    let secret = secret_of(&dir, "Sales");

    let set = dir
        .run(&[
            "--json",
            "profiles",
            "set",
            "sales",
            "--name",
            "Sales EU",
            "--callback",
            "https://eu.example.com/hook",
            "--template",
            "join=$(.FirstName) joined",
            "--notes",
            "Owner: Ann",
        ])
        .json();
    assert_eq!(set["id"], created["id"]);
    assert_eq!(set["name"], "Sales EU");
    assert_eq!(set["callback"], "https://eu.example.com/hook");
    assert_eq!(set["uri"], created["uri"]);
    assert_eq!(set["templates"]["title"], "Chat $(.Id)");
    assert_eq!(set["templates"]["join"], "$(.FirstName) joined");
    assert_eq!(set["notes"], "Owner: Ann");
    assert!(set.get("secret").is_none(), "{set}");
    assert_eq!(secret_of(&dir, "Sales EU"), secret);
    let listed = dir.run(&["--json", "profiles", "list"]).json();
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let human = dir.run(&["profiles", "set", "Sales EU", "--notes", ""]);
    assert!(
        human
            .ok()
            .starts_with("Saved profile \u{201c}Sales EU\u{201d}"),
        "{human:#?}"
    );
    assert_eq!(show(&dir, "Sales EU")["notes"], "");
}

#[test]
fn set_refuses_what_save_refuses_and_changes_nothing() {
    let dir = DataDir::new();
    create_local(&dir, "Sales");
    let taken = create_local(&dir, "Taken");

    let (code, message) = dir
        .run(&[
            "--json",
            "profiles",
            "set",
            "Sales",
            "--callback",
            "not a url",
        ])
        .json_error();
    assert_eq!(code, "invalid");
    assert!(message.to_lowercase().contains("callback"), "{message}");
    let uri = taken["uri"].as_str().unwrap();
    let (code, message) = dir
        .run(&["--json", "profiles", "set", "Sales", "--uri", uri])
        .json_error();
    assert_eq!(code, "invalid");
    assert!(message.contains("Taken"), "{message}");
    // As in the app, a template Webitel would refuse is kept, with a warning: it cannot be
    // pushed until it is fixed.
    let warned = dir.run(&["profiles", "set", "Sales", "--template", "join=$(.Nope"]);
    warned.ok();
    assert!(warned.stderr.starts_with("warning: "), "{warned:#?}");
    assert_eq!(show(&dir, "Sales")["templatesRefused"], true);
    assert_eq!(show(&dir, "Sales")["callback"], crate::support::CALLBACK);

    let (code, _) = dir
        .run(&["--json", "profiles", "set", "Nobody", "--notes", "x"])
        .json_error();
    assert_eq!(code, "not_found");
    // Nothing to change is a command-line mistake.
    assert_eq!(dir.run(&["profiles", "set", "Sales"]).code, 2);
    let both = dir.run(&[
        "profiles",
        "set",
        "Sales",
        "--secret-stdin",
        "--generate-secret",
    ]);
    assert_eq!(both.code, 2, "{both:#?}");
}

#[test]
fn the_uri_changes_only_until_the_first_push_and_the_server_only_until_then_too() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    let staging = WebitelServer::start();
    dir.add_server("prod", &webitel);
    dir.add_server("staging", &staging);
    let local = create_local(&dir, "Sales");
    assert_eq!(local["serverName"], serde_json::Value::Null);

    let moved = dir
        .run(&[
            "--json",
            "profiles",
            "set",
            "Sales",
            "--uri",
            "/sales-bot",
            "--server",
            "prod",
            "--flow",
            "7",
        ])
        .json();
    assert_eq!(moved["uri"], "/sales-bot");
    assert_eq!(moved["serverName"], "prod");
    assert_eq!(
        moved["flow"],
        serde_json::json!({"id": 7, "name": "Support bot"})
    );
    dir.run(&["profiles", "push", "Sales"]).ok();

    let refused = dir.run(&["profiles", "set", "Sales", "--uri", "/elsewhere"]);
    let line = refused.failure_line();
    assert!(line.contains("--uri /elsewhere"), "{line}");
    assert!(line.contains("already on prod"), "{line}");
    assert!(line.contains("profiles duplicate"), "{line}");
    // The same URI again is no change, so it is fine.
    dir.run(&[
        "profiles",
        "set",
        "Sales",
        "--uri",
        "/sales-bot",
        "--notes",
        "n",
    ])
    .ok();
    let (code, message) = dir
        .run(&["--json", "profiles", "set", "Sales", "--server", "staging"])
        .json_error();
    assert_eq!(code, "invalid");
    assert!(message.contains("duplicate it"), "{message}");
    assert_eq!(webitel.emulator().bots()[0].uri, "/sales-bot");
}

#[test]
fn a_changed_pushed_profile_says_to_push_and_the_push_publishes_it() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Sales"));
    dir.run(&["profiles", "push", &id]).ok();

    let secret = "NewSecretNewSecretNewSecret12345";
    let set = dir.run_stdin(
        &[
            "profiles",
            "set",
            "Sales",
            "--name",
            "Sales 2",
            "--secret-stdin",
        ],
        &format!("{secret}\n"),
    );
    assert!(
        set.ok()
            .contains(&format!("`textgate-cli profiles push {id}`")),
        "{set:#?}"
    );
    assert_eq!(show(&dir, &id)["syncState"], "changedHere");
    dir.run(&["profiles", "push", &id]).ok();
    let bot = &webitel.emulator().bots()[0];
    assert_eq!(bot.name, "Sales 2");
    assert_eq!(bot.metadata.get(Metadata::SECRET), Some(secret));
    dir.assert_never_printed(secret);
}

#[test]
fn duplicate_copies_with_a_fresh_uri_and_secret_under_the_name_given() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let original = create_on_prod(&dir, "Sales");
    dir.run(&["profiles", "push", "Sales"]).ok();
    dir.run(&["profiles", "enable", "Sales"]).ok();

    let copy = dir
        .run(&[
            "--json",
            "profiles",
            "duplicate",
            "Sales",
            "--name",
            "Sales EU",
        ])
        .json();
    assert_eq!(copy["name"], "Sales EU");
    assert_ne!(copy["id"], original["id"]);
    assert_ne!(copy["uri"], original["uri"]);
    assert_eq!(copy["flow"], original["flow"]);
    assert_eq!(copy["serverName"], "prod");
    assert_eq!(copy["enabled"], false);
    assert_eq!(copy["syncState"], "localOnly");
    assert_ne!(secret_of(&dir, "Sales EU"), secret_of(&dir, "Sales"));

    let default = dir.run(&["profiles", "duplicate", "Sales"]);
    assert!(
        default.ok().starts_with(
            "Created profile \u{201c}Sales (copy)\u{201d}, a copy of \u{201c}Sales\u{201d}"
        ),
        "{default:#?}"
    );
    let (code, _) = dir
        .run(&["--json", "profiles", "duplicate", "Sales", "--name", "  "])
        .json_error();
    assert_eq!(code, "invalid");
    assert_eq!(
        dir.run(&["--json", "profiles", "list"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(webitel.emulator().bots().len(), 1);
}
