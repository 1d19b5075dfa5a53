//! The `profiles` table: typed rows in and out, every write in a transaction. A row's
//! `updated_at` doubles as its version: every write of its content moves it forward (never
//! back, never twice to the same value), so a sync can be recorded compare-and-set against the
//! version that was sent.

use rusqlite::{named_params, params, OptionalExtension, Row};

use super::Store;
use crate::error::{CoreError, Result};
use crate::error_code::ErrorCode;
use crate::profile::{FlowRef, Profile, SyncBase, Templates};
use crate::template_verdict::TemplatesVerdict;

/// The row's columns, once: the SELECT list, the INSERT list and its `:column` parameters, and
/// the upsert's SET list are all made from it (a new column is one entry here, one named
/// parameter in [`upsert_profile`](Store::upsert_profile) and one read in [`profile_from_row`]).
const COLUMN_NAMES: &[&str] = &[
    "id",
    "name",
    "uri",
    "callback",
    "flow_id",
    "flow_name",
    "enabled",
    "template_title",
    "template_close",
    "template_join",
    "template_left",
    "template_file_policy_fail",
    "server_id",
    "remote_id",
    "created_at",
    "updated_at",
    "synced_snapshot",
    "remote_updated_at",
    "remote_seen_updated_at",
    "secret_changed",
    "notes",
    "remote_checked_at",
    "remote_gone",
    "remote_check_failure",
];

/// Kept as they are by an upsert of an existing row (`updated_at` only moves forward).
const KEPT_ON_UPDATE: &[&str] = &["id", "created_at", "updated_at"];

pub(super) fn columns() -> String {
    COLUMN_NAMES.join(", ")
}

fn upsert_sql() -> String {
    let values: Vec<String> = COLUMN_NAMES.iter().map(|c| format!(":{c}")).collect();
    let updates: Vec<String> = COLUMN_NAMES
        .iter()
        .filter(|c| !KEPT_ON_UPDATE.contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO profiles ({}) VALUES ({})
         ON CONFLICT (id) DO UPDATE SET {},
           updated_at = MAX(excluded.updated_at, profiles.updated_at + 1)",
        columns(),
        values.join(", "),
        updates.join(", ")
    )
}

