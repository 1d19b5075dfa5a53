//! The merge alone: what differs, choices taken field by field, `rest` for the unnamed ones,
//! and the choices refused (a local-only field, a field twice, a differing one left out).

use super::*;
use crate::profile::{FlowRef, Templates};

fn content(name: &str, enabled: bool, flow: i64) -> SyncContent {
    SyncContent {
        name: name.into(),
        uri: "/support".into(),
        callback: "https://bot.example.com/hook".into(),
        flow: Some(FlowRef {
            id: flow,
            name: String::new(),
        }),
        enabled,
        templates: Templates::default(),
    }
}

fn choose(field: ProfileField, keep: KeepVersion) -> FieldChoice {
    FieldChoice { field, keep }
}

#[test]
fn flows_compare_by_id_and_uris_without_their_slash() {
    let local = content("A", true, 7);
    let mut remote = content("A", true, 7);
    remote.uri = "support".into();
    remote.flow = Some(FlowRef {
        id: 7,
        name: "Support".into(),
    });
    assert!(differing(&local, &remote, false).is_empty());
    remote.flow = Some(FlowRef {
        id: 8,
        name: "Sales".into(),
    });
    assert_eq!(
        differing(&local, &remote, true),
        [ProfileField::Flow, ProfileField::Secret]
    );
}

#[test]
fn taken_fields_become_local_and_a_kept_one_means_a_push() {
    let local = content("Mine", false, 7);
    let remote = content("Theirs", true, 8);
    let merged = merge(
        &local,
        &remote,
        true,
        &[
            choose(ProfileField::Name, KeepVersion::Remote),
            choose(ProfileField::Flow, KeepVersion::Remote),
            choose(ProfileField::Secret, KeepVersion::Remote),
        ],
        Some(KeepVersion::Local),
    )
    .unwrap();
    assert_eq!(merged.content.name, "Theirs");
    assert_eq!(merged.content.flow.unwrap().id, 8);
    assert!(!merged.content.enabled, "enabled kept by `rest`");
    assert!(merged.take_secret);
    assert!(merged.push);
}

#[test]
fn all_taken_is_no_push() {
    let local = content("Mine", false, 7);
    let remote = content("Theirs", true, 7);
    let merged = merge(&local, &remote, false, &[], Some(KeepVersion::Remote)).unwrap();
    assert_eq!(merged.content, remote);
    assert!(!merged.push);
}

#[test]
fn choices_that_do_not_settle_it_are_refused() {
    let local = content("Mine", false, 7);
    let remote = content("Theirs", true, 7);
    let refused = |choices: &[FieldChoice]| {
        merge(&local, &remote, false, choices, None)
            .unwrap_err()
            .to_string()
    };
    assert!(refused(&[choose(ProfileField::Name, KeepVersion::Local)]).contains("enabled"));
    assert!(refused(&[choose(ProfileField::Notes, KeepVersion::Local)]).contains("notes"));
    let twice = refused(&[
        choose(ProfileField::Name, KeepVersion::Local),
        choose(ProfileField::Name, KeepVersion::Remote),
    ]);
    assert!(twice.contains("twice"), "{twice}");
}
