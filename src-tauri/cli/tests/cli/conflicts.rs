//! `profiles compare|resolve` against the emulator: a gateway changed on both sides is shown
//! field by field, and either version can be kept.

use crate::support::{create_on_prod, id_of, DataDir, WebitelServer};

/// A pushed profile renamed here to `mine` and on the server to `theirs`; its gateway id.
fn conflict(dir: &DataDir, webitel: &WebitelServer, id: &str, mine: &str, theirs: &str) -> i64 {
    let remote_id = dir.run(&["--json", "profiles", "show", id]).json()["remoteId"]
        .as_i64()
        .unwrap();
    dir.run(&["profiles", "set", id, "--name", mine]).ok();
    webitel
        .emulator()
        .modify_bot(remote_id, |bot| bot.name = theirs.into());
    let (code, _) = dir.run(&["--json", "profiles", "push", id]).json_error();
    assert_eq!(code, "conflict");
    remote_id
}

#[test]
fn a_conflict_is_compared_and_either_side_kept() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Sales"));
    dir.run(&["profiles", "push", &id]).ok();
    let remote_id = conflict(&dir, &webitel, &id, "Mine", "Theirs");

    let compared = dir.run(&["--json", "profiles", "compare", &id]).json();
    assert_eq!(compared["local"]["name"], "Mine");
    assert_eq!(compared["remote"]["name"], "Theirs");
    assert_eq!(compared["secretsDiffer"], false);
    let text = dir.run(&["profiles", "compare", "Mine"]);
    let name_row = text
        .ok()
        .lines()
        .find(|line| line.contains("Mine"))
        .unwrap()
        .to_string();
    assert!(name_row.starts_with('*'), "{name_row}");
    assert!(name_row.contains("Theirs"), "{name_row}");
    assert!(text.ok().contains("--keep local|server"), "{text:#?}");

    let kept = dir
        .run(&["--json", "profiles", "resolve", &id, "--keep", "server"])
        .json();
    assert_eq!(kept["name"], "Theirs");
    assert_eq!(kept["syncState"], "inSync");

    conflict(&dir, &webitel, &id, "Mine again", "Theirs again");
    let kept = dir.run(&["profiles", "resolve", &id, "--keep", "local"]);
    assert!(
        kept.ok().starts_with(
            "Kept this computer's \u{201c}Mine again\u{201d}: pushed over the version on prod"
        ),
        "{kept:#?}"
    );
    assert_eq!(
        webitel.emulator().bot(remote_id).unwrap().name,
        "Mine again"
    );
    assert_eq!(
        dir.run(&["--json", "profiles", "show", &id]).json()["syncState"],
        "inSync"
    );
}

#[test]
fn a_profile_not_on_a_server_has_nothing_to_compare() {
    let dir = DataDir::new();
    crate::support::create_local(&dir, "Local");
    let (code, _) = dir
        .run(&["--json", "profiles", "compare", "Local"])
        .json_error();
    assert!(code == "no_server" || code == "not_pushed", "{code}");
    assert_eq!(
        dir.run(&["profiles", "resolve", "Local", "--keep", "sideways"])
            .code,
        2
    );
}

#[test]
fn a_conflict_is_resolved_field_by_field_with_take() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Sales"));
    dir.run(&["profiles", "enable", &id]).ok();
    dir.run(&["profiles", "push", &id]).ok();
    let remote_id = dir.run(&["--json", "profiles", "show", &id]).json()["remoteId"]
        .as_i64()
        .unwrap();
    // Here: renamed and stopped (locally, while the server is edited behind the app's back).
    webitel
        .emulator()
        .modify_bot(remote_id, |bot| bot.name = "Theirs".into());
    dir.run(&["profiles", "set", &id, "--name", "Mine"]).ok();

    let compared = dir.run(&["--json", "profiles", "compare", &id]).json();
    assert_eq!(compared["differing"], serde_json::json!(["name"]));
    let text = dir.run(&["profiles", "compare", &id]);
    assert!(text.ok().contains("--take FIELD=local|server"), "{text:#?}");
    assert!(text.ok().contains("Last changed on prod:"), "{text:#?}");

    // A differing field without a choice (and no --keep) is refused; nothing changes.
    let (code, message) = dir
        .run(&[
            "--json",
            "profiles",
            "resolve",
            &id,
            "--take",
            "enabled=local",
        ])
        .json_error();
    assert_eq!(code, "conflict_choice");
    assert!(message.contains("name"), "{message}");
    assert_eq!(webitel.emulator().bot(remote_id).unwrap().name, "Theirs");

    let resolved = dir.run(&["profiles", "resolve", &id, "--take", "name=server"]);
    assert!(
        resolved.ok().starts_with(
            "Resolved \u{201c}Theirs\u{201d} field by field on prod: kept here: -; taken from the server: name"
        ),
        "{resolved:#?}"
    );
    let shown = dir.run(&["--json", "profiles", "show", &id]).json();
    assert_eq!(shown["name"], "Theirs");
    assert_eq!(shown["syncState"], "inSync");

    // --keep for the rest beside --take: the name kept here is pushed, the join is taken.
    dir.run(&["profiles", "set", &id, "--name", "Mine again"])
        .ok();
    webitel.emulator().modify_bot(remote_id, |bot| {
        bot.name = "Theirs again".into();
        bot.enabled = false;
    });
    let resolved = dir
        .run(&[
            "--json",
            "profiles",
            "resolve",
            &id,
            "--keep",
            "local",
            "--take",
            "enabled=server",
        ])
        .json();
    assert_eq!(resolved["name"], "Mine again");
    assert_eq!(resolved["enabled"], false);
    let bot = webitel.emulator().bot(remote_id).unwrap();
    assert_eq!((bot.name.as_str(), bot.enabled), ("Mine again", false));
}
