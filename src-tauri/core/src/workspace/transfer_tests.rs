//! Export and import end to end on real SQLite files: a round trip into an empty data folder
//! gives the same profiles field by field (secrets too, with the passphrase); a wrong passphrase
//! imports nothing; what is unchanged, updated, in conflict or refused is said per profile; a
//! server that is not here makes the profile local only.

use std::sync::Arc;

use super::*;
use crate::error_code::ErrorCode;
use crate::profile::{FlowRef, Profile, Templates};
use crate::secrets::MemorySecretStore;
use crate::sensitive::Sensitive;
use crate::server::{Server, TokenFacts};
use crate::store::Store;
use crate::sync_state::SyncContent;
use crate::transfer::{ConflictReason, ImportAction};

const VERSION: &str = "9.9.9";

fn workspace(dir: &tempfile::TempDir) -> Workspace {
    Workspace::new(
        Store::open_in(dir.path()).unwrap(),
        Arc::new(MemorySecretStore::new()),
    )
}

fn add_server(ws: &Workspace, id: &str, name: &str, base_url: &str) {
    ws.store()
        .insert_server(&Server {
            id: id.into(),
            name: name.into(),
            base_url: base_url.into(),
            ca_pem: None,
            username: None,
            created_at: 1,
            updated_at: 1,
            token: TokenFacts::default(),
        })
        .unwrap();
}

