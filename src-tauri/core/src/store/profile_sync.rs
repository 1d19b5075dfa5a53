//! The sync bookkeeping on `profiles` rows: linking a row to its gateway and recording what
//! was agreed with the server, compare-and-set against the row version (`updated_at`) that was
//! sent, so an edit saved while a request was in flight is never marked as synced.

use rusqlite::{params, OptionalExtension};

use super::profiles::{columns, error_code_text, profile_from_row};
use super::Store;
use crate::error::{CoreError, Result};
use crate::error_code::ErrorCode;
use crate::profile::Profile;

/// What a push, Start/Stop, pull link or conflict resolution agreed with the server; written
/// without touching the profile's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRecord {
    /// The gateway id (`None` keeps the stored one).
    pub remote_id: Option<i64>,
    /// The content the server now holds (never the secret).
    pub snapshot: Option<String>,
    pub remote_updated_at: Option<i64>,
    pub remote_seen_updated_at: Option<i64>,
    pub secret: SecretMark,
    /// When the server answered (milliseconds since the epoch): the profile's `checked_at`.
    pub checked_at: i64,
}

/// What a sync record does to `secret_changed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretMark {
    /// Leave it as it is.
    Keep,
    /// The secret sent was the profile's at this row version: cleared only if the row is still
    /// at that version (a save since may have changed the secret).
    ClearIfVersion(i64),
    /// Set it to this value.
    Set(bool),
}

impl Store {
    /// The profile on `server_id` with this URI that is not linked to a gateway yet.
    pub fn unlinked_profile_with_uri(&self, server_id: &str, uri: &str) -> Result<Option<Profile>> {
        let trimmed = uri.trim_start_matches('/');
        let columns = columns();
        let sql = format!(
            "SELECT {columns} FROM profiles WHERE server_id = ?1 AND remote_id IS NULL \
             AND (uri = ?2 OR uri = ?3) ORDER BY created_at LIMIT 1"
        );
        Ok(self
            .conn
            .query_row(
                &sql,
                params![server_id, trimmed, format!("/{trimmed}")],
                profile_from_row,
            )
            .optional()?)
    }

    /// Writes a sync record on the row, in one statement (so a concurrent save in another
    /// process cannot slip between a read and this write). Returns whether the row was still at
    /// the version `SecretMark::ClearIfVersion` names (`true` for the other marks).
    pub fn record_sync(&mut self, id: &str, record: &SyncRecord) -> Result<bool> {
        let (mode, version, value) = match record.secret {
            SecretMark::Keep => (0, 0, false),
            SecretMark::ClearIfVersion(version) => (1, version, false),
            SecretMark::Set(value) => (2, 0, value),
        };
        let tx = self.conn.transaction()?;
        let current: Option<i64> = tx
            .query_row(
                "SELECT updated_at FROM profiles WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(current) = current else {
            return Err(CoreError::NotFound(id.to_string()));
        };
        tx.execute(
            "UPDATE profiles SET remote_id = COALESCE(?2, remote_id), synced_snapshot = ?3,
               remote_updated_at = ?4, remote_seen_updated_at = ?5,
               remote_checked_at = ?9, remote_gone = 0, remote_check_failure = NULL,
               secret_changed = CASE ?6 WHEN 0 THEN secret_changed
                 WHEN 1 THEN (CASE WHEN updated_at = ?7 THEN 0 ELSE secret_changed END)
                 ELSE ?8 END
             WHERE id = ?1",
            params![
                id,
                record.remote_id,
                record.snapshot,
                record.remote_updated_at,
                record.remote_seen_updated_at,
                mode,
                version,
                value,
                record.checked_at,
            ],
        )?;
        tx.commit()?;
        Ok(mode != 1 || current == version)
    }

    /// Notes the newest server version seen at `checked_at`, and nothing else of the row (a
    /// server that sent no `updated_at` moves nothing but the time of the check).
    pub fn note_remote_seen(
        &mut self,
        id: &str,
        updated_at: Option<i64>,
        checked_at: i64,
    ) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE profiles SET remote_seen_updated_at = COALESCE(?2, remote_seen_updated_at),
               remote_checked_at = ?3, remote_gone = 0, remote_check_failure = NULL
             WHERE id = ?1",
            params![id, updated_at, checked_at],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound(id.to_string()));
        }
        Ok(())
    }

    /// Notes that the server, read at `checked_at`, has no gateway for the profile any more.
    pub fn note_remote_gone(&mut self, id: &str, checked_at: i64) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE profiles SET remote_gone = 1, remote_checked_at = ?2,
               remote_check_failure = NULL
             WHERE id = ?1 AND remote_id IS NOT NULL",
            params![id, checked_at],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound(id.to_string()));
        }
        Ok(())
    }

    /// Notes that a check of these linked profiles could not read their server (`code` says
    /// why); what was known of the server side, and when, stays.
    pub fn note_check_failed(&mut self, ids: &[String], code: ErrorCode) -> Result<()> {
        let tx = self.conn.transaction()?;
        let text = error_code_text(code);
        for id in ids {
            tx.execute(
                "UPDATE profiles SET remote_check_failure = ?2 WHERE id = ?1 AND remote_id IS NOT NULL",
                params![id, text],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
