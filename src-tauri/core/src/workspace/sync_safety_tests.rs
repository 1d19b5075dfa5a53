//! Sync loses nothing: an edit saved while a push is in flight stays "changed here", a push
//! whose answer was lost links the gateway instead of failing or duplicating it, and a keychain
//! or SQLite write failing half-way leaves a state the next operation repairs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::PushAction;
use crate::emulator::{Fault, FaultKind, FaultRule};
use crate::profile_views::SecretState;
use crate::secrets::{MemorySecretStore, SecretError, SecretStore};
use crate::sensitive::Sensitive;
use crate::store::Store;
use crate::sync_state::SyncState;
use crate::workspace::test_support::{
    draft, fixture, fixture_on, remote_bot, saved, state, Fixture,
};

/// Waits (without a deadline of its own: the test harness bounds it) until the emulator has
/// received a request with `method`.
async fn until_received<S>(f: &Fixture<S>, method: &str) {
    while !f.emulator().requests().iter().any(|r| r.method == method) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test]
async fn an_edit_saved_while_a_push_is_in_flight_stays_changed_here() {
    let f = fixture().await;
    let first = saved(&f, "Support");
    f.workspace.sync().push(&first.id, false).await.unwrap();
    let mut edit = draft(&f.server_id, "Pushed name");
    edit.id = Some(first.id.clone());
    edit.uri = first.uri.clone();
    f.workspace.profiles().save(edit.clone()).unwrap();

    // The GET passes at once; the PUT is held long enough for a save to happen meanwhile.
    f.emulator().push_fault(Fault::Delay(Duration::ZERO));
    f.emulator()
        .push_fault(Fault::Delay(Duration::from_millis(1500)));
    let pushing = f.workspace.sync().push(&first.id, false);
    let saving = async {
        until_received(&f, "PUT").await;
        edit.name = "Saved during the push".into();
        edit.secret = Sensitive::new("SecretSavedDuringThePush".into());
        f.workspace.profiles().save(edit.clone()).unwrap();
    };
    let (pushed, ()) = tokio::join!(pushing, saving);
    assert_eq!(pushed.unwrap(), PushAction::Updated);

    let remote_id = first_remote_id(&f);
    assert_eq!(f.emulator().bot(remote_id).unwrap().name, "Pushed name");
    let after = f.workspace.profiles().get(&first.id).unwrap();
    assert_eq!(after.name, "Saved during the push");
    assert_eq!(after.sync_state, SyncState::ChangedHere);

    // The server still has the version pushed: a pull keeps the newer local edit.
    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.unchanged, ["Saved during the push"]);
    let kept = f.workspace.profiles().get(&first.id).unwrap();
    assert_eq!(kept.name, "Saved during the push");
    assert_eq!(kept.exposed_secret(), Some("SecretSavedDuringThePush"));

    f.workspace.sync().push(&first.id, false).await.unwrap();
    let bot = f.emulator().bot(remote_id).unwrap();
    assert_eq!(bot.name, "Saved during the push");
    assert_eq!(bot.metadata.get("secret"), Some("SecretSavedDuringThePush"));
    assert_eq!(state(&f, &first.id), SyncState::InSync);
}

#[tokio::test]
async fn a_secret_changed_while_a_push_is_in_flight_stays_changed_here() {
    let f = fixture().await;
    let first = saved(&f, "Support");
    let mut edit = draft(&f.server_id, "Support");
    edit.id = Some(first.id.clone());
    edit.uri = first.uri.clone();

    // A first push: the URI lookup passes at once, the POST is held.
    f.emulator().push_fault(Fault::Delay(Duration::ZERO));
    f.emulator()
        .push_fault(Fault::Delay(Duration::from_millis(1500)));
    let pushing = f.workspace.sync().push(&first.id, false);
    let saving = async {
        until_received(&f, "POST").await;
        edit.secret = Sensitive::new("OnlyTheSecretChanged".into());
        f.workspace.profiles().save(edit.clone()).unwrap();
    };
    let (pushed, ()) = tokio::join!(pushing, saving);
    assert_eq!(pushed.unwrap(), PushAction::Created);
    assert_eq!(state(&f, &first.id), SyncState::ChangedHere);
    f.workspace.sync().push(&first.id, false).await.unwrap();
    assert_eq!(
        f.emulator().bots()[0].metadata.get("secret"),
        Some("OnlyTheSecretChanged")
    );
    assert_eq!(state(&f, &first.id), SyncState::InSync);
}

