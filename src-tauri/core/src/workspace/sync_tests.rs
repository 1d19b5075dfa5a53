//! Sync against the emulator: pull into an empty store, push new, push update, a change on the
//! server detected, a conflict detected and both resolutions, and failures that lose nothing.

use super::*;
use crate::emulator::{FaultKind, FaultRule};
use crate::secrets::SecretStore;
use crate::sync_state::SyncState;
use crate::webitel::wire::Bot;
use crate::workspace::test_support::{draft, fixture, pushed, remote_bot, saved, state};

#[tokio::test]
async fn pull_into_an_empty_store() {
    let f = fixture().await;
    f.emulator().insert_bot(remote_bot("Alpha", "/alpha"));
    f.emulator().insert_bot(remote_bot("Beta", "/beta"));
    f.emulator().insert_bot(Bot {
        name: "Telegram".into(),
        uri: "/tg".into(),
        provider: "telegram".into(),
        ..Bot::default()
    });
    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.created, ["Alpha", "Beta"]);
    let list = f.workspace.profiles().list().unwrap();
    assert_eq!(list.len(), 2, "only custom gateways are pulled");
    let alpha = f.workspace.profiles().get(&list[0].id).unwrap();
    assert_eq!(
        alpha.exposed_secret(),
        Some("RemoteSecret"),
        "the secret goes to the keychain"
    );
    assert_eq!(alpha.callback, "https://remote.example.com/hook");
    assert_eq!(alpha.sync_state, SyncState::InSync);
    assert!(!alpha.uri_editable);
    assert_eq!(
        alpha.webhook_url,
        format!("{}/chat/alpha", f.running.base_url())
    );
    let again = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(again.unchanged.len(), 2);
}

#[tokio::test]
async fn push_new_sends_the_exact_wire_shape_then_updates() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    assert_eq!(saved.sync_state, SyncState::LocalOnly);
    assert_eq!(
        f.workspace.sync().push(&saved.id, false).await.unwrap(),
        PushAction::Created
    );

    let bot = f.emulator().bots().pop().unwrap();
    assert_eq!(bot.provider, "custom");
    assert_eq!(bot.uri, saved.uri);
    assert_eq!(
        bot.metadata.get("secret"),
        Some("LocalSecretLocalSecret0000000000")
    );
    assert_eq!(
        bot.metadata.get("webhook"),
        Some("https://bot.example.com/hook")
    );
    assert_eq!(bot.flow.unwrap().id, Some(7));
    assert_eq!(bot.updates.unwrap().join, "$(.FirstName) joined");
    assert_eq!(state(&f, &saved.id), SyncState::InSync);
    assert_eq!(
        f.workspace.sync().push(&saved.id, false).await.unwrap(),
        PushAction::UpToDate
    );

    let mut edit = draft(&f.server_id, "Support renamed");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    f.workspace.profiles().save(edit).unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::ChangedHere);
    assert_eq!(
        f.workspace.sync().push(&saved.id, false).await.unwrap(),
        PushAction::Updated
    );
    assert_eq!(f.emulator().bots()[0].name, "Support renamed");
    assert_eq!(state(&f, &saved.id), SyncState::InSync);
}

#[tokio::test]
async fn a_changed_secret_needs_a_push() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    f.workspace.sync().push(&saved.id, false).await.unwrap();
    let mut edit = draft(&f.server_id, "Support");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    edit.secret = Sensitive::new("NewSecret".into());
    f.workspace.profiles().save(edit).unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::ChangedHere);
    f.workspace.sync().push(&saved.id, false).await.unwrap();
    assert_eq!(
        f.emulator().bots()[0].metadata.get("secret"),
        Some("NewSecret")
    );
}

#[tokio::test]
async fn a_change_on_the_server_is_detected_and_pulled() {
    let f = fixture().await;
    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Renamed on server".into());

    let error = f.workspace.sync().push(&saved.id, false).await.unwrap_err();
    assert_eq!(error.code(), "remote_changed");
    assert_eq!(state(&f, &saved.id), SyncState::ChangedOnServer);

    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.updated, ["Renamed on server"]);
    assert_eq!(
        f.workspace.profiles().get(&saved.id).unwrap().name,
        "Renamed on server"
    );
    assert_eq!(state(&f, &saved.id), SyncState::InSync);
}

