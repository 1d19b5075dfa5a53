//! The local SQLite database: one file in the data dir, opened with the same pragmas everywhere
//! (WAL, foreign keys, busy timeout) and migrated to the schema this build knows. A database from
//! a newer build is refused before anything is written to it. The app and the CLI may open one
//! folder at the same instant: each step of the opening waits for the other process. The folder
//! and the files are the user's alone (`private_files`).

mod flow_schemas;
mod history;
mod history_export;
mod history_filter;
mod history_page;
mod migrations;
mod private_files;
mod profile_sync;
mod profiles;
mod scenarios;
mod servers;
mod template_verdicts;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode};

use crate::error::{CoreError, Result};

pub use history::StoredRequest;
pub use history_export::ExportRange;
pub use migrations::SCHEMA_VERSION;
pub use profile_sync::{SecretMark, SyncRecord};

/// File name of the database inside the data dir.
pub const DATABASE_FILE: &str = "textgate.db";

/// How long a statement waits for another connection's lock before "database is locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) `textgate.db` in `data_dir`.
    pub fn open_in(data_dir: &Path) -> Result<Self> {
        private_files::create_private_dir(data_dir).map_err(|source| CoreError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        Self::open(&database_path(data_dir))
    }

    /// Opens the database file at `path`, private to the user (0600 on Unix, as SQLite then
    /// makes its `-wal` and `-shm` files).
    pub fn open(path: &Path) -> Result<Self> {
        private_files::make_private(path).map_err(|source| CoreError::DataDir {
            path: path.parent().unwrap_or(path).display().to_string(),
            source,
        })?;
        let conn = Connection::open(path)?;
        Self::prepare(conn, true)
    }

    /// A private in-memory database, for unit tests.
    pub fn in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, false)
    }

    fn prepare(mut conn: Connection, wal: bool) -> Result<Self> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Refuse before touching anything: even switching to WAL writes to the file.
        migrations::refuse_newer(&conn)?;
        if wal {
            enable_wal(&conn)?;
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

/// Switches the file to WAL. That needs the file to itself for a moment, and SQLite answers
/// SQLITE_BUSY at once, without waiting in the busy handler, when another process is opening
/// the same file: so this waits and tries again, for as long as any other statement would.
fn enable_wal(conn: &Connection) -> Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(error, _))
                if error.code == ErrorCode::DatabaseBusy && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return Ok(done?),
        }
    }
}

/// Where the database lives inside a data dir.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
