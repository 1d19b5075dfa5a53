//! Unit tests of `bulk.rs` against the in-process emulator: one profile failing among several
//! leaves the others done, outcomes keep the order asked for, and each one is reported once.

use super::*;
use crate::profile::ProfileDraft;
use crate::workspace::test_support::{draft, fixture, pushed, saved};

fn ids(views: &[&crate::ProfileView]) -> Vec<String> {
    views.iter().map(|view| view.id.clone()).collect()
}

fn codes(outcomes: &[BulkOutcome]) -> Vec<Option<String>> {
    outcomes
        .iter()
        .map(|outcome| outcome.error.as_ref().map(|error| error.code.wire()))
        .collect()
}

#[tokio::test]
async fn a_push_that_fails_on_the_server_leaves_the_others_pushed() {
    let f = fixture().await;
    let first = saved(&f, "First");
    let (moved, remote_id) = pushed(&f, draft(&f.server_id, "Moved")).await;
    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Renamed on server".into());
    let local = f
        .workspace
        .profiles()
        .save(ProfileDraft {
            server_id: None,
            ..draft(&f.server_id, "Local")
        })
        .unwrap()
        .profile;
    let last = saved(&f, "Last");

    let mut heard = Vec::new();
    let outcomes = f
        .workspace
        .bulk()
        .run(
            BulkAction::Push,
            &ids(&[&first, &moved, &local, &last]),
            |done, outcome| heard.push((done, outcome.name.clone())),
        )
        .await;

    let names: Vec<&str> = outcomes.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["First", "Moved", "Local", "Last"]);
    assert_eq!(
        codes(&outcomes),
        [
            None,
            Some("remote_changed".into()),
            Some("no_server".into()),
            None
        ]
    );
    let refused = outcomes[1].error.as_ref().unwrap();
    assert!(refused.message.contains("newer version"), "{refused:?}");
    // Heard once each, counting up, whatever the order they finished in.
    assert_eq!(
        heard.iter().map(|(done, _)| *done).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let mut heard_names: Vec<String> = heard.into_iter().map(|(_, name)| name).collect();
    heard_names.sort();
    assert_eq!(heard_names, ["First", "Last", "Local", "Moved"]);
    // Both good ones are on the server, each once; the moved one kept the server's edit.
    let mut on_server: Vec<String> = f.emulator().bots().into_iter().map(|b| b.name).collect();
    on_server.sort();
    assert_eq!(on_server, ["First", "Last", "Renamed on server"]);
    for done in [&first, &last] {
        let view = f.workspace.profiles().get(&done.id).unwrap();
        assert!(view.remote_id.is_some(), "{view:?}");
    }
}

#[tokio::test]
async fn enable_skips_a_profile_without_a_flow_and_starts_the_rest_on_the_server() {
    let f = fixture().await;
    let (on_server, remote_id) = pushed(&f, draft(&f.server_id, "On server")).await;
    let no_flow = f
        .workspace
        .profiles()
        .save(ProfileDraft {
            flow: None,
            ..draft(&f.server_id, "No flow")
        })
        .unwrap()
        .profile;
    let local_only = saved(&f, "Not pushed");

    let outcomes = f
        .workspace
        .bulk()
        .run(
            BulkAction::Enable,
            &ids(&[&on_server, &no_flow, &local_only]),
            |_, _| {},
        )
        .await;

    assert_eq!(codes(&outcomes), [None, Some("flow_required".into()), None]);
    assert!(f.emulator().bot(remote_id).unwrap().enabled);
    assert!(f.workspace.profiles().get(&local_only.id).unwrap().enabled);
    assert!(!f.workspace.profiles().get(&no_flow.id).unwrap().enabled);

    let outcomes = f
        .workspace
        .bulk()
        .run(
            BulkAction::Disable,
            &ids(&[&on_server, &local_only]),
            |_, _| {},
        )
        .await;
    assert_eq!(codes(&outcomes), [None, None]);
    assert!(!f.emulator().bot(remote_id).unwrap().enabled);
}

