//! `profiles list|push|enable|disable|delete` over several profiles against the emulator:
//! `--match` with the filters, one result line per profile, and a failure that leaves the
//! others done (exit 1). `--yes` is `profile_bulk_confirm`'s.

use crate::support::{create_local, create_on_prod, id_of, DataDir, Run, WebitelServer};

fn names(listed: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|profile| profile["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

pub fn list(dir: &DataDir, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["--json", "profiles", "list"];
    args.extend_from_slice(filters);
    names(&dir.run(&args).json())
}

/// The result lines, sorted (they come in the order the profiles finish).
fn sorted_lines(run: &Run) -> Vec<String> {
    let mut lines: Vec<String> = run.stdout.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

fn json_lines(run: &Run) -> Vec<serde_json::Value> {
    let mut lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    lines.sort_by_key(|line| line["name"].as_str().unwrap().to_string());
    lines
}

#[test]
fn a_push_of_several_with_one_failure_pushes_the_others_and_exits_1() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    create_on_prod(&dir, "Alpha");
    create_on_prod(&dir, "Beta");
    create_local(&dir, "Local");
    create_on_prod(&dir, "Gamma");

    let run = dir.run(&[
        "profiles", "push", "Alpha", "local", "Beta", "Gamma", "--yes",
    ]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(
        sorted_lines(&run),
        [
            "failed  Local: \u{201c}Local\u{201d} has no server: pick one before pushing",
            "ok  Alpha",
            "ok  Beta",
            "ok  Gamma",
        ]
    );
    assert_eq!(
        run.stderr.trim(),
        "error: 1 of 4 profiles failed (see above); the others are done"
    );
    let mut on_server: Vec<String> = webitel
        .emulator()
        .bots()
        .into_iter()
        .map(|b| b.name)
        .collect();
    on_server.sort();
    assert_eq!(on_server, ["Alpha", "Beta", "Gamma"]);
    assert_eq!(
        list(&dir, &["--sync", "in sync"]),
        ["Alpha", "Beta", "Gamma"]
    );

    create_local(&dir, "Local 2");
    let all = dir.run(&["profiles", "push", "--sync", "local only", "--yes"]);
    assert_eq!(all.code, 1, "{all:#?}");
    assert_eq!(all.stdout.lines().count(), 2, "{all:#?}");
    assert_eq!(
        all.stderr.trim(),
        "error: all 2 profiles failed (see above)"
    );
    let one = dir.run(&["profiles", "push", "--match", "local 2"]);
    assert_eq!(
        one.stdout.trim(),
        "failed  Local 2: \u{201c}Local 2\u{201d} has no server: pick one before pushing"
    );
    assert_eq!(one.stderr.trim(), "error: the profile failed (see above)");
}

#[test]
fn json_gives_one_object_per_profile_with_the_failures_code() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let alpha = id_of(&create_on_prod(&dir, "Alpha"));
    let beta = id_of(&create_on_prod(&dir, "Beta"));
    dir.run(&["profiles", "push", "--match", "*", "--yes"]).ok();
    // Someone edits Beta on the server: pushing over it is refused, Alpha goes through.
    let beta_remote = dir.run(&["--json", "profiles", "show", &beta]).json()["remoteId"]
        .as_i64()
        .unwrap();
    webitel
        .emulator()
        .modify_bot(beta_remote, |bot| bot.name = "Edited there".into());
    dir.run(&[
        "profiles",
        "set",
        "Alpha",
        "--notes",
        "x",
        "--callback",
        "https://a.example.com/h",
    ])
    .ok();

    let run = dir.run(&["--json", "profiles", "push", "Alpha", "Beta", "--yes"]);
    assert_eq!(run.code, 1, "{run:#?}");
    let lines = json_lines(&run);
    assert_eq!(
        lines[0],
        serde_json::json!({"id": alpha, "name": "Alpha", "ok": true})
    );
    assert_eq!(lines[1]["id"], beta.as_str());
    assert_eq!(lines[1]["ok"], false);
    assert_eq!(lines[1]["code"], "remote_changed");
    assert!(lines[1]["message"]
        .as_str()
        .unwrap()
        .contains("newer version"));
    let (code, message) = {
        let value: serde_json::Value = serde_json::from_str(run.stderr.trim()).unwrap();
        (value["code"].clone(), value["message"].clone())
    };
    assert_eq!(code, "remote_changed");
    assert_eq!(
        message,
        "1 of 2 profiles failed (see above); the others are done"
    );
}

#[test]
fn match_and_the_filters_pick_the_profiles_to_list_and_to_act_on() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    create_on_prod(&dir, "Partner 1");
    create_on_prod(&dir, "Partner 2");
    create_on_prod(&dir, "Other partner");
    create_local(&dir, "Partial local");

    assert_eq!(
        list(&dir, &["--match", "Part*"]),
        ["Partial local", "Partner 1", "Partner 2"]
    );
    assert_eq!(
        list(&dir, &["--match", "PARTNER*"]),
        ["Partner 1", "Partner 2"]
    );
    assert_eq!(
        list(&dir, &["--match", "partner"]),
        ["Other partner", "Partner 1", "Partner 2"]
    );
    assert_eq!(
        list(&dir, &["--match", "Part*", "--server", "prod"]),
        ["Partner 1", "Partner 2"]
    );
    // The callback and the notes are searched too.
    assert_eq!(list(&dir, &["--match", "*bot.example.com*"]).len(), 4);

    let enabled = dir.run(&[
        "profiles", "enable", "--match", "Part*", "--server", "prod", "--yes",
    ]);
    assert_eq!(sorted_lines(&enabled), ["ok  Partner 1", "ok  Partner 2"]);
    assert_eq!(
        list(&dir, &["--state", "enabled"]),
        ["Partner 1", "Partner 2"]
    );
    assert_eq!(
        list(&dir, &["--state", "disabled"]),
        ["Other partner", "Partial local"]
    );

    let pushed = dir.run(&["profiles", "push", "--match", "Partner*", "--yes"]);
    assert_eq!(sorted_lines(&pushed), ["ok  Partner 1", "ok  Partner 2"]);
    assert!(webitel.emulator().bots().iter().all(|bot| bot.enabled));
    assert_eq!(
        list(&dir, &["--sync", "in sync"]),
        ["Partner 1", "Partner 2"]
    );
    assert_eq!(
        list(&dir, &["--sync", "local-only", "--server", "prod"]),
        ["Other partner"]
    );
    assert_eq!(
        list(&dir, &["--sync", "local only"]),
        ["Other partner", "Partial local"]
    );
    let bad = dir.run(&["profiles", "list", "--sync", "somewhere"]);
    assert_eq!(bad.code, 2, "{bad:#?}");
    assert!(bad.stderr.contains("\"changed on server\""), "{bad:#?}");
    let none = dir.run(&["profiles", "list", "--match", "nobody*"]);
    assert_eq!(none.ok().trim(), "No profiles match");
    let nothing = dir.run(&["profiles", "delete", "--match", "nobody*"]);
    assert_eq!(nothing.ok().trim(), "No profiles match");

    // One profile picked by --match needs no --yes, and still answers in result lines.
    let one = dir.run(&["profiles", "disable", "--match", "*1"]);
    assert_eq!(one.ok().trim(), "ok  Partner 1");

    let deleted = dir.run(&[
        "profiles", "delete", "--match", "Partner*", "--remote", "--yes",
    ]);
    assert_eq!(sorted_lines(&deleted), ["ok  Partner 1", "ok  Partner 2"]);
    assert!(webitel.emulator().bots().is_empty());
    assert_eq!(list(&dir, &[]), ["Other partner", "Partial local"]);
}

#[test]
fn a_name_that_finds_no_profile_stops_the_command_before_anything_is_done() {
    let dir = DataDir::new();
    create_local(&dir, "Alpha");
    create_local(&dir, "Beta");
    let (code, message) = dir
        .run(&[
            "--json", "profiles", "delete", "Alpha", "Nobody", "Beta", "--yes",
        ])
        .json_error();
    assert_eq!(code, "not_found");
    assert!(message.contains("Nobody"), "{message}");
    assert_eq!(list(&dir, &[]), ["Alpha", "Beta"]);
    // The same profile named twice is one profile: no --yes needed, one line.
    let twice = dir.run(&["profiles", "delete", "alpha", "Alpha"]);
    assert_eq!(twice.ok().trim(), "ok  Alpha");
    // Names and filters do not mix.
    assert_eq!(
        dir.run(&["profiles", "delete", "Beta", "--match", "B*"])
            .code,
        2
    );
    assert_eq!(dir.run(&["profiles", "delete"]).code, 2);
}
