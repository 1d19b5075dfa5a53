//! The background check against the emulator: a gateway renamed on the server behind the app's
//! back shows as changed there after one listing, a deleted one as gone, a local edit is never
//! touched (a conflict stays one), and a server that cannot be reached marks its profiles "not
//! checked" instead of failing.

use crate::emulator::{FaultKind, FaultRule};
use crate::error_code::ErrorCode;
use crate::sync_state::SyncState;
use crate::workspace::test_support::{draft, fixture, pushed, state};

#[tokio::test]
async fn a_rename_on_the_server_shows_as_changed_there_after_one_listing() {
    let f = fixture().await;
    let (alpha, alpha_remote) = pushed(&f, draft(&f.server_id, "Alpha")).await;
    let (beta, _) = pushed(&f, draft(&f.server_id, "Beta")).await;
    f.emulator()
        .modify_bot(alpha_remote, |bot| bot.name = "Alpha renamed".into());
    // Before the check, what is known says "in sync": that is the guess the check replaces.
    assert_eq!(state(&f, &alpha.id), SyncState::InSync);
    let requests_before = f.emulator().requests().len();

    let check = f.workspace.sync().check_server(&f.server_id).await.unwrap();

    assert_eq!(check.checked, 2);
    assert_eq!(check.changed_on_server, ["Alpha"]);
    assert!(check.gone.is_empty() && check.failure.is_none());
    assert_eq!(state(&f, &alpha.id), SyncState::ChangedOnServer);
    assert_eq!(state(&f, &beta.id), SyncState::InSync);
    // One listing for the whole server, not one read per profile.
    let requests: Vec<_> = f.emulator().requests()[requests_before..].to_vec();
    assert_eq!(requests.len(), 1, "{requests:?}");
    // Nothing was taken from the server: the name here is still the local one.
    let view = f.workspace.profiles().get(&alpha.id).unwrap();
    assert_eq!(view.name, "Alpha");
    assert!(view.freshness.checked_at.is_some());
    assert_eq!(view.freshness.check_failure, None);
    // A second check has nothing new to say.
    let again = f.workspace.sync().check_server(&f.server_id).await.unwrap();
    assert!(again.changed_on_server.is_empty());
}

#[tokio::test]
async fn a_gateway_deleted_on_the_server_shows_as_gone() {
    let f = fixture().await;
    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    f.emulator().remove_bot(remote_id);

    let check = f.workspace.sync().check_all().await.unwrap();

    assert_eq!(check.len(), 1);
    assert_eq!(check[0].gone, ["Support"]);
    assert_eq!(state(&f, &saved.id), SyncState::Gone);
}

#[tokio::test]
async fn a_local_edit_is_kept_and_a_conflict_stays_one() {
    let f = fixture().await;
    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    let mut edit = draft(&f.server_id, "Mine");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    f.workspace.profiles().save(edit).unwrap();
    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Theirs".into());

    f.workspace.sync().check_profile(&saved.id).await.unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);
    assert_eq!(f.workspace.profiles().get(&saved.id).unwrap().name, "Mine");
    // Checked again (the whole server this time): still a conflict, still ours here.
    f.workspace.sync().check_server(&f.server_id).await.unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);
    assert_eq!(f.workspace.profiles().get(&saved.id).unwrap().name, "Mine");
}

#[tokio::test]
async fn an_unreachable_server_marks_its_profiles_not_checked_and_is_no_error() {
    let f = fixture().await;
    let (saved, _) = pushed(&f, draft(&f.server_id, "Support")).await;
    let checked_at = f
        .workspace
        .profiles()
        .get(&saved.id)
        .unwrap()
        .freshness
        .checked_at;
    assert!(checked_at.is_some(), "a push is a read of the server");
    f.emulator()
        .set_fault(Some(FaultRule::every(FaultKind::Reset)));

    let check = f.workspace.sync().check_server(&f.server_id).await.unwrap();

    let failure = check.failure.expect("the failure is in the answer");
    assert_eq!(failure.code, ErrorCode::Unreachable);
    let view = f.workspace.profiles().get(&saved.id).unwrap();
    assert_eq!(view.freshness.check_failure, Some(ErrorCode::Unreachable));
    // What was known, and since when, stays.
    assert_eq!(view.freshness.checked_at, checked_at);
    assert_eq!(view.sync_state, SyncState::InSync);
    let one = f.workspace.sync().check_profile(&saved.id).await.unwrap();
    assert_eq!(
        one.failure.map(|failure| failure.code),
        Some(ErrorCode::Unreachable)
    );

    // Reachable again: the next check clears the mark.
    f.emulator().set_fault(None);
    f.workspace.sync().check_server(&f.server_id).await.unwrap();
    let view = f.workspace.profiles().get(&saved.id).unwrap();
    assert_eq!(view.freshness.check_failure, None);
    assert!(view.freshness.checked_at >= checked_at);
}

#[tokio::test]
async fn a_profile_never_pushed_has_nothing_to_check() {
    let f = fixture().await;
    let saved = f
        .workspace
        .profiles()
        .save(draft(&f.server_id, "Draft"))
        .unwrap()
        .profile;
    let before = f.emulator().requests().len();
    let check = f.workspace.sync().check_profile(&saved.id).await.unwrap();
    assert_eq!(check.checked, 0);
    assert_eq!(f.emulator().requests().len(), before, "no request for it");
    assert_eq!(saved.freshness.checked_at, None);
    assert_eq!(state(&f, &saved.id), SyncState::LocalOnly);
}

/// Issue I.1: after a push found a conflict and the comparison was closed ("Decide later"), the
/// profile is a conflict until one side is kept: an edit saved here, a comparison, a check or a
/// refresh never make it "changed here" again.
#[tokio::test]
async fn a_conflict_found_by_a_push_stays_after_the_comparison_is_closed() {
    let f = fixture().await;
    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    let mut edit = draft(&f.server_id, "Mine");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    f.workspace.profiles().save(edit.clone()).unwrap();
    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Theirs".into());

    let error = f.workspace.sync().push(&saved.id, false).await.unwrap_err();
    assert_eq!(error.code(), "conflict");
    f.workspace
        .sync()
        .compare_with_server(&saved.id)
        .await
        .unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);

    edit.name = "Mine, again".into();
    f.workspace.profiles().save(edit).unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);
    f.workspace.sync().check_all().await.unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);
    let outcome = f.workspace.sync().refresh(&saved.id).await.unwrap();
    assert_eq!(outcome, crate::workspace::RefreshOutcome::Conflict);
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);
}
