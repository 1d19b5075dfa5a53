//! Every emulator fault against push, pull, Start/Stop and delete: one clear line naming the
//! server and the cause, the local profile untouched and not "in sync", the server untouched,
//! and the next operation after the fault succeeds.

use std::time::Duration;

use super::PushAction;
use crate::emulator::{FaultKind, FaultRule};
use crate::error::CoreError;
use crate::profile_views::ProfileView;
use crate::sync_state::SyncState;
use crate::workspace::test_support::{draft, fixture_with, saved, state, Fixture};

/// The faults a broken server or what stands in front of it can produce, with the error code
/// each must give.
/// Long enough for a loaded machine to serve 64 MiB; `hang` waits this long per case.
const TIMEOUT: Duration = Duration::from_millis(1500);

const FAULTS: [(FaultKind, &str); 7] = [
    (FaultKind::Garbage500, "server_error"),
    (FaultKind::Html200, "not_webitel"),
    (FaultKind::TruncatedJson, "not_webitel"),
    (FaultKind::Unauthorized, "unauthorized"),
    (FaultKind::Reset, "unreachable"),
    (FaultKind::Hang, "timeout"),
    (FaultKind::Huge, "not_webitel"),
];

#[derive(Debug, Clone, Copy)]
enum Op {
    Push,
    Pull,
    Enable,
    Delete,
}

/// A pushed profile with an edit saved here since: "changed here".
async fn pushed_and_edited(f: &Fixture) -> ProfileView {
    let first = saved(f, "Support");
    f.workspace.sync().push(&first.id, false).await.unwrap();
    let mut edit = draft(&f.server_id, "Edited here");
    edit.id = Some(first.id.clone());
    edit.uri = first.uri.clone();
    let edited = f.workspace.profiles().save(edit).unwrap().profile;
    assert_eq!(edited.sync_state, SyncState::ChangedHere);
    edited
}

async fn run(f: &Fixture, op: Op, id: &str) -> Result<(), CoreError> {
    match op {
        Op::Push => f.workspace.sync().push(id, false).await.map(|_| ()),
        Op::Pull => f.workspace.sync().pull(&f.server_id).await.map(|_| ()),
        Op::Enable => f.workspace.sync().set_enabled(id, true).await.map(|_| ()),
        Op::Delete => f.workspace.sync().delete(id).await,
    }
}

async fn every_fault_leaves_everything_as_it_was(op: Op) {
    for (kind, code) in FAULTS {
        let f = fixture_with(TIMEOUT).await;
        let before = pushed_and_edited(&f).await;
        let server_before = f.emulator().bots();
        f.emulator().set_fault(Some(FaultRule::every(kind)));

        let error = run(&f, op, &before.id).await.unwrap_err();
        let message = error.to_string();
        assert_eq!(error.code(), code, "{kind} on {op:?}: {message}");
        assert!(
            message.contains("127.0.0.1") && !message.contains('\n'),
            "{kind} on {op:?}: one line naming the server: {message}"
        );
        assert!(message.len() < 400, "{kind} on {op:?}: {message}");
        let after = f.workspace.profiles().get(&before.id).unwrap();
        assert_eq!(
            after, before,
            "{kind} on {op:?}: the local profile is untouched"
        );
        assert_ne!(after.sync_state, SyncState::InSync, "{kind} on {op:?}");
        assert_eq!(f.emulator().bots(), server_before, "{kind} on {op:?}");

        f.emulator().set_fault(None);
        assert_eq!(
            f.workspace.sync().push(&before.id, false).await.unwrap(),
            PushAction::Updated,
            "{kind} on {op:?}: the next push succeeds"
        );
        assert_eq!(state(&f, &before.id), SyncState::InSync);
        run(&f, op, &before.id).await.unwrap();
    }
}

#[tokio::test]
async fn push_survives_every_fault() {
    every_fault_leaves_everything_as_it_was(Op::Push).await;
}

#[tokio::test]
async fn pull_survives_every_fault() {
    every_fault_leaves_everything_as_it_was(Op::Pull).await;
}

#[tokio::test]
async fn enable_survives_every_fault() {
    every_fault_leaves_everything_as_it_was(Op::Enable).await;
}

#[tokio::test]
async fn delete_survives_every_fault() {
    every_fault_leaves_everything_as_it_was(Op::Delete).await;
}

#[tokio::test]
async fn a_first_push_survives_every_fault() {
    for (kind, code) in FAULTS {
        let f = fixture_with(TIMEOUT).await;
        let before = saved(&f, "Support");
        f.emulator().set_fault(Some(FaultRule::every(kind)));
        let error = f
            .workspace
            .sync()
            .push(&before.id, false)
            .await
            .unwrap_err();
        assert_eq!(error.code(), code, "{kind}: {error}");
        assert_eq!(
            f.workspace.profiles().get(&before.id).unwrap(),
            before,
            "{kind}"
        );
        assert!(f.emulator().bots().is_empty(), "{kind}");
        f.emulator().set_fault(None);
        assert_eq!(
            f.workspace.sync().push(&before.id, false).await.unwrap(),
            PushAction::Created,
            "{kind}"
        );
        assert_eq!(state(&f, &before.id), SyncState::InSync);
    }
}

#[tokio::test]
async fn an_answer_that_is_not_a_gateway_fails_push_and_enable() {
    let f = fixture_with(Duration::from_secs(2)).await;
    // Create: `{"items":[]}` answers the URI lookup (no such gateway) and then the POST.
    let fresh = saved(&f, "Fresh");
    f.emulator()
        .set_fault(Some(FaultRule::every(FaultKind::NotAGateway)));
    let error = f.workspace.sync().push(&fresh.id, false).await.unwrap_err();
    assert_eq!(error.code(), "not_webitel", "{error}");
    assert!(error.to_string().contains("not a gateway"), "{error}");
    assert_eq!(state(&f, &fresh.id), SyncState::LocalOnly);
    f.emulator().set_fault(None);

    // Update and Start: only the PUT / PATCH answer is wrong.
    let edited = pushed_and_edited(&f).await;
    for method in ["PUT", "PATCH"] {
        f.emulator()
            .set_fault(Some(FaultRule::every(FaultKind::NotAGateway).on(method)));
        let error = match method {
            "PUT" => f.workspace.sync().push(&edited.id, false).await.map(|_| ()),
            _ => f
                .workspace
                .sync()
                .set_enabled(&edited.id, true)
                .await
                .map(|_| ()),
        }
        .unwrap_err();
        assert!(
            error.to_string().contains("not a gateway"),
            "{method}: {error}"
        );
        assert_eq!(
            f.workspace.profiles().get(&edited.id).unwrap(),
            edited,
            "{method}"
        );
    }
    f.emulator().set_fault(None);
    f.workspace.sync().push(&fresh.id, false).await.unwrap();
    f.workspace.sync().push(&edited.id, false).await.unwrap();
    assert_eq!(state(&f, &edited.id), SyncState::InSync);
}

#[tokio::test]
async fn a_64_mib_answer_is_refused_without_reading_it_whole() {
    let f = fixture_with(Duration::from_secs(5)).await;
    let profile = saved(&f, "Support");
    f.emulator()
        .set_fault(Some(FaultRule::every(FaultKind::Huge)));
    let error = f.workspace.sync().pull(&f.server_id).await.unwrap_err();
    assert!(error.to_string().contains("larger than 16 MiB"), "{error}");
    let error = f
        .workspace
        .sync()
        .push(&profile.id, false)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("larger than 16 MiB"), "{error}");
}
