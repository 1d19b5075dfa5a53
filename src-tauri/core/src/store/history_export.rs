//! The history read for an export: the id range a query's matches span when the export starts
//! (so what arrives meanwhile is not half in it), then the matches in that range oldest first, a
//! chunk at a time with their exact request and response bytes, so no export holds the whole
//! history in memory and none holds the store for long.

use super::history::{stored_from_row, COLUMNS};
use super::history_filter::Filter;
use super::Store;
use crate::error::Result;
use crate::harness::history::HistoryQuery;
use crate::harness::history_export::ExportEntry;

/// The ids an export of a query covers: above `after`, up to `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRange {
    pub after: i64,
    pub last: i64,
}

impl Store {
    /// The range of `query`'s matches now: the newest match, and (when `query.limit` is
    /// given) only its newest `limit` matches, as `history list` shows them. `None` when
    /// nothing matches.
    pub fn history_export_range(&self, query: &HistoryQuery) -> Result<Option<ExportRange>> {
        let filter = Filter::of(query)?.older_than(query.before);
        let id_at = |offset: u32| -> Result<Option<i64>> {
            let sql = format!(
                "SELECT id FROM harness_history {} ORDER BY id DESC LIMIT 1 OFFSET {offset}",
                filter.sql()
            );
            let mut statement = self.conn.prepare(&sql)?;
            let mut rows = statement.query(filter.params().as_slice())?;
            Ok(match rows.next()? {
                Some(row) => Some(row.get(0)?),
                None => None,
            })
        };
        let Some(last) = id_at(0)? else {
            return Ok(None);
        };
        let after = match query.limit {
            Some(limit) if limit > 0 => id_at(limit)?.unwrap_or(0),
            _ => 0,
        };
        Ok(Some(ExportRange { after, last }))
    }

    /// Up to `chunk` of `query`'s matches with ids in `range`, oldest first.
    pub fn history_export_chunk(
        &self,
        query: &HistoryQuery,
        range: ExportRange,
        chunk: u32,
    ) -> Result<Vec<ExportEntry>> {
        let filter = Filter::of(query)?.within(range.after, range.last);
        let sql = format!(
            "SELECT {COLUMNS} FROM harness_history {} ORDER BY id ASC LIMIT {chunk}",
            filter.sql()
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(filter.params().as_slice(), |row| {
            let stored = stored_from_row(row)?;
            Ok(ExportEntry {
                entry: stored.entry,
                request_body: stored.body,
                response_body: row.get("response_body")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