fn first_remote_id<S>(f: &Fixture<S>) -> i64 {
    f.emulator().bots()[0].id.unwrap()
}

#[tokio::test]
async fn a_push_whose_answer_was_lost_links_the_gateway_on_the_next_push() {
    let f = fixture().await;
    let profile = saved(&f, "Support");
    // The server creates the gateway, then the connection drops: the answer never arrives.
    f.emulator().set_fault(Some(
        FaultRule::every(FaultKind::ResetAfter).on("POST").once(),
    ));
    assert!(f.workspace.sync().push(&profile.id, false).await.is_err());
    assert_eq!(f.emulator().bots().len(), 1, "created on the server");
    assert_eq!(state(&f, &profile.id), SyncState::LocalOnly);

    assert_eq!(
        f.workspace.sync().push(&profile.id, false).await.unwrap(),
        PushAction::Created
    );
    assert_eq!(f.emulator().bots().len(), 1, "not created twice");
    let linked = f.workspace.profiles().get(&profile.id).unwrap();
    assert_eq!(linked.remote_id, Some(first_remote_id(&f)));
    assert_eq!(linked.sync_state, SyncState::InSync);

    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.unchanged, ["Support"]);
    assert_eq!(
        f.workspace.profiles().list().unwrap().len(),
        1,
        "no duplicate"
    );
}

#[tokio::test]
async fn a_pull_after_a_lost_answer_links_instead_of_duplicating() {
    let f = fixture().await;
    let profile = saved(&f, "Support");
    f.emulator().set_fault(Some(
        FaultRule::every(FaultKind::ResetAfter).on("POST").once(),
    ));
    assert!(f.workspace.sync().push(&profile.id, false).await.is_err());
    // Edited here after the lost answer: the link keeps the edit, to be pushed.
    let mut edit = draft(&f.server_id, "Edited after");
    edit.id = Some(profile.id.clone());
    edit.uri = profile.uri.clone();
    f.workspace.profiles().save(edit).unwrap();

    f.workspace.sync().pull(&f.server_id).await.unwrap();
    let list = f.workspace.profiles().list().unwrap();
    assert_eq!(list.len(), 1, "no duplicate: {list:?}");
    let linked = f.workspace.profiles().get(&profile.id).unwrap();
    assert_eq!(linked.remote_id, Some(first_remote_id(&f)));
    assert_eq!(linked.name, "Edited after");
    assert_eq!(linked.sync_state, SyncState::ChangedHere);
    assert_eq!(
        f.workspace.sync().push(&profile.id, false).await.unwrap(),
        PushAction::Updated
    );
    assert_eq!(f.emulator().bots()[0].name, "Edited after");
    assert_eq!(state(&f, &profile.id), SyncState::InSync);
}

/// The in-memory keychain, made to fail its writes on demand.
#[derive(Default)]
struct FlakySecrets {
    inner: MemorySecretStore,
    fail_writes: AtomicBool,
}

impl SecretStore for FlakySecrets {
    fn read(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        self.inner.read(account)
    }

