//! The admin's note is local only, against the emulator: a push never carries it, editing it
//! needs no push, and a pulled update from the server (or a conflict resolved for the server's
//! side) keeps it.

use crate::sync_state::SyncState;
use crate::workspace::test_support::{draft, fixture, pushed, state};
use crate::workspace::KeepVersion;

const NOTE: &str = "Owner: Ann Lee (partner ops)\nann@partner.example, +1 555 0100";

#[tokio::test]
async fn a_pulled_update_keeps_the_local_note() {
    let f = fixture().await;
    let mut first = draft(&f.server_id, "Support");
    first.notes = NOTE.into();
    let (saved, remote_id) = pushed(&f, first).await;
    assert_eq!(f.emulator().bots()[0].name, "Support");

    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Renamed on server".into());
    let report = f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(report.updated, ["Renamed on server"]);
    let pulled = f.workspace.profiles().get(&saved.id).unwrap();
    assert_eq!(pulled.name, "Renamed on server");
    assert_eq!(pulled.notes, NOTE, "the pull keeps the local note");
    assert_eq!(pulled.sync_state, SyncState::InSync);
}

#[tokio::test]
async fn editing_the_note_needs_no_push() {
    let f = fixture().await;
    let saved = f
        .workspace
        .profiles()
        .save(draft(&f.server_id, "Support"))
        .unwrap()
        .profile;
    f.workspace.sync().push(&saved.id, false).await.unwrap();
    let mut edit = draft(&f.server_id, "Support");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    edit.notes = NOTE.into();
    f.workspace.profiles().save(edit).unwrap();
    assert_eq!(f.workspace.profiles().get(&saved.id).unwrap().notes, NOTE);
    assert_eq!(state(&f, &saved.id), SyncState::InSync);
}

#[tokio::test]
async fn keeping_the_servers_side_of_a_conflict_keeps_the_note() {
    let f = fixture().await;
    let mut first = draft(&f.server_id, "Support");
    first.notes = NOTE.into();
    let (saved, remote_id) = pushed(&f, first).await;
    let mut edit = draft(&f.server_id, "Renamed here");
    edit.id = Some(saved.id.clone());
    edit.uri = saved.uri.clone();
    edit.notes = NOTE.into();
    f.workspace.profiles().save(edit).unwrap();
    f.emulator()
        .modify_bot(remote_id, |bot| bot.name = "Renamed there".into());
    f.workspace.sync().pull(&f.server_id).await.unwrap();
    assert_eq!(state(&f, &saved.id), SyncState::Conflict);

    let kept = f
        .workspace
        .sync()
        .resolve_conflict(&saved.id, KeepVersion::Remote)
        .await
        .unwrap();
    assert_eq!(kept.name, "Renamed there");
    assert_eq!(kept.notes, NOTE);
}
