//! A page of the history: a query's matches newest first, how many match in all, the keyset
//! cursor of the next page (an id, so an entry that arrives meanwhile neither repeats nor
//! shifts a row), and the receiver's arrivals of the page's sent entries, paired by
//! [`crate::harness::history_page::pair`].

use std::collections::BTreeMap;

use rusqlite::params;

use super::history::{stored_from_row, COLUMNS, DEFAULT_LIMIT, MAX_LIMIT};
use super::history_filter::Filter;
use super::Store;
use crate::error::Result;
use crate::harness::history::{HistoryEntry, HistoryQuery};
use crate::harness::history_page::{arrival_window, pair, HistoryPage};

impl Store {
    /// How many entries match `query`'s filter (its cursor and limit aside).
    pub fn count_history(&self, query: &HistoryQuery) -> Result<u64> {
        let filter = Filter::of(query)?;
        let sql = format!("SELECT COUNT(*) FROM harness_history {}", filter.sql());
        let count: i64 = self
            .conn
            .query_row(&sql, filter.params().as_slice(), |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// The page of `query`: up to its limit of matches older than its `before`, the total,
    /// the next cursor and the round trips among the page's sent entries.
    pub fn history_page(&self, query: &HistoryQuery) -> Result<HistoryPage> {
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let mut entries = self.history_rows(query, limit + 1)?;
        let more = entries.len() > limit as usize;
        entries.truncate(limit as usize);
        let next_before = if more {
            entries.last().map(|entry| entry.id)
        } else {
            None
        };
        let total = self.count_history(query)?;
        let sent: Vec<HistoryEntry> = entries
            .iter()
            .filter(|entry| entry.channel.is_outbound())
            .cloned()
            .collect();
        let pairs = pair(&sent, &self.arrivals_of(&sent)?);
        Ok(HistoryPage {
            entries,
            total,
            next_before,
            pairs,
        })
    }

    /// Every received entry with the exact bytes of one of `sent`, arriving while it was sent
    /// (whatever the page's filter: a "sent only" page still shows where its requests arrived).
    fn arrivals_of(&self, sent: &[HistoryEntry]) -> Result<Vec<HistoryEntry>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM harness_history WHERE channel = 'receive' \
             AND time BETWEEN ?1 AND ?2 \
             AND request_body = (SELECT request_body FROM harness_history WHERE id = ?3) \
             ORDER BY id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut found = BTreeMap::new();
        for entry in sent {
            let (from, to) = arrival_window(entry);
            let rows = statement.query_map(params![from, to, entry.id], |row| {
                Ok(stored_from_row(row)?.entry)
            })?;
            for row in rows {
                let arrival = row?;
                found.insert(arrival.id, arrival);
            }
        }
        Ok(found.into_values().collect())
    }
}

#[cfg(test)]
#[path = "history_page_tests.rs"]
mod tests;
