//! Per-field conflict resolution against the emulator: a local disabled kept over a server
//! enabled stops the gateway there, fields taken from the server become the local value, all
//! taken sends nothing, a template kept is pushed, and a missing choice changes nothing.

use super::super::conflict_merge::FieldChoice;
use super::super::sync::KeepVersion;
use crate::profile_field::ProfileField;
use crate::sync_state::SyncState;
use crate::webitel::wire::{BotUpdates, Lookup};
use crate::workspace::test_support::{draft, fixture, pushed, state, Fixture};

/// A gateway pushed enabled, then edited here (name "Mine", stopped, a new join template) and
/// on the server (name "Theirs", still enabled, its own join template, by "Ann Admin").
async fn conflict(f: &Fixture) -> (String, i64) {
    let mut first = draft(&f.server_id, "Support");
    first.enabled = true;
    let (saved, remote_id) = pushed(f, first).await;
    let mut edit = draft(&f.server_id, "Mine");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    edit.enabled = false;
    edit.templates.join = "Mine joined".into();
    f.workspace.profiles().save(edit).unwrap();
    f.emulator().modify_bot(remote_id, |bot| {
        bot.name = "Theirs".into();
        bot.updates = Some(BotUpdates {
            join: "Theirs joined".into(),
            ..bot.updates.clone().unwrap_or_default()
        });
        bot.updated_by = Some(Lookup {
            id: Some(9),
            name: Some("Ann Admin".into()),
        });
    });
    f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(state(f, &saved.id), SyncState::Conflict);
    (saved.id, remote_id)
}

fn choose(field: ProfileField, keep: KeepVersion) -> FieldChoice {
    FieldChoice { field, keep }
}

#[tokio::test]
async fn the_view_lists_what_differs_and_who_changed_the_server() {
    let f = fixture().await;
    let (id, remote_id) = conflict(&f).await;
    let view = f.workspace.sync().compare_with_server(&id).await.unwrap();
    assert_eq!(
        view.differing,
        [
            ProfileField::Name,
            ProfileField::Enabled,
            ProfileField::TemplateJoin
        ]
    );
    assert_eq!(view.remote_updated_by.as_deref(), Some("Ann Admin"));
    assert_eq!(
        view.remote_updated_at,
        f.emulator().bot(remote_id).unwrap().updated_at
    );
}

#[tokio::test]
async fn keeping_a_local_stop_stops_the_gateway_and_takes_the_rest() {
    let f = fixture().await;
    let (id, remote_id) = conflict(&f).await;
    let resolved = f
        .workspace
        .sync()
        .resolve_fields(
            &id,
            &[
                choose(ProfileField::Name, KeepVersion::Remote),
                choose(ProfileField::Enabled, KeepVersion::Local),
                choose(ProfileField::TemplateJoin, KeepVersion::Remote),
            ],
            None,
        )
        .await
        .unwrap();
    assert_eq!(resolved.sync_state, SyncState::InSync);
    assert_eq!(
        (resolved.name.as_str(), resolved.enabled),
        ("Theirs", false)
    );
    assert_eq!(resolved.templates.join, "Theirs joined");
    let bot = f.emulator().bot(remote_id).unwrap();
    assert_eq!((bot.name.as_str(), bot.enabled), ("Theirs", false));
}

#[tokio::test]
async fn a_kept_template_is_pushed_and_a_taken_enabled_stays_running() {
    let f = fixture().await;
    let (id, remote_id) = conflict(&f).await;
    let resolved = f
        .workspace
        .sync()
        .resolve_fields(
            &id,
            &[
                choose(ProfileField::TemplateJoin, KeepVersion::Local),
                choose(ProfileField::Enabled, KeepVersion::Remote),
            ],
            // The CLI's `--keep server` for what `--take` does not name (the name here).
            Some(KeepVersion::Remote),
        )
        .await
        .unwrap();
    assert_eq!(resolved.sync_state, SyncState::InSync);
    assert!(resolved.enabled);
    let bot = f.emulator().bot(remote_id).unwrap();
    assert!(bot.enabled);
    assert_eq!(bot.name, "Theirs");
    assert_eq!(bot.updates.unwrap().join, "Mine joined");
}

#[tokio::test]
async fn taking_every_field_from_the_server_sends_nothing() {
    let f = fixture().await;
    let (id, remote_id) = conflict(&f).await;
    let before = f.emulator().bot(remote_id).unwrap().updated_at;
    let resolved = f
        .workspace
        .sync()
        .resolve_fields(
            &id,
            &[
                choose(ProfileField::Name, KeepVersion::Remote),
                choose(ProfileField::Enabled, KeepVersion::Remote),
                choose(ProfileField::TemplateJoin, KeepVersion::Remote),
            ],
            None,
        )
        .await
        .unwrap();
    assert_eq!(resolved.sync_state, SyncState::InSync);
    assert_eq!((resolved.name.as_str(), resolved.enabled), ("Theirs", true));
    assert_eq!(resolved.templates.join, "Theirs joined");
    assert_eq!(f.emulator().bot(remote_id).unwrap().updated_at, before);
}

#[tokio::test]
async fn a_field_without_a_choice_is_refused_and_nothing_changes() {
    let f = fixture().await;
    let (id, remote_id) = conflict(&f).await;
    let before = f.emulator().bot(remote_id).unwrap().updated_at;
    let error = f
        .workspace
        .sync()
        .resolve_fields(&id, &[choose(ProfileField::Name, KeepVersion::Local)], None)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "conflict_choice");
    assert!(
        error.to_string().contains("enabled, templateJoin"),
        "{error}"
    );
    let profile = f.workspace.profiles().get(&id).unwrap();
    assert_eq!((profile.name.as_str(), profile.enabled), ("Mine", false));
    assert_eq!(profile.sync_state, SyncState::Conflict);
    assert_eq!(f.emulator().bot(remote_id).unwrap().updated_at, before);
}
