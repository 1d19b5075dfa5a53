//! Store tests on real temp files: CRUD, migrations, and refusing a newer schema.

use super::*;
use crate::profile::{FlowRef, FlowSchema, Profile, Templates};

fn sample(id: &str, name: &str, uri: &str) -> Profile {
    Profile {
        id: id.into(),
        name: name.into(),
        uri: uri.into(),
        callback: "https://bot.example.com/hook".into(),
        flow: Some(FlowRef {
            id: 7,
            name: "Support bot".into(),
        }),
        enabled: true,
        templates: Templates {
            title: "Support".into(),
            close: "Bye!\nSee you".into(),
            join: "$(.FirstName) joined".into(),
            left: String::new(),
            file_policy_fail: "File refused".into(),
        },
        notes: "Owner: Ann (partner ops)\nann@example.com".into(),
        created_at: 1000,
        updated_at: 1000,
        ..Profile::default()
    }
}

#[test]
fn fresh_file_is_migrated_to_the_latest_version_with_wal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .conn
        .pragma_query_value(None, "foreign_keys", |row| row.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert!(database_path(dir.path()).exists());
}

#[test]
fn crud_round_trip_on_a_file_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = sample("a", "Alpha", "/alpha");
    {
        let mut store = Store::open_in(dir.path()).unwrap();
        store.upsert_profile(&first).unwrap();
        store.upsert_profile(&sample("b", "beta", "/beta")).unwrap();
        first.name = "Alpha renamed".into();
        first.flow = None;
        first.enabled = false;
        first.updated_at = 2000;
        store.upsert_profile(&first).unwrap();
    }
    let mut store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.get_profile("a").unwrap(), first);
    let names: Vec<String> = store
        .list_profiles()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Alpha renamed", "beta"]);

    assert_eq!(
        store
            .profile_using_uri("/beta", Some("a"))
            .unwrap()
            .unwrap()
            .id,
        "b"
    );
    assert!(store
        .profile_using_uri("/beta", Some("b"))
        .unwrap()
        .is_none());

    store.delete_profile("a").unwrap();
    assert!(matches!(
        store.get_profile("a"),
        Err(CoreError::NotFound(_))
    ));
    assert!(matches!(
        store.delete_profile("a"),
        Err(CoreError::NotFound(_))
    ));
}

#[test]
fn enabled_without_a_flow_is_refused_by_the_schema_too() {
    let mut store = Store::in_memory().unwrap();
    let mut profile = sample("a", "Alpha", "/alpha");
    profile.flow = None;
    assert!(store.upsert_profile(&profile).is_err());
    profile.enabled = false;
    store.upsert_profile(&profile).unwrap();
    assert!(store.set_profile_enabled("a", true, 5).is_err());
}

#[test]
fn flow_schema_cache_is_replaced_per_server() {
    let mut store = Store::in_memory().unwrap();
    let schema = |id, name: &str| FlowSchema {
        id,
        name: name.into(),
        kind: "chat".into(),
    };
    store
        .replace_flow_schemas("s1", &[schema(2, "b"), schema(1, "A")])
        .unwrap();
    store.replace_flow_schemas("s2", &[schema(3, "c")]).unwrap();
    store.replace_flow_schemas("s1", &[schema(4, "d")]).unwrap();
    let names: Vec<String> = store
        .list_flow_schemas(None)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["c", "d"]);
    let only_s1: Vec<i64> = store
        .list_flow_schemas(Some("s1"))
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(only_s1, [4]);
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path)
        .err()
        .expect("a newer schema must be refused");
    assert!(matches!(
        error,
        CoreError::DatabaseTooNew {
            found: 99,
            supported: SCHEMA_VERSION
        }
    ));
    assert!(error.to_string().contains("newer Textgate"), "{error}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file must not change"
    );
    assert!(!dir.path().join("textgate.db-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_gives_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    std::fs::write(
        &path,
        b"this is not sqlite at all, just some text that is long enough",
    )
    .unwrap();
    assert!(Store::open(&path).is_err());
}
