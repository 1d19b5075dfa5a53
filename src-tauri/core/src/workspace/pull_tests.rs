//! Pulling picked gateways and refreshing one profile, against the emulator: only what was
//! picked comes in, each with its own result (a failure among them stops none of the others),
//! and the pull rule (created, unchanged, updated, conflict, missing) holds for both.

use super::*;
use crate::emulator::{FaultKind, FaultRule};
use crate::sync_state::SyncState;
use crate::webitel::wire::Bot;
use crate::workspace::test_support::{draft, fixture, pushed, remote_bot, state};

fn outcomes(results: &[GatewayPull]) -> Vec<(i64, PullOutcome)> {
    results.iter().map(|r| (r.remote_id, r.outcome)).collect()
}

#[tokio::test]
async fn only_the_picked_gateways_come_in_each_with_its_result() {
    let f = fixture().await;
    let alpha = f.emulator().insert_bot(remote_bot("Alpha", "/alpha"));
    let beta = f.emulator().insert_bot(remote_bot("Beta", "/beta"));
    let telegram = f.emulator().insert_bot(Bot {
        name: "Telegram".into(),
        uri: "/tg".into(),
        provider: "telegram".into(),
        ..Bot::default()
    });
    let results = f
        .workspace
        .sync()
        .pull_gateways(&f.server_id, &[beta, telegram, 9999, beta])
        .await
        .unwrap();
    assert_eq!(
        outcomes(&results),
        [
            (beta, PullOutcome::Created),
            (telegram, PullOutcome::NotCustom),
            (9999, PullOutcome::Missing),
        ],
        "in the order asked, an id asked twice pulled once"
    );
    assert_eq!(results[0].name.as_deref(), Some("Beta"));
    assert_eq!(results[1].name.as_deref(), Some("Telegram"));
    assert_eq!(results[2].name, None);
    assert!(results.iter().all(|r| r.error.is_none()));

    let list = f.workspace.profiles().list().unwrap();
    assert_eq!(
        list.len(),
        1,
        "Alpha was not picked, Telegram is not custom"
    );
    let profile = f.workspace.profiles().get(&list[0].id).unwrap();
    assert_eq!(Some(profile.id.clone()), results[0].profile_id);
    assert_eq!(profile.name, "Beta");
    assert_eq!(profile.remote_id, Some(beta));
    assert_eq!(profile.exposed_secret(), Some("RemoteSecret"));
    assert_eq!(profile.sync_state, SyncState::InSync);

    let again = f
        .workspace
        .sync()
        .pull_gateways(&f.server_id, &[beta, alpha])
        .await
        .unwrap();
    assert_eq!(
        outcomes(&again),
        [
            (beta, PullOutcome::Unchanged),
            (alpha, PullOutcome::Created)
        ]
    );
    assert_eq!(again[0].profile_id, results[0].profile_id);
}

#[tokio::test]
async fn picked_gateways_follow_the_pull_rule_and_one_failure_stops_none() {
    let f = fixture().await;
    let (theirs, theirs_id) = pushed(&f, draft(&f.server_id, "Theirs")).await;
    let (both, both_id) = pushed(&f, draft(&f.server_id, "Both")).await;
    let fresh = f.emulator().insert_bot(remote_bot("Fresh", "/fresh"));
    f.emulator()
        .modify_bot(theirs_id, |bot| bot.name = "Renamed there".into());
    f.emulator()
        .modify_bot(both_id, |bot| bot.name = "Both there".into());
    let mut edit = draft(&f.server_id, "Both here");
    edit.id = Some(both.id.clone());
    edit.uri = both.uri.clone();
    f.workspace.profiles().save(edit).unwrap();
    // The first gateway read answers with something that is not a gateway.
    f.emulator().set_fault(Some(
        FaultRule::every(FaultKind::NotAGateway).on("GET").once(),
    ));

    let results = f
        .workspace
        .sync()
        .pull_gateways(&f.server_id, &[fresh, theirs_id, both_id])
        .await
        .unwrap();
    assert_eq!(
        outcomes(&results),
        [
            (fresh, PullOutcome::Failed),
            (theirs_id, PullOutcome::Updated),
            (both_id, PullOutcome::Conflict),
        ]
    );
    let failure = results[0].error.as_ref().unwrap();
    assert_eq!(failure.code, crate::ErrorCode::NotWebitel);
    assert!(failure.message.contains("not a gateway"), "{failure:?}");
    assert_eq!(results[1].name.as_deref(), Some("Renamed there"));
    assert_eq!(results[2].name.as_deref(), Some("Both here"));
    assert_eq!(
        f.workspace.profiles().get(&theirs.id).unwrap().name,
        "Renamed there"
    );
    assert_eq!(state(&f, &both.id), SyncState::Conflict);
    assert_eq!(
        f.workspace.profiles().get(&both.id).unwrap().name,
        "Both here"
    );
    assert_eq!(
        f.workspace.profiles().list().unwrap().len(),
        2,
        "Fresh failed"
    );

    let retried = f
        .workspace
        .sync()
        .pull_gateways(&f.server_id, &[fresh])
        .await
        .unwrap();
    assert_eq!(outcomes(&retried), [(fresh, PullOutcome::Created)]);
}

#[tokio::test]
async fn a_profile_is_refreshed_from_its_server() {
    let f = fixture().await;
    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    let refresh = || f.workspace.sync().refresh(&saved.id);
    assert_eq!(refresh().await.unwrap(), RefreshOutcome::Unchanged);

    f.emulator().modify_bot(remote_id, |bot| {
        bot.name = "Renamed there".into();
        bot.metadata
            .0
            .insert("webhook".into(), "https://moved.example.com/hook".into());
    });
    assert_eq!(refresh().await.unwrap(), RefreshOutcome::Updated);
    let view = f.workspace.profiles().get(&saved.id).unwrap();
    assert_eq!(view.name, "Renamed there");
    assert_eq!(view.callback, "https://moved.example.com/hook");
    assert_eq!(view.sync_state, SyncState::InSync);

    let mut edit = draft(&f.server_id, "Mine");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    f.workspace.profiles().save(edit).unwrap();
    assert_eq!(
        refresh().await.unwrap(),
        RefreshOutcome::Unchanged,
        "only changed here: nothing to take from the server"
    );
    assert_eq!(state(&f, &saved.id), SyncState::ChangedHere);
    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Theirs".into());
    assert_eq!(refresh().await.unwrap(), RefreshOutcome::Conflict);
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);
    assert_eq!(f.workspace.profiles().get(&saved.id).unwrap().name, "Mine");
}

#[tokio::test]
async fn a_refresh_says_missing_and_refuses_a_profile_never_pushed() {
    let f = fixture().await;
    let (saved, remote_id) = pushed(&f, draft(&f.server_id, "Support")).await;
    f.emulator().remove_bot(remote_id);
    assert_eq!(
        f.workspace.sync().refresh(&saved.id).await.unwrap(),
        RefreshOutcome::Missing
    );
    assert_eq!(
        f.workspace.profiles().get(&saved.id).unwrap().remote_id,
        Some(remote_id),
        "the link stays: the admin decides (push again, or delete)"
    );

    let local = f
        .workspace
        .profiles()
        .save(draft(&f.server_id, "Local"))
        .unwrap()
        .profile;
    let error = f.workspace.sync().refresh(&local.id).await.unwrap_err();
    assert_eq!(error.code(), "not_pushed");
}
