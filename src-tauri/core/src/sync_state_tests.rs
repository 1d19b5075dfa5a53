//! The sync state and its freshness as derived from what is known of the server side.

use super::*;
use crate::error_code::ErrorCode;

fn linked(checked_at: Option<i64>) -> Profile {
    let mut profile = Profile {
        id: "p1".into(),
        name: "Support".into(),
        server_id: Some("s1".into()),
        remote_id: Some(42),
        ..Profile::default()
    };
    profile.sync.snapshot = Some(SyncContent::of_profile(&profile).to_snapshot());
    profile.sync.remote_updated_at = Some(100);
    profile.sync.remote_seen_updated_at = Some(100);
    profile.sync.checked_at = checked_at;
    profile
}

#[test]
fn a_newer_server_version_seen_by_a_check_is_changed_on_server_and_with_a_local_edit_a_conflict() {
    let mut profile = linked(Some(1_000));
    assert_eq!(sync_state(&profile), SyncState::InSync);
    profile.sync.remote_seen_updated_at = Some(200);
    assert_eq!(sync_state(&profile), SyncState::ChangedOnServer);
    profile.name = "Mine".into();
    assert_eq!(sync_state(&profile), SyncState::Conflict);
}

#[test]
fn a_gateway_gone_from_the_server_is_gone_whatever_changed_here() {
    let mut profile = linked(Some(1_000));
    profile.sync.remote_gone = true;
    assert_eq!(sync_state(&profile), SyncState::Gone);
    profile.name = "Mine".into();
    assert_eq!(sync_state(&profile), SyncState::Gone);
}

#[test]
fn freshness_says_when_it_was_checked_or_why_it_could_not_be() {
    let mut profile = linked(Some(1_000));
    assert_eq!(
        SyncFreshness::of_profile(&profile),
        SyncFreshness {
            checked_at: Some(1_000),
            check_failure: None
        }
    );
    profile.sync.check_failure = Some(ErrorCode::Unreachable);
    let offline = SyncFreshness::of_profile(&profile);
    assert_eq!(offline.check_failure, Some(ErrorCode::Unreachable));
    assert_eq!(offline.checked_at, Some(1_000), "the last read is kept");
    // A failed check says nothing about the state itself: it stays what was known.
    assert_eq!(sync_state(&profile), SyncState::InSync);
}

#[test]
fn a_local_only_profile_has_nothing_to_be_fresh_about() {
    let mut profile = linked(Some(1_000));
    profile.remote_id = None;
    profile.sync.check_failure = Some(ErrorCode::Timeout);
    assert_eq!(sync_state(&profile), SyncState::LocalOnly);
    assert_eq!(
        SyncFreshness::of_profile(&profile),
        SyncFreshness {
            checked_at: None,
            check_failure: None
        }
    );
}