pub(super) fn profile_from_row(row: &Row<'_>) -> rusqlite::Result<Profile> {
    let flow_id: Option<i64> = row.get("flow_id")?;
    let flow_name: Option<String> = row.get("flow_name")?;
    Ok(Profile {
        id: row.get("id")?,
        name: row.get("name")?,
        uri: row.get("uri")?,
        callback: row.get("callback")?,
        flow: flow_id.map(|id| FlowRef {
            id,
            name: flow_name.unwrap_or_default(),
        }),
        enabled: row.get("enabled")?,
        templates: Templates {
            title: row.get("template_title")?,
            close: row.get("template_close")?,
            join: row.get("template_join")?,
            left: row.get("template_left")?,
            file_policy_fail: row.get("template_file_policy_fail")?,
        },
        server_id: row.get("server_id")?,
        notes: row.get("notes")?,
        remote_id: row.get("remote_id")?,
        sync: SyncBase {
            snapshot: row.get("synced_snapshot")?,
            remote_updated_at: row.get("remote_updated_at")?,
            remote_seen_updated_at: row.get("remote_seen_updated_at")?,
            secret_changed: row.get("secret_changed")?,
            checked_at: row.get("remote_checked_at")?,
            remote_gone: row.get("remote_gone")?,
            check_failure: row
                .get::<_, Option<String>>("remote_check_failure")?
                .and_then(|code| error_code_from_text(&code)),
        },
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// An error code as stored (its wire name, e.g. `unreachable`).
pub(super) fn error_code_text(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A stored error code read back (an unknown one, from a newer build, reads as none).
fn error_code_from_text(text: &str) -> Option<ErrorCode> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

impl Store {
    /// Every profile, by name (case-insensitive).
    pub fn list_profiles(&self) -> Result<Vec<Profile>> {
        let sql = format!(
            "SELECT {} FROM profiles ORDER BY name COLLATE NOCASE, created_at",
            columns()
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], profile_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn get_profile(&self, id: &str) -> Result<Profile> {
        self.find_profile(id)?
            .ok_or_else(|| CoreError::NotFound(id.to_string()))
    }

    pub fn find_profile(&self, id: &str) -> Result<Option<Profile>> {
        let sql = format!("SELECT {} FROM profiles WHERE id = ?1", columns());
        Ok(self
            .conn
            .query_row(&sql, [id], profile_from_row)
            .optional()?)
    }

    /// The local profile linked to gateway `remote_id` on `server_id`.
    pub fn profile_by_remote(&self, server_id: &str, remote_id: i64) -> Result<Option<Profile>> {
        let sql = format!(
            "SELECT {} FROM profiles WHERE server_id = ?1 AND remote_id = ?2",
            columns()
        );
        Ok(self
            .conn
            .query_row(&sql, params![server_id, remote_id], profile_from_row)
            .optional()?)
    }

    /// Profiles linked to a server.
    pub fn profiles_on_server(&self, server_id: &str) -> Result<Vec<Profile>> {
        let sql = format!(
            "SELECT {} FROM profiles WHERE server_id = ?1 ORDER BY name COLLATE NOCASE",
            columns()
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([server_id], profile_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Another profile (not `except_id`) using `uri`, if any.
    pub fn profile_using_uri(&self, uri: &str, except_id: Option<&str>) -> Result<Option<Profile>> {
        let sql = format!(
            "SELECT {} FROM profiles WHERE uri = ?1 AND id IS NOT ?2 LIMIT 1",
            columns()
        );
        Ok(self
            .conn
            .query_row(&sql, params![uri, except_id], profile_from_row)
            .optional()?)
    }

    /// Inserts a new profile or replaces the stored one with the same id.
    pub fn upsert_profile(&mut self, profile: &Profile) -> Result<()> {
        let tx = self.conn.transaction()?;
        upsert_row(&tx, profile)?;
        tx.commit()?;
        Ok(())
    }

    /// Writes every row of an import with its templates verdict, in one transaction: all of
    /// them or none.
    pub fn import_profiles(&mut self, rows: &[(Profile, TemplatesVerdict)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for (profile, verdict) in rows {
            upsert_row(&tx, profile)?;
            tx.execute(
                "UPDATE profiles SET templates_digest = ?2, templates_refused = ?3 WHERE id = ?1",
                params![profile.id, verdict.digest, verdict.refused],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn set_profile_enabled(&mut self, id: &str, enabled: bool, updated_at: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE profiles SET enabled = ?2, updated_at = MAX(?3, updated_at + 1) WHERE id = ?1",
            params![id, enabled, updated_at],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound(id.to_string()));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn delete_profile(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let removed = tx.execute("DELETE FROM profiles WHERE id = ?1", [id])?;
        if removed == 0 {
            return Err(CoreError::NotFound(id.to_string()));
        }
        tx.commit()?;
        Ok(())
    }
}

/// One row's upsert inside the caller's transaction.
fn upsert_row(tx: &rusqlite::Transaction<'_>, profile: &Profile) -> Result<()> {
    let flow = profile.flow.as_ref();
    tx.execute(
        &upsert_sql(),
        named_params! {
            ":id": profile.id,
            ":name": profile.name,
            ":uri": profile.uri,
            ":callback": profile.callback,
            ":flow_id": flow.map(|flow| flow.id),
            ":flow_name": flow.map(|flow| flow.name.as_str()),
            ":enabled": profile.enabled,
            ":template_title": profile.templates.title,
            ":template_close": profile.templates.close,
            ":template_join": profile.templates.join,
            ":template_left": profile.templates.left,
            ":template_file_policy_fail": profile.templates.file_policy_fail,
            ":server_id": profile.server_id,
            ":remote_id": profile.remote_id,
            ":created_at": profile.created_at,
            ":updated_at": profile.updated_at,
            ":synced_snapshot": profile.sync.snapshot,
            ":remote_updated_at": profile.sync.remote_updated_at,
            ":remote_seen_updated_at": profile.sync.remote_seen_updated_at,
            ":secret_changed": profile.sync.secret_changed,
            ":notes": profile.notes,
            ":remote_checked_at": profile.sync.checked_at,
            ":remote_gone": profile.sync.remote_gone,
            ":remote_check_failure": profile.sync.check_failure.map(error_code_text),
        },
    )?;
    Ok(())
}
