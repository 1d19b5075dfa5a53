//! Versioned schema migrations, embedded at build time and tracked in SQLite's `user_version`.
//!
//! The app and the CLI may open one data folder at the same instant, so the version is read
//! and the pending migrations applied inside one `BEGIN IMMEDIATE` transaction: the second
//! process waits for the first (busy timeout), then reads the version the first one left and
//! has nothing to do. (rusqlite_migration reads `user_version` before opening its transaction,
//! so two processes could both see an empty file and both run migration 1.) A file made by a
//! newer build is refused before anything is written, outside and again inside the lock.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{CoreError, Result};

const MIGRATION_SQL: &[&str] = &[
    include_str!("../../migrations/0001_profiles.sql"),
    include_str!("../../migrations/0002_servers_and_sync.sql"),
    include_str!("../../migrations/0003_harness_history.sql"),
    include_str!("../../migrations/0004_template_verdicts.sql"),
    include_str!("../../migrations/0005_profile_notes.sql"),
    include_str!("../../migrations/0006_server_token_facts.sql"),
    include_str!("../../migrations/0007_remote_checks.sql"),
    include_str!("../../migrations/0008_scenarios.sql"),
];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATION_SQL.len() as i64;

pub(super) fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Errors out, without writing, when the file was made by a newer build.
pub(super) fn refuse_newer(conn: &Connection) -> Result<()> {
    check_version(current_version(conn)?)
}

fn check_version(found: i64) -> Result<()> {
    if found > SCHEMA_VERSION {
        return Err(CoreError::DatabaseTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Brings the file to [`SCHEMA_VERSION`]; all pending migrations commit together or not at all.
pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    // Versions only grow, so a file already at ours needs no lock (a newer one was refused).
    if current_version(conn)? == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have migrated meanwhile.
    let found = current_version(&tx)?;
    check_version(found)?;
    let done = usize::try_from(found).map_err(|_| CoreError::Migration(bad_version(found)))?;
    for (index, sql) in MIGRATION_SQL.iter().enumerate().skip(done) {
        tx.execute_batch(sql)
            .map_err(|err| CoreError::Migration(format!("migration {}: {err}", index + 1)))?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

fn bad_version(found: i64) -> String {
    format!("the database has an invalid schema version {found}")
}

#[cfg(test)]
#[path = "migrations_tests.rs"]
mod tests;
