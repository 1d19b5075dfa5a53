//! `profiles rotate-secret` against the emulator: a new secret reaches the server only with
//! --push, is never printed unasked, and a failed push says the secret is new here only.

use textgate_core::webitel::wire::Metadata;

use crate::profile_set::{secret_of, show};
use crate::support::{create_local, create_on_prod, id_of, DataDir, WebitelServer};

#[test]
fn rotate_secret_reaches_the_server_only_with_push_and_prints_it_only_when_asked() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Sales"));
    dir.run(&["profiles", "push", &id]).ok();
    let server_secret = || {
        webitel.emulator().bots()[0]
            .metadata
            .get(Metadata::SECRET)
            .unwrap()
            .to_string()
    };
    let original = server_secret();

    let rotated = dir.run(&["profiles", "rotate-secret", "Sales"]);
    let text = rotated.ok();
    assert!(
        text.contains("New app secret for \u{201c}Sales\u{201d}"),
        "{text}"
    );
    assert!(text.contains("prod still has the old secret"), "{text}");
    let first = secret_of(&dir, "Sales");
    assert_ne!(first, original);
    assert_eq!(server_secret(), original);
    assert_eq!(show(&dir, "Sales")["syncState"], "changedHere");

    let pushed = dir
        .run(&["--json", "profiles", "rotate-secret", "Sales", "--push"])
        .json();
    assert_eq!(pushed["action"], "updated");
    assert_eq!(pushed["profile"]["syncState"], "inSync");
    assert!(pushed["profile"].get("secret").is_none(), "{pushed}");
    let second = secret_of(&dir, "Sales");
    assert_ne!(second, first);
    assert_eq!(server_secret(), second);
    dir.assert_never_printed(&first);
    dir.assert_never_printed(&second);

    let revealed = dir.run(&["profiles", "rotate-secret", "Sales", "--reveal-secret"]);
    let third = secret_of(&dir, "Sales");
    assert!(
        revealed.ok().contains(&format!("Secret: {third}")),
        "{revealed:#?}"
    );
}

#[test]
fn a_failed_rotation_push_says_the_secret_is_new_here_only() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Sales"));
    dir.run(&["profiles", "push", &id]).ok();
    let before = secret_of(&dir, "Sales");
    let remote_id = show(&dir, "Sales")["remoteId"].as_i64().unwrap();
    webitel
        .emulator()
        .modify_bot(remote_id, |bot| bot.name = "Edited there".into());

    let (code, message) = dir
        .run(&["--json", "profiles", "rotate-secret", "Sales", "--push"])
        .json_error();
    assert_eq!(code, "conflict");
    assert!(message.contains("the push failed"), "{message}");
    assert_ne!(secret_of(&dir, "Sales"), before);
    let server_secret = webitel.emulator().bot(remote_id).unwrap();
    assert_eq!(
        server_secret.metadata.get(Metadata::SECRET),
        Some(before.as_str())
    );

    // Without a server there is nothing to push to: refused before the secret changes.
    create_local(&dir, "Local");
    let local = secret_of(&dir, "Local");
    let (code, _) = dir
        .run(&["--json", "profiles", "rotate-secret", "Local", "--push"])
        .json_error();
    assert_eq!(code, "no_server");
    assert_eq!(secret_of(&dir, "Local"), local);
}

/// `--prove` (issue J): an agent message signed with the new secret goes to the chat service
/// (here a `listen` that still checks with the old secret, as a service not switched yet does),
/// is refused by its verdict, and stays in the history; `--show` prints the secret.
#[test]
fn rotate_secret_prove_says_when_the_chat_service_still_has_the_old_secret() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Sales"));
    dir.run(&["profiles", "push", &id]).ok();
    let old_side =
        crate::support::Listener::start(&dir, "Sales", &["--path", "/hook", "--count", "1"]);
    let url = old_side.url.clone();

    let run = dir.run(&[
        "profiles",
        "rotate-secret",
        "Sales",
        "--push",
        "--prove",
        "--url",
        &url,
        "--show",
    ]);
    assert_eq!(run.code, 1, "{run:#?}");
    let new_secret = secret_of(&dir, "Sales");
    assert!(
        run.stdout.contains(&format!("Secret: {new_secret}")),
        "{run:#?}"
    );
    assert!(run.stdout.contains("Proof (history entry"), "{run:#?}");
    assert!(
        run.stderr.contains("still checks with the old secret"),
        "{run:#?}"
    );
    let (lines, _) = old_side.finish();
    assert_eq!(lines[0]["signature"], "invalid");

    let kept = dir
        .run(&[
            "--json",
            "history",
            "list",
            "--chat-id",
            "textgate-secret-check",
            "--channel",
            "emulate",
        ])
        .json();
    assert_eq!(kept.as_array().unwrap().len(), 1, "{kept}");
    assert_eq!(kept[0]["signing"], "correct");

    let nowhere = dir.run(&[
        "--json",
        "profiles",
        "rotate-secret",
        "Sales",
        "--prove",
        "--url",
        "http://127.0.0.1:9/hook",
    ]);
    assert_eq!(nowhere.code, 1);
    let proof: serde_json::Value = serde_json::from_str(&nowhere.stdout).unwrap();
    assert_eq!(proof["proof"]["outcome"], "noAnswer");
    assert!(proof["profile"].get("secret").is_none());
    dir.assert_never_printed(&secret_of(&dir, "Sales"));
}