    fn write(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError> {
        if self.fail_writes.load(Ordering::SeqCst) {
            return Err(SecretError::Failed("test: write refused".into()));
        }
        self.inner.write(account, secret)
    }

    fn remove(&self, account: &str) -> Result<(), SecretError> {
        self.inner.remove(account)
    }
}

async fn flaky_fixture() -> Fixture<FlakySecrets> {
    let secrets = Arc::new(FlakySecrets::default());
    fixture_on(Store::in_memory().unwrap(), secrets, Duration::from_secs(2)).await
}

#[tokio::test]
async fn a_pull_whose_secret_write_fails_is_finished_by_the_next_pull() {
    let f = flaky_fixture().await;
    f.emulator().insert_bot(remote_bot("Alpha", "/alpha"));
    f.secrets.fail_writes.store(true, Ordering::SeqCst);
    assert_eq!(
        f.workspace
            .sync()
            .pull(&f.server_id)
            .await
            .unwrap_err()
            .code(),
        "keychain"
    );
    assert!(
        f.workspace.profiles().list().unwrap().is_empty(),
        "no row without its secret"
    );

    f.secrets.fail_writes.store(false, Ordering::SeqCst);
    f.workspace.sync().pull(&f.server_id).await.unwrap();
    let list = f.workspace.profiles().list().unwrap();
    assert_eq!(list.len(), 1);
    let alpha = f.workspace.profiles().get(&list[0].id).unwrap();
    assert_eq!(alpha.secret_state, SecretState::Stored);
    assert_eq!(alpha.exposed_secret(), Some("RemoteSecret"));
}

#[tokio::test]
async fn a_server_change_is_never_half_applied() {
    let f = flaky_fixture().await;
    let remote_id = f.emulator().insert_bot(remote_bot("Alpha", "/alpha"));
    f.workspace.sync().pull(&f.server_id).await.unwrap();
    let id = f.workspace.profiles().list().unwrap()[0].id.clone();
    f.emulator().modify_bot(remote_id, |bot| {
        bot.name = "Alpha renamed".into();
        bot.metadata
            .0
            .insert("secret".into(), "RotatedOnServer".into());
    });

    f.secrets.fail_writes.store(true, Ordering::SeqCst);
    assert!(f.workspace.sync().pull(&f.server_id).await.is_err());
    let half = f.workspace.profiles().get(&id).unwrap();
    assert_eq!(
        (half.name.as_str(), half.exposed_secret()),
        ("Alpha", Some("RemoteSecret")),
        "neither the row nor the secret moved"
    );

    f.secrets.fail_writes.store(false, Ordering::SeqCst);
    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.updated, ["Alpha renamed"]);
    let done = f.workspace.profiles().get(&id).unwrap();
    assert_eq!(done.exposed_secret(), Some("RotatedOnServer"));
    assert_eq!(done.sync_state, SyncState::InSync);
}

#[tokio::test]
async fn a_linked_profile_whose_secret_went_missing_gets_it_back_on_pull() {
    let f = fixture().await;
    f.emulator().insert_bot(remote_bot("Alpha", "/alpha"));
    f.workspace.sync().pull(&f.server_id).await.unwrap();
    let id = f.workspace.profiles().list().unwrap()[0].id.clone();
    // As a crash between the row and the keychain would leave it.
    f.secrets.remove(&id).unwrap();
    assert_eq!(
        f.workspace.profiles().get(&id).unwrap().secret_state,
        SecretState::Missing
    );
    f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(
        f.workspace.profiles().get(&id).unwrap().exposed_secret(),
        Some("RemoteSecret")
    );
}

#[tokio::test]
async fn a_delete_that_fails_in_sqlite_keeps_the_secret() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let secrets = Arc::new(MemorySecretStore::new());
    let f = fixture_on(store, secrets, Duration::from_secs(2)).await;
    let profile = saved(&f, "Support");
    // Another connection makes SQLite refuse the delete (as a full disk or a lock would).
    let other = rusqlite::Connection::open(crate::store::database_path(dir.path())).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER refuse_delete BEFORE DELETE ON profiles \
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .unwrap();

    let error = f.workspace.profiles().delete(&profile.id).unwrap_err();
    assert_eq!(error.code(), "storage", "{error}");
    let kept = f.workspace.profiles().get(&profile.id).unwrap();
    assert_eq!(kept.secret_state, SecretState::Stored, "the secret is kept");
    assert_eq!(kept.secret, profile.secret);

    other.execute_batch("DROP TRIGGER refuse_delete;").unwrap();
    f.workspace.profiles().delete(&profile.id).unwrap();
    assert!(f.secrets.read(&profile.id).unwrap().is_none());
}

#[tokio::test]
async fn start_stop_does_not_hide_other_changes_made_on_the_server() {
    let f = fixture().await;
    let profile = saved(&f, "Support");
    f.workspace.sync().push(&profile.id, false).await.unwrap();
    let remote_id = first_remote_id(&f);
    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Renamed on server".into());

    let on = f
        .workspace
        .sync()
        .set_enabled(&profile.id, true)
        .await
        .unwrap();
    assert!(on.enabled);
    assert_eq!(on.sync_state, SyncState::ChangedOnServer);
    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.updated, ["Renamed on server"]);
    let pulled = f.workspace.profiles().get(&profile.id).unwrap();
    assert!(pulled.enabled);
    assert_eq!(pulled.sync_state, SyncState::InSync);
}
