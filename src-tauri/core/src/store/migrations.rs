//! Versioned schema migrations, embedded at build time and tracked in SQLite's `user_version`.
//! Each migration runs in its own transaction (rusqlite_migration does this).

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::{CoreError, Result};

const MIGRATION_SQL: &[&str] = &[
    include_str!("../../migrations/0001_profiles.sql"),
    include_str!("../../migrations/0002_servers_and_sync.sql"),
    include_str!("../../migrations/0003_harness_history.sql"),
    include_str!("../../migrations/0004_template_verdicts.sql"),
];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATION_SQL.len() as i64;

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect())
}

pub(super) fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Errors out, without writing, when the file was made by a newer build.
pub(super) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = current_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(CoreError::DatabaseTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    migrations()
        .to_latest(conn)
        .map_err(|err| CoreError::Migration(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_list_is_valid() {
        assert!(migrations().validate().is_ok());
    }
}
