//! The local SQLite database: one file in the data dir, opened with the same pragmas everywhere
//! (WAL, foreign keys, busy timeout) and migrated to the schema this build knows. A database from
//! a newer build is refused before anything is written to it.

mod flow_schemas;
mod history;
mod migrations;
mod profiles;
mod servers;
mod template_verdicts;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{CoreError, Result};

pub use history::StoredRequest;
pub use migrations::SCHEMA_VERSION;

/// File name of the database inside the data dir.
pub const DATABASE_FILE: &str = "textgate.db";

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) `textgate.db` in `data_dir`.
    pub fn open_in(data_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(|source| CoreError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        Self::open(&database_path(data_dir))
    }

    /// Opens the database file at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        Self::prepare(conn, true)
    }

    /// A private in-memory database, for unit tests.
    pub fn in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, false)
    }

    fn prepare(mut conn: Connection, wal: bool) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Refuse before touching anything: even switching to WAL writes to the file.
        migrations::refuse_newer(&conn)?;
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::apply(&mut conn)?;
        Ok(Self { conn })
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::current_version(&self.conn)
    }
}

/// Where the database lives inside a data dir.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

/// Milliseconds since the Unix epoch, for `created_at` / `updated_at`.
pub(crate) fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
