//! `profiles export` and `profiles import`: a round trip into an empty `TEXTGATE_DATA_DIR` gives
//! the same profiles field by field (secrets too, with the passphrase from stdin); a wrong
//! passphrase imports nothing; a dry run changes nothing; a conflict is reported and kept; a
//! damaged or foreign file is refused with a clear error.

use std::path::Path;

use crate::support::{create_local, create_on_prod, id_of, DataDir, WebitelServer};

const PASSPHRASE: &str = "correct horse battery\n";

/// Every profile as `profiles show --reveal-secret` prints it, without what is this machine's
/// own (ids, times, the server's id and sync bookkeeping).
fn profiles(dir: &DataDir, env_dir: &Path) -> Vec<serde_json::Value> {
    let env = [("TEXTGATE_DATA_DIR", env_dir.to_str().unwrap())];
    let list = dir
        .run_bare(&["--json", "profiles", "list"], None, &env)
        .json();
    list.as_array()
        .unwrap()
        .iter()
        .map(|summary| {
            let id = summary["id"].as_str().unwrap();
            let mut shown = dir
                .run_bare(
                    &["--json", "profiles", "show", id, "--reveal-secret"],
                    None,
                    &env,
                )
                .json();
            let object = shown.as_object_mut().unwrap();
            for own in [
                "id",
                "serverId",
                "createdAt",
                "updatedAt",
                "remoteId",
                "syncState",
                "checkedAt",
                "remoteGone",
                "checkFailure",
            ] {
                object.remove(own);
            }
            shown
        })
        .collect()
}

