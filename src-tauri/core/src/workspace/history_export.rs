//! `history export`, for both front ends: the history as a query filters it written to a file
//! in HAR or JSONL, oldest first. The entries stream from the store a chunk at a time into a
//! temporary file beside the target, which is synced and then renamed over it, so a failed
//! export leaves no half file and an existing file is replaced whole or not at all.

use std::io::BufWriter;
use std::path::Path;

use super::Harness;
use crate::error::{CoreError, Result};
use crate::harness::history::HistoryQuery;
use crate::harness::history_export::{ExportFormat, HistoryExporter};

/// Entries read from the store at a time.
const CHUNK: u32 = 500;

impl Harness<'_> {
    /// Writes `query`'s matches (all of them unless `query.limit` is given; then the newest
    /// `limit`, as the list shows them) to `path` as `format`; answers how many it wrote.
    pub fn export_history(
        self,
        query: &HistoryQuery,
        format: ExportFormat,
        path: &Path,
    ) -> Result<u64> {
        let failed = |source: std::io::Error| CoreError::ExportFile {
            path: path.display().to_string(),
            source,
        };
        if path.as_os_str().is_empty() || path.is_dir() {
            return Err(failed(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a file name",
            )));
        }
        let range = self.ws.store().history_export_range(query)?;
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".textgate-export-")
            .tempfile_in(folder)
            .map_err(failed)?;
        let mut exporter = HistoryExporter::new(format, BufWriter::new(temp)).map_err(failed)?;
        if let Some(mut range) = range {
            loop {
                let chunk = self.ws.store().history_export_chunk(query, range, CHUNK)?;
                let Some(last) = chunk.last() else { break };
                range.after = last.entry.id;
                for exported in &chunk {
                    exporter.write(exported).map_err(failed)?;
                }
            }
        }
        let (writer, count) = exporter.finish().map_err(failed)?;
        let temp = writer
            .into_inner()
            .map_err(|error| failed(error.into_error()))?;
        temp.as_file().sync_all().map_err(failed)?;
        temp.persist(path).map_err(|error| failed(error.error))?;
        Ok(count)
    }
}

#[cfg(test)]
#[path = "history_export_tests.rs"]
mod tests;