#[tokio::test]
async fn a_conflict_is_detected_and_either_side_can_win() {
    let f = fixture().await;
    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    let make_conflict = |local: &str, remote: &'static str| {
        let mut edit = draft(&f.server_id, local);
        edit.id = Some(saved.id.clone());
        edit.uri = saved.uri.clone();
        f.workspace.profiles().save(edit).unwrap();
        f.emulator()
            .modify_bot(remote_id, |bot| bot.name = remote.into());
    };

    make_conflict("Mine", "Theirs");
    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.conflicts, ["Mine"]);
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);
    assert_eq!(
        f.workspace
            .sync()
            .push(&saved.id, false)
            .await
            .unwrap_err()
            .code(),
        "conflict"
    );
    let view = f
        .workspace
        .sync()
        .compare_with_server(&saved.id)
        .await
        .unwrap();
    assert_eq!(
        (view.local.name.as_str(), view.remote.name.as_str()),
        ("Mine", "Theirs")
    );
    let kept = f
        .workspace
        .sync()
        .resolve_conflict(&saved.id, KeepVersion::Local)
        .await
        .unwrap();
    assert_eq!(kept.sync_state, SyncState::InSync);
    assert_eq!(f.emulator().bot(remote_id).unwrap().name, "Mine");

    make_conflict("Mine again", "Theirs again");
    f.workspace.sync().pull(&f.server_id).await.unwrap();
    let taken = f
        .workspace
        .sync()
        .resolve_conflict(&saved.id, KeepVersion::Remote)
        .await
        .unwrap();
    assert_eq!(taken.name, "Theirs again");
    assert_eq!(taken.sync_state, SyncState::InSync);
}

#[tokio::test]
async fn a_failed_push_loses_nothing_and_is_not_retried() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    f.emulator()
        .set_fault(Some(FaultRule::every(FaultKind::Garbage500).on("POST")));
    assert!(f.workspace.sync().push(&saved.id, false).await.is_err());
    f.emulator().set_fault(None);
    let posts = f
        .emulator()
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(posts, 1);
    let after = f.workspace.profiles().get(&saved.id).unwrap();
    assert_eq!(
        (after.name.as_str(), after.sync_state),
        ("Support", SyncState::LocalOnly)
    );

    // A refusal (400): another kind of gateway already has the URI.
    f.emulator().insert_bot(Bot {
        name: "Telegram".into(),
        uri: saved.uri.clone(),
        provider: "telegram".into(),
        ..Bot::default()
    });
    let refused = f.workspace.sync().push(&saved.id, false).await.unwrap_err();
    assert_eq!(refused.to_string(), "uri: already in use");
    assert_eq!(f.emulator().bots().len(), 1, "nothing was created");
    assert_eq!(state(&f, &saved.id), SyncState::LocalOnly);
    assert_eq!(
        f.secrets.read(&saved.id).unwrap().unwrap().expose(),
        "LocalSecretLocalSecret0000000000"
    );
}

#[tokio::test]
async fn start_stop_and_delete_on_the_server() {
    let f = fixture().await;
    let mut no_flow = draft(&f.server_id, "No flow");
    no_flow.flow = None;
    let bare = f.workspace.profiles().save(no_flow).unwrap().profile;
    f.workspace.sync().push(&bare.id, false).await.unwrap();
    let before = f.emulator().requests().len();
    assert_eq!(
        f.workspace
            .sync()
            .set_enabled(&bare.id, true)
            .await
            .unwrap_err()
            .code(),
        "flow_required"
    );
    assert_eq!(
        f.emulator().requests().len(),
        before,
        "refused before any request"
    );

    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    let on = f
        .workspace
        .sync()
        .set_enabled(&saved.id, true)
        .await
        .unwrap();
    assert!(on.enabled && f.emulator().bot(remote_id).unwrap().enabled);
    assert_eq!(on.sync_state, SyncState::InSync);
    f.workspace
        .sync()
        .set_enabled(&saved.id, false)
        .await
        .unwrap();
    assert!(!f.emulator().bot(remote_id).unwrap().enabled);

    f.workspace.sync().delete(&saved.id).await.unwrap();
    assert!(f.emulator().bot(remote_id).is_none());
    assert!(f.workspace.profiles().get(&saved.id).is_err());
    assert!(f.secrets.read(&saved.id).unwrap().is_none());
}