fn data_dir_env(dir: &Path) -> [(&'static str, &str); 1] {
    [("TEXTGATE_DATA_DIR", dir.to_str().unwrap())]
}

#[test]
fn a_round_trip_into_an_empty_data_dir_gives_the_same_profiles_secrets_too() {
    let webitel = WebitelServer::start();
    let source = DataDir::new();
    source.add_server("prod", &webitel);
    create_on_prod(&source, "Support");
    let local = id_of(&create_local(&source, "Sandbox"));
    source
        .run(&[
            "profiles",
            "set",
            &local,
            "--notes",
            "Owner: Ann\nline two",
            "--template",
            "join=Hello",
        ])
        .ok();
    let file = source.path().join("gateways.json");
    let file_arg = file.to_str().unwrap();
    let exported = source
        .run_stdin(
            &[
                "--json",
                "profiles",
                "export",
                "--out",
                file_arg,
                "--with-secrets",
            ],
            PASSPHRASE,
        )
        .json();
    assert_eq!(exported["profiles"], 2);
    assert_eq!(exported["withSecrets"], true);
    let text = std::fs::read_to_string(&file).unwrap();
    let document: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(document["format"], "textgate.profiles/1");
    assert!(document["secrets"]
        .as_str()
        .unwrap()
        .contains("BEGIN AGE ENCRYPTED FILE"));
    assert_eq!(document["profiles"][1]["server"]["name"], "prod");
    assert!(!text.contains(&webitel.token), "never a token");

    // The other machine: an empty data folder named by TEXTGATE_DATA_DIR, with the same server.
    let target = DataDir::new();
    let empty = tempfile::tempdir().unwrap();
    let env = data_dir_env(empty.path());
    target
        .run_bare(
            &["server", "add", "prod", &webitel.url(), "--token-stdin"],
            Some(&webitel.token),
            &env,
        )
        .ok();
    let imported = target
        .run_bare(
            &["--json", "profiles", "import", file_arg],
            Some(PASSPHRASE),
            &env,
        )
        .json();
    assert_eq!(imported["applied"], true);
    let actions: Vec<&str> = imported["preview"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["add", "add"]);
    assert_eq!(
        profiles(&target, empty.path()),
        profiles(&source, source.path())
    );
    for secret in profiles(&source, source.path()) {
        target.assert_never_printed(secret["secret"].as_str().unwrap());
    }

    // Again: nothing to do, in words.
    let again = target.run_bare(&["profiles", "import", file_arg], Some(PASSPHRASE), &env);
    assert!(again.ok().contains("Unchanged: 2"), "{again:#?}");
}

#[test]
fn a_wrong_passphrase_imports_nothing_and_says_so() {
    let source = DataDir::new();
    create_local(&source, "Sandbox");
    let file = source.path().join("gateways.json");
    let file_arg = file.to_str().unwrap();
    source
        .run_stdin(
            &["profiles", "export", "--out", file_arg, "--with-secrets"],
            PASSPHRASE,
        )
        .ok();
    let target = DataDir::new();
    let (code, message) = target
        .run_stdin(&["--json", "profiles", "import", file_arg], "not it\n")
        .json_error();
    assert_eq!(code, "transfer_passphrase_wrong");
    assert!(message.contains("nothing was imported"), "{message}");
    let (code, _) = target
        .run(&["--json", "profiles", "import", file_arg])
        .json_error();
    assert_eq!(code, "usage", "no passphrase on stdin");
    assert_eq!(
        target.run(&["--json", "profiles", "list"]).json(),
        serde_json::json!([])
    );
}

#[test]
fn a_dry_run_changes_nothing_and_an_export_picks_by_name_or_match() {
    let source = DataDir::new();
    create_local(&source, "Sales bot");
    create_local(&source, "Support bot");
    create_local(&source, "Sandbox");
    let file = source.path().join("picked.json");
    let file_arg = file.to_str().unwrap();
    let by_match = source
        .run(&[
            "--json", "profiles", "export", "--match", "S*bot", "--out", file_arg,
        ])
        .json();
    assert_eq!(by_match["profiles"], 2);
    let by_name = source
        .run(&["--json", "profiles", "export", "sandbox", "--out", file_arg])
        .json();
    assert_eq!(by_name["profiles"], 1);

    let target = DataDir::new();
    let dry = target.run(&["profiles", "import", file_arg, "--dry-run"]);
    let printed = dry.ok();
    assert!(
        printed.contains("Would add: 1") && printed.contains("Sandbox"),
        "{printed}"
    );
    assert!(
        printed.contains("Dry run: nothing was changed"),
        "{printed}"
    );
    assert!(printed.contains("no app secret in the file"), "{printed}");
    assert_eq!(
        target.run(&["--json", "profiles", "list"]).json(),
        serde_json::json!([])
    );
}

#[test]
fn edits_not_pushed_yet_are_a_conflict_and_are_kept() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Support"));
    dir.run(&["profiles", "push", &id]).ok();
    let file = dir.path().join("gateways.json");
    let file_arg = file.to_str().unwrap();
    dir.run(&["profiles", "export", "--out", file_arg]).ok();
    dir.run(&[
        "profiles",
        "set",
        &id,
        "--callback",
        "https://edited.example.com/hook",
    ])
    .ok();
    let dry = dir.run(&["profiles", "import", file_arg, "--dry-run"]);
    let printed = dry.ok();
    assert!(
        printed.contains("In conflict (kept as they are here): 1"),
        "{printed}"
    );
    assert!(printed.contains("Callback"), "{printed}");
    let applied = dir.run(&["--json", "profiles", "import", file_arg]).json();
    assert_eq!(applied["preview"]["items"][0]["action"], "conflict");
    assert_eq!(applied["preview"]["items"][0]["conflict"], "localEdits");
    let shown = dir.run(&["--json", "profiles", "show", &id]).json();
    assert_eq!(shown["callback"], "https://edited.example.com/hook");
}

#[test]
fn a_damaged_or_foreign_file_is_refused_clearly() {
    let dir = DataDir::new();
    let cases = [
        (
            "har.json",
            r#"{"log": {"version": "1.2", "entries": []}}"#,
            "not a Textgate profile export",
        ),
        (
            "newer.json",
            r#"{"format": "textgate.profiles/2", "profiles": []}"#,
            "textgate.profiles/2",
        ),
        (
            "broken.json",
            "{\"format\": \"textgate.profiles/1\", \"profiles\": [",
            "not valid JSON",
        ),
    ];
    for (name, text, said) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (code, message) = dir
            .run(&["--json", "profiles", "import", path.to_str().unwrap()])
            .json_error();
        assert_eq!(code, "transfer_format", "{name}");
        assert!(message.contains(said), "{name}: {message}");
    }
    let missing = dir.path().join("missing.json");
    let (code, _) = dir
        .run(&["--json", "profiles", "import", missing.to_str().unwrap()])
        .json_error();
    assert_eq!(code, "transfer_file");
}
