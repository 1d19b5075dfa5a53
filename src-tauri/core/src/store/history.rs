//! The `harness_history` table: insert, look up with the exact bytes, and search by chat id,
//! text and status. Headers are kept as JSON arrays of pairs; verdicts and failures as their
//! labels and messages.

use rusqlite::{params, OptionalExtension, Row};

use super::history_filter::Filter;
use super::Store;
use crate::error::{CoreError, Result};
use crate::harness::delivery::{without_userinfo, DeliveryFailure, FailureKind, Signing};
use crate::harness::history::{chat_and_text, Channel, HistoryEntry, HistoryQuery, NewEntry};
use crate::signature::Verdict;

pub(super) const COLUMNS: &str =
    "id, time, profile_id, channel, replay_of, method, url, request_headers, \
    request_body, status, response_headers, response_body, elapsed_micros, signing, verdict, \
    verdict_reason, failure_kind, failure_message, chat_id, text";

pub(super) const DEFAULT_LIMIT: u32 = 200;
pub(super) const MAX_LIMIT: u32 = 5000;

/// A stored entry and the exact request bytes behind it.
pub struct StoredRequest {
    pub entry: HistoryEntry,
    pub body: Vec<u8>,
}

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into())
}

fn headers_of(json: String) -> rusqlite::Result<Vec<(String, String)>> {
    serde_json::from_str(&json).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(error))
    })
}

pub(super) fn stored_from_row(row: &Row<'_>) -> rusqlite::Result<StoredRequest> {
    let body: Vec<u8> = row.get("request_body")?;
    let verdict = match (
        row.get::<_, Option<String>>("verdict")?.as_deref(),
        row.get::<_, Option<String>>("verdict_reason")?,
    ) {
        (Some("valid"), _) => Some(Verdict::Valid),
        (Some("missing"), _) => Some(Verdict::Missing),
        (Some(_), reason) => Some(Verdict::Invalid(reason.unwrap_or_default())),
        (None, _) => None,
    };
    let failure = row
        .get::<_, Option<String>>("failure_message")?
        .map(|message| DeliveryFailure {
            kind: row
                .get::<_, Option<String>>("failure_kind")
                .ok()
                .flatten()
                .and_then(|kind| FailureKind::parse(&kind))
                .unwrap_or(FailureKind::Other),
            message,
        });
    let channel: String = row.get("channel")?;
    let entry = HistoryEntry {
        id: row.get("id")?,
        time: row.get("time")?,
        profile_id: row.get("profile_id")?,
        channel: Channel::parse(&channel).unwrap_or(Channel::Send),
        replay_of: row.get("replay_of")?,
        method: row.get("method")?,
        url: row.get("url")?,
        request_headers: headers_of(row.get("request_headers")?)?,
        body: text_of(body.clone()),
        status: row.get("status")?,
        response_headers: headers_of(row.get("response_headers")?)?,
        response: text_of(row.get("response_body")?),
        elapsed_micros: row.get("elapsed_micros")?,
        signing: row
            .get::<_, Option<String>>("signing")?
            .and_then(|signing| Signing::parse(&signing)),
        verdict,
        failure,
        chat_id: row.get("chat_id")?,
        text: row.get("text")?,
    };
    Ok(StoredRequest { entry, body })
}

impl Store {
    /// Stores `entry` and returns it as it now reads back.
    pub fn insert_history(&self, entry: NewEntry) -> Result<HistoryEntry> {
        let id = insert(&self.conn, entry)?;
        Ok(self.history_request(id)?.entry)
    }

    /// Stores `entries` in one transaction (all or none), in order, and returns them as they
    /// now read back: a receiver under load writes hundreds of requests per commit.
    pub fn insert_history_batch(&self, entries: Vec<NewEntry>) -> Result<Vec<HistoryEntry>> {
        let transaction = self.conn.unchecked_transaction()?;
        let mut ids = Vec::with_capacity(entries.len());
        for entry in entries {
            ids.push(insert(&transaction, entry)?);
        }
        let stored = ids
            .into_iter()
            .map(|id| Ok(self.history_request(id)?.entry))
            .collect::<Result<Vec<_>>>()?;
        transaction.commit()?;
        Ok(stored)
    }

    /// One entry with its exact bytes.
    pub fn history_request(&self, id: i64) -> Result<StoredRequest> {
        let sql = format!("SELECT {COLUMNS} FROM harness_history WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], stored_from_row)
            .optional()?
            .ok_or(CoreError::HistoryEntryNotFound(id))
    }

    /// Entries matching `query`, newest first (older than `query.before` when given).
    pub fn search_history(&self, query: &HistoryQuery) -> Result<Vec<HistoryEntry>> {
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        self.history_rows(query, limit)
    }

    /// Up to `limit` entries matching `query`, newest first.
    pub(super) fn history_rows(
        &self,
        query: &HistoryQuery,
        limit: u32,
    ) -> Result<Vec<HistoryEntry>> {
        let filter = Filter::of(query)?.older_than(query.before);
        let sql = format!(
            "SELECT {COLUMNS} FROM harness_history {} ORDER BY id DESC LIMIT {limit}",
            filter.sql()
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(filter.params().as_slice(), |row| {
            Ok(stored_from_row(row)?.entry)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Forgets a profile's entries (all entries when `profile_id` is `None`); returns how many.
    pub fn clear_history(&self, profile_id: Option<&str>) -> Result<usize> {
        Ok(match profile_id {
            Some(id) => self
                .conn
                .execute("DELETE FROM harness_history WHERE profile_id = ?1", [id])?,
            None => self.conn.execute("DELETE FROM harness_history", [])?,
        })
    }
}

/// Inserts one entry; returns its id.
fn insert(conn: &rusqlite::Connection, entry: NewEntry) -> Result<i64> {
    let (chat_id, text) = chat_and_text(&entry.body);
    let headers = |h: &Vec<(String, String)>| serde_json::to_string(h).unwrap_or_default();
    conn.execute(
        "INSERT INTO harness_history (time, profile_id, channel, replay_of, method, url, \
         request_headers, request_body, status, response_headers, response_body, \
         elapsed_micros, signing, verdict, verdict_reason, failure_kind, failure_message, \
         chat_id, text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        params![
            entry.time,
            entry.profile_id,
            entry.channel.as_str(),
            entry.replay_of,
            entry.method,
            // A `user:password@` part never reaches the file, whoever built the entry.
            without_userinfo(&entry.url),
            headers(&entry.request_headers),
            entry.body,
            entry.status,
            headers(&entry.response_headers),
            entry.response,
            entry.elapsed_micros.map(|us| i64::try_from(us).unwrap_or(i64::MAX)),
            entry.signing.map(Signing::as_str),
            entry.verdict.as_ref().map(Verdict::label),
            match &entry.verdict {
                Some(Verdict::Invalid(reason)) => Some(reason.as_str()),
                _ => None,
            },
            entry.failure.as_ref().map(|f| f.kind.as_str()),
            entry.failure.as_ref().map(|f| f.message.as_str()),
            chat_id,
            text,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
