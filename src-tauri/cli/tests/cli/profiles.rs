//! `profiles create|push|show` against the emulator: the round trip through a second data
//! dir with the secret kept hidden until `--reveal-secret`, refusals, and name lookup.

use textgate_core::webitel::wire::Metadata;

use crate::support::{create_on_prod, create_profile, id_of, DataDir, WebitelServer, CALLBACK};

fn create_on_prod_with(dir: &DataDir, name: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["--flow", "7", "--server", "prod"];
    args.extend_from_slice(extra);
    create_profile(dir, name, &args)
}

#[test]
fn create_push_then_pull_into_a_second_data_dir_finds_the_same_gateway_and_secret() {
    let webitel = WebitelServer::start();
    let first = DataDir::new();
    first.add_server("prod", &webitel);

    // The flow id is not cached yet: the server's schemas are fetched to name it.
    let created = create_on_prod(&first, "Support");
    assert_eq!(
        created["flow"],
        serde_json::json!({"id": 7, "name": "Support bot"})
    );
    assert_eq!(created["serverName"], "prod");
    assert_eq!(created["syncState"], "localOnly");
    assert_eq!(created["secretState"], "stored");
    assert!(created.get("secret").is_none(), "{created}");
    let uri = created["uri"].as_str().unwrap().to_string();
    assert_eq!(uri.len(), 32);

    let human = first.run(&[
        "profiles",
        "create",
        "--name",
        "Other",
        "--callback",
        CALLBACK,
        "--generate-secret",
    ]);
    assert!(
        human
            .ok()
            .contains("secret generated and stored in the OS keychain"),
        "{human:#?}"
    );

    let pushed = first.run(&["profiles", "push", "support"]);
    assert!(
        pushed
            .ok()
            .starts_with("Created \u{201c}Support\u{201d} on prod"),
        "{pushed:#?}"
    );
    let again = first.run(&["--json", "profiles", "push", "Support"]).json();
    assert_eq!(again["action"], "upToDate");
    assert_eq!(again["profile"]["syncState"], "inSync");

    let bots = webitel.emulator().bots();
    assert_eq!(bots.len(), 1);
    assert_eq!(bots[0].uri, uri);
    let secret = bots[0].metadata.get(Metadata::SECRET).unwrap().to_string();
    assert_eq!(secret.len(), 32);

    let shown = first
        .run(&["--json", "profiles", "show", "Support", "--reveal-secret"])
        .json();
    assert_eq!(shown["secret"], secret.as_str());
    let hidden = first.run(&["profiles", "show", "Support"]);
    assert!(
        hidden.ok().contains("--reveal-secret shows it"),
        "{hidden:#?}"
    );

    let second = DataDir::new();
    second.add_server("prod", &webitel);
    let report = second
        .run(&["--json", "gateways", "pull", "--server", "prod"])
        .json();
    assert_eq!(report["created"], serde_json::json!(["Support"]));
    let pulled = second
        .run(&["--json", "profiles", "show", "SUPPORT", "--reveal-secret"])
        .json();
    assert_eq!(pulled["uri"], uri.as_str());
    assert_eq!(pulled["secret"], secret.as_str());
    assert_eq!(pulled["syncState"], "inSync");
    // When that state was last read from the server (issue I.1), for scripts too.
    assert!(pulled["freshness"]["checkedAt"].is_i64(), "{pulled:#}");
    assert!(pulled["freshness"]["checkFailure"].is_null(), "{pulled:#}");
    assert_eq!(pulled["flow"]["id"], 7);
    assert_eq!(pulled["remoteId"], bots[0].id.unwrap());
    let revealed = second.run(&["profiles", "show", "support", "--reveal-secret"]);
    assert!(revealed.ok().contains(&secret));

    for dir in [&first, &second] {
        dir.assert_never_printed(&secret);
        dir.assert_never_printed(&webitel.token);
    }
}

#[test]
fn notes_are_kept_shown_and_never_pushed() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let note = "Owner: Ann Lee (partner ops)\nann@partner.example";
    let created = create_on_prod_with(&dir, "Support", &["--notes", note]);
    assert_eq!(created["notes"], note);

    let shown = dir.run(&["profiles", "show", "Support"]);
    assert!(
        shown.ok().contains(
            "Notes:       Owner: Ann Lee (partner ops)\n             ann@partner.example"
        ),
        "{shown:#?}"
    );
    let json = dir.run(&["--json", "profiles", "show", "Support"]).json();
    assert_eq!(json["notes"], note);

    dir.run(&["profiles", "push", "Support"]).ok();
    assert_eq!(webitel.emulator().bots()[0].name, "Support");
    let listed = dir.run(&["--json", "profiles", "list"]).json();
    assert_eq!(listed[0]["notes"], note);

    // Without notes, `show` prints no Notes line (the text output stays as it was).
    create_profile(&dir, "Plain", &[]);
    let plain = dir.run(&["profiles", "show", "Plain"]);
    assert!(!plain.ok().contains("Notes:"), "{plain:#?}");
}

#[test]
fn create_refusals_are_one_clear_line() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let base = [
        "profiles",
        "create",
        "--name",
        "Bot",
        "--generate-secret",
        "--server",
        "prod",
    ];

    let mut unknown_flow = base.to_vec();
    unknown_flow.extend(["--callback", CALLBACK, "--flow", "99"]);
    let line = dir.run(&unknown_flow).failure_line().to_string();
    assert_eq!(line, "error: flow schema 99 not found on prod");

    let mut bad_callback = vec!["--json"];
    bad_callback.extend(base);
    bad_callback.extend(["--callback", "not a url"]);
    let (code, message) = dir.run(&bad_callback).json_error();
    assert_eq!(code, "invalid");
    assert!(message.to_lowercase().contains("callback"), "{message}");

    let (code, _) = dir
        .run(&["--json", "profiles", "enable", "nothing-here"])
        .json_error();
    assert_eq!(code, "not_found");

    // No flow: Start is refused before any request.
    dir.run(&[
        "profiles",
        "create",
        "--name",
        "Draft",
        "--callback",
        CALLBACK,
        "--secret",
        "Given-Secret-42",
    ])
    .ok();
    let (code, _) = dir
        .run(&["--json", "profiles", "enable", "draft"])
        .json_error();
    assert_eq!(code, "flow_required");
    dir.assert_never_printed("Given-Secret-42");
}

#[test]
fn an_ambiguous_name_lists_the_ids() {
    let dir = DataDir::new();
    let mut ids = Vec::new();
    for name in ["Twin", "twin"] {
        let created = create_profile(&dir, name, &[]);
        ids.push(id_of(&created));
    }
    let (code, message) = dir
        .run(&["--json", "profiles", "show", "TWIN"])
        .json_error();
    assert_eq!(code, "ambiguous");
    assert!(
        ids.iter().all(|id| message.contains(id.as_str())),
        "{message}"
    );
    // An exact id still works.
    dir.run(&["profiles", "show", &ids[1]]).ok();
}

#[test]
fn the_data_dir_comes_from_textgate_data_dir_when_no_flag_is_given() {
    let dir = DataDir::new();
    let path = dir.path().to_str().unwrap().to_string();
    let env = [("TEXTGATE_DATA_DIR", path.as_str())];
    dir.run_bare(
        &[
            "profiles",
            "create",
            "--name",
            "Env",
            "--callback",
            CALLBACK,
            "--generate-secret",
        ],
        None,
        &env,
    )
    .ok();
    assert!(dir.path().join("textgate.db").exists());
    let listed = dir.run(&["profiles", "list"]);
    assert!(listed.ok().contains("Env"), "{listed:#?}");
}
