//! Migration tests on real files: every step applies, an old file is upgraded in place, and
//! many connections opening one fresh file at the same instant all end up on the latest schema.

use std::sync::{Arc, Barrier};

use super::*;
use crate::store::{database_path, Store};

#[test]
fn every_migration_applies_to_an_empty_database() {
    let mut conn = Connection::open_in_memory().unwrap();
    apply(&mut conn).unwrap();
    assert_eq!(current_version(&conn).unwrap(), SCHEMA_VERSION);
    // A second run finds nothing to do.
    apply(&mut conn).unwrap();
    assert_eq!(current_version(&conn).unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_file_at_an_older_version_is_upgraded_keeping_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATION_SQL[0]).unwrap();
        conn.execute_batch(
            "INSERT INTO profiles (id, name, uri, callback, created_at, updated_at)
             VALUES ('p1', 'Old one', '/old', 'https://bot.example.com/hook', 1, 1);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let names: Vec<String> = store
        .list_profiles()
        .unwrap()
        .into_iter()
        .map(|profile| profile.name)
        .collect();
    assert_eq!(names, ["Old one"]);
}

/// Eight connections open one fresh file at once, forty times over: each open succeeds (no
/// "table already exists", no "database is locked") and the file ends on the latest schema.
/// Before the migration ran under `BEGIN IMMEDIATE`, two of them could both read version 0.
#[test]
fn connections_opening_a_fresh_file_at_once_all_succeed() {
    const OPENERS: usize = 8;
    for round in 0..40 {
        let dir = tempfile::tempdir().unwrap();
        let path = Arc::new(database_path(dir.path()));
        let barrier = Arc::new(Barrier::new(OPENERS));
        let openers: Vec<_> = (0..OPENERS)
            .map(|_| {
                let (path, barrier) = (Arc::clone(&path), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    barrier.wait();
                    Store::open(&path).map(|store| store.schema_version().unwrap())
                })
            })
            .collect();
        for opener in openers {
            let opened = opener.join().unwrap();
            assert!(
                matches!(opened, Ok(SCHEMA_VERSION)),
                "round {round}: {opened:?}"
            );
        }
    }
}
