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