fn draft(name: &str, uri: &str, server_id: Option<&str>) -> ProfileDraft {
    ProfileDraft {
        name: name.into(),
        uri: uri.into(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new(format!("secret-of{uri}")),
        flow: Some(FlowRef {
            id: 3,
            name: "Chat flow".into(),
        }),
        enabled: true,
        templates: Templates {
            title: "Agent {{.Name}}".into(),
            close: "Bye".into(),
            join: "Joined".into(),
            left: "Left".into(),
            file_policy_fail: "No files".into(),
        },
        server_id: server_id.map(str::to_string),
        notes: "Owner: Ann\nsecond line".into(),
        ..ProfileDraft::default()
    }
}

/// A source workspace with one profile on server "Prod" and one local only.
fn source(dir: &tempfile::TempDir) -> Workspace {
    let ws = workspace(dir);
    add_server(&ws, "prod-here", "Prod", "https://webitel.example.com");
    ws.profiles()
        .save(draft("Support", "/support-bot", Some("prod-here")))
        .unwrap();
    ws.profiles()
        .save(draft("Sandbox", "/sandbox-bot", None))
        .unwrap();
    ws
}

/// Every field of every profile as a person compares them: by name, the server by its name,
/// the secret from the keychain.
fn contents(ws: &Workspace) -> Vec<serde_json::Value> {
    ws.profiles()
        .list()
        .unwrap()
        .iter()
        .map(|summary| {
            let view = ws.profiles().get(&summary.id).unwrap();
            let mut draft = serde_json::to_value(ProfileDraft {
                id: None,
                server_id: None,
                secret: view
                    .exposed_secret()
                    .map(|s| Sensitive::new(s.to_string()))
                    .unwrap_or_default(),
                ..ProfileDraft::from_profile(ws.store().get_profile(&summary.id).unwrap())
            })
            .unwrap();
            draft["serverName"] = serde_json::json!(view.server_name);
            draft
        })
        .collect()
}

fn passphrase() -> Sensitive<String> {
    Sensitive::new("correct horse battery".into())
}

#[test]
fn a_round_trip_into_an_empty_data_folder_gives_the_same_profiles_secrets_too() {
    let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = source(&from);
    let export = source
        .transfer()
        .export(&[], Some(&passphrase()), VERSION)
        .unwrap();
    assert_eq!((export.count, export.with_secrets), (2, true));
    assert!(!export.text.contains("secret-of/"), "{}", export.text);

    let target = workspace(&to);
    add_server(
        &target,
        "prod-there",
        "Production",
        "https://WEBITEL.example.com/",
    );
    let file = target
        .transfer()
        .read(&export.text, Some(&passphrase()))
        .unwrap();
    let preview = target.transfer().preview(&file).unwrap();
    assert!(
        preview
            .items
            .iter()
            .all(|item| item.action == ImportAction::Add),
        "{preview:?}"
    );
    assert!(preview.missing_servers.is_empty());
    assert!(
        target.profiles().list().unwrap().is_empty(),
        "a preview writes nothing"
    );

    let report = target.transfer().apply(&file).unwrap();
    assert!(report.secrets_not_saved.is_empty());
    let mut expected = contents(&source);
    for profile in &mut expected {
        if profile["serverName"] == "Prod" {
            profile["serverName"] = "Production".into();
        }
    }
    assert_eq!(contents(&target), expected);

    // The same file again: nothing to do.
    let again = target
        .transfer()
        .read(&export.text, Some(&passphrase()))
        .unwrap();
    let preview = target.transfer().preview(&again).unwrap();
    assert!(
        preview
            .items
            .iter()
            .all(|item| item.action == ImportAction::Unchanged),
        "{preview:?}"
    );
}

#[test]
fn without_secrets_the_profiles_come_without_them_and_the_local_ones_are_kept() {
    let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = source(&from);
    let export = source.transfer().export(&[], None, VERSION).unwrap();
    assert!(!export.text.contains("\"secrets\""));
    let target = workspace(&to);
    let file = target.transfer().read(&export.text, None).unwrap();
    let report = target.transfer().apply(&file).unwrap();
    assert_eq!(report.preview.missing_servers.len(), 1, "{report:?}");
    assert!(report.preview.items.iter().any(|item| item.server_missing));
    for summary in target.profiles().list().unwrap() {
        let view = target.profiles().get(&summary.id).unwrap();
        assert!(view.exposed_secret().is_none());
        assert!(
            view.server_name.is_none(),
            "a missing server makes it local only"
        );
    }
}

#[test]
fn a_wrong_or_missing_passphrase_imports_nothing() {
    let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let export = source(&from)
        .transfer()
        .export(&[], Some(&passphrase()), VERSION)
        .unwrap();
    let target = workspace(&to);
    let wrong = target
        .transfer()
        .read(&export.text, Some(&Sensitive::new("nope".into())))
        .err()
        .unwrap();
    assert_eq!(wrong.code(), ErrorCode::TransferPassphraseWrong);
    let missing = target.transfer().read(&export.text, None).err().unwrap();
    assert_eq!(missing.code(), ErrorCode::TransferPassphraseNeeded);
    assert!(target.profiles().list().unwrap().is_empty());
}

/// Marks a profile as pushed and in sync with what it holds now.
fn mark_pushed(ws: &Workspace, id: &str) {
    let profile = ws.store().get_profile(id).unwrap();
    let synced = Profile {
        remote_id: Some(41),
        sync: crate::profile::SyncBase {
            snapshot: Some(SyncContent::of_profile(&profile).to_snapshot()),
            ..Default::default()
        },
        ..profile
    };
    ws.store().upsert_profile(&synced).unwrap();
}

#[test]
fn an_update_a_conflict_and_a_refusal_are_told_per_profile() {
    let dir = tempfile::tempdir().unwrap();
    let ws = source(&dir);
    let support = ws.profiles().resolve("Support").unwrap().id;
    mark_pushed(&ws, &support);
    let mut export: serde_json::Value =
        serde_json::from_str(&ws.transfer().export(&[], None, VERSION).unwrap().text).unwrap();
    for profile in export["profiles"].as_array_mut().unwrap() {
        profile["notes"] = "from the other machine".into();
    }
    let mut refused = export["profiles"][0].clone();
    refused["uri"] = "/fresh-bot".into();
    refused["name"] = "".into();
    export["profiles"].as_array_mut().unwrap().push(refused);
    let text = export.to_string();

    // Support is pushed and in sync: an update; Sandbox is local only: an update.
    let file = ws.transfer().read(&text, None).unwrap();
    let preview = ws.transfer().preview(&file).unwrap();
    let actions: Vec<_> = preview
        .items
        .iter()
        .map(|item| (item.name.as_str(), item.action))
        .collect();
    assert_eq!(
        actions,
        [
            ("Sandbox", ImportAction::Update),
            ("Support", ImportAction::Update),
            ("", ImportAction::Invalid)
        ]
    );
    assert_eq!(preview.items[0].changed, [crate::ProfileField::Notes]);
    assert_eq!(preview.items[2].issues[0].field, crate::ProfileField::Name);

    // Edited here and not pushed: the file's version would overwrite it, so it is a conflict.
    let mut edited = ProfileDraft {
        id: Some(support.clone()),
        ..draft("Support", "/support-bot", Some("prod-here"))
    };
    edited.callback = "https://edited.example.com/hook".into();
    ws.profiles().save(edited).unwrap();
    let report = ws
        .transfer()
        .apply(&ws.transfer().read(&text, None).unwrap())
        .unwrap();
    let support_item = &report.preview.items[1];
    assert_eq!(support_item.action, ImportAction::Conflict);
    assert_eq!(support_item.conflict, Some(ConflictReason::LocalEdits));
    let kept = ws.profiles().get(&support).unwrap();
    assert_eq!(kept.callback, "https://edited.example.com/hook");
    assert_ne!(
        ws.store().get_profile(&support).unwrap().notes,
        "from the other machine"
    );
    let sandbox = ws.profiles().resolve("Sandbox").unwrap();
    assert_eq!(
        ws.store().get_profile(&sandbox.id).unwrap().notes,
        "from the other machine"
    );
    assert_eq!(
        ws.profiles().list().unwrap().len(),
        2,
        "the refused one was not added"
    );
}

#[test]
fn a_uri_used_here_on_another_server_is_a_conflict() {
    let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let export = source(&from).transfer().export(&[], None, VERSION).unwrap();
    let target = workspace(&to);
    target
        .profiles()
        .save(draft("Mine", "/support-bot", None))
        .unwrap();
    add_server(&target, "prod-there", "Prod", "https://webitel.example.com");
    let preview = target
        .transfer()
        .preview(&target.transfer().read(&export.text, None).unwrap())
        .unwrap();
    let support = preview
        .items
        .iter()
        .find(|item| item.uri == "/support-bot")
        .unwrap();
    assert_eq!(support.conflict, Some(ConflictReason::OtherServer));
    assert_eq!(support.local_name.as_deref(), Some("Mine"));
}

#[test]
fn an_export_of_picked_profiles_holds_only_them() {
    let dir = tempfile::tempdir().unwrap();
    let ws = source(&dir);
    let sandbox = ws.profiles().resolve("Sandbox").unwrap().id;
    let export = ws.transfer().export(&[sandbox], None, VERSION).unwrap();
    assert_eq!(export.count, 1);
    assert!(export.text.contains("/sandbox-bot") && !export.text.contains("/support-bot"));
    let unknown = ws
        .transfer()
        .export(&["nope".into()], None, VERSION)
        .err()
        .unwrap();
    assert_eq!(unknown.code(), ErrorCode::NotFound);
}
