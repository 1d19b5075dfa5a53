//! The admin's note on a profile, end to end on a real SQLite file: stored as typed (line
//! breaks and all), read back in the view and the list (which the sidebar search matches),
//! kept by a duplicate, and refused past its limit with a field issue and nothing written.

use std::sync::Arc;

use super::*;
use crate::generate::generate_uri;
use crate::profile_field::ProfileField;
use crate::secrets::MemorySecretStore;
use crate::sensitive::Sensitive;
use crate::validation::NOTES_MAX_CHARS;

const NOTE: &str = "Owner: Ann Lee (partner ops)\nann@partner.example, +1 555 0100";

fn workspace(dir: &tempfile::TempDir) -> Workspace {
    Workspace::new(
        Store::open_in(dir.path()).unwrap(),
        Arc::new(MemorySecretStore::new()),
    )
}

fn draft(notes: &str) -> ProfileDraft {
    ProfileDraft {
        name: "Support".into(),
        uri: generate_uri(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new("S3cretS3cretS3cretS3cretS3cret00".into()),
        notes: notes.into(),
        ..ProfileDraft::default()
    }
}

#[test]
fn the_note_is_stored_as_typed_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let id = workspace(&dir)
        .profiles()
        .save(draft(NOTE))
        .unwrap()
        .profile
        .id;
    // Read back by a fresh workspace on the same file.
    let reopened = workspace(&dir);
    assert_eq!(reopened.profiles().get(&id).unwrap().notes, NOTE);
    assert_eq!(reopened.profiles().list().unwrap()[0].notes, NOTE);
}

#[test]
fn a_duplicate_keeps_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let service = workspace(&dir);
    let original = service.profiles().save(draft(NOTE)).unwrap().profile;
    let copy = service.profiles().duplicate(&original.id).unwrap().profile;
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.notes, NOTE);
}

#[test]
fn a_note_past_the_limit_is_refused_on_its_field_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let service = workspace(&dir);
    let at_limit = "é".repeat(NOTES_MAX_CHARS);
    assert!(service
        .profiles()
        .check(&draft(&at_limit))
        .unwrap()
        .is_empty());

    let error = service
        .profiles()
        .save(draft(&format!("{at_limit}x")))
        .unwrap_err();
    let issues = error.field_issues();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].field, ProfileField::Notes);
    assert_eq!(
        issues[0].message,
        format!(
            "Notes are too long: {} characters (at most {NOTES_MAX_CHARS})",
            NOTES_MAX_CHARS + 1
        )
    );
    assert!(service.profiles().list().unwrap().is_empty());
}