#[tokio::test]
async fn delete_goes_on_past_an_unknown_id_and_lists_each_profile_once() {
    let f = fixture().await;
    let (remote, remote_id) = pushed(&f, draft(&f.server_id, "Remote")).await;
    let local = saved(&f, "Local");
    let given = vec![
        remote.id.clone(),
        "no-such-profile".to_string(),
        remote.id.clone(),
        local.id.clone(),
    ];

    let outcomes = f
        .workspace
        .bulk()
        .run(BulkAction::Delete { remote: true }, &given, |_, _| {})
        .await;

    let names: Vec<&str> = outcomes.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Remote", "no-such-profile", "Local"]);
    assert_eq!(codes(&outcomes), [None, Some("not_found".into()), None]);
    assert!(f.emulator().bot(remote_id).is_none());
    assert!(f.workspace.profiles().list().unwrap().is_empty());
}

#[tokio::test]
async fn a_local_delete_leaves_the_gateways_on_the_server() {
    let f = fixture().await;
    let mut views = Vec::new();
    for index in 0..9 {
        views.push(
            pushed(&f, draft(&f.server_id, &format!("Gateway {index}")))
                .await
                .0,
        );
    }
    let given: Vec<String> = views.iter().map(|view| view.id.clone()).collect();

    let outcomes = f
        .workspace
        .bulk()
        .run(BulkAction::Delete { remote: false }, &given, |_, _| {})
        .await;

    let returned: Vec<String> = outcomes.iter().map(|o| o.profile_id.clone()).collect();
    assert_eq!(returned, given);
    assert!(outcomes.iter().all(BulkOutcome::is_done));
    assert!(f.workspace.profiles().list().unwrap().is_empty());
    assert_eq!(f.emulator().bots().len(), 9);
}

#[test]
fn actions_and_outcomes_serialise_as_the_ui_reads_them() {
    let json = |value: serde_json::Value| value;
    assert_eq!(
        serde_json::to_value(BulkAction::Delete { remote: true }).unwrap(),
        json(serde_json::json!({"kind": "delete", "remote": true}))
    );
    assert_eq!(
        serde_json::to_value(BulkAction::Push).unwrap(),
        json(serde_json::json!({"kind": "push"}))
    );
    let outcome = BulkOutcome {
        profile_id: "p1".into(),
        name: "Sales".into(),
        error: Some(BulkFailure {
            code: ErrorCode::NoServer,
            message: "no server".into(),
        }),
        changed: false,
    };
    assert_eq!(
        serde_json::to_value(&outcome).unwrap(),
        serde_json::json!({
            "profileId": "p1",
            "name": "Sales",
            "error": {"code": "no_server", "message": "no server"},
            "changed": false
        })
    );
}

#[tokio::test]
async fn pull_takes_the_servers_version_and_says_which_gateway_is_gone() {
    let f = fixture().await;
    let (edited, edited_id) = pushed(&f, draft(&f.server_id, "Edited")).await;
    let (gone, gone_id) = pushed(&f, draft(&f.server_id, "Gone")).await;
    let local = saved(&f, "Never pushed");
    f.emulator()
        .modify_bot(edited_id, |bot| bot.name = "Edited on server".into());
    f.emulator().remove_bot(gone_id);

    let outcomes = f
        .workspace
        .bulk()
        .run(BulkAction::Pull, &ids(&[&edited, &gone, &local]), |_, _| {})
        .await;

    assert_eq!(
        codes(&outcomes),
        [None, Some("remote_gone".into()), Some("not_pushed".into())]
    );
    let name = f.workspace.profiles().get(&edited.id).unwrap().name;
    assert_eq!(name, "Edited on server");
    // The results name what the pull changed, not only that it was done.
    let changed: Vec<bool> = outcomes.iter().map(|outcome| outcome.changed).collect();
    assert_eq!(changed, [true, false, false]);
}
