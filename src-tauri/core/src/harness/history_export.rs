//! The history written out for other tools, one entry at a time so a history of any length
//! streams through a fixed amount of memory: HAR 1.2 (`log.entries`, see [`super::har`]) or
//! JSONL (one JSON object per line: the entry as `history list --json` shows it, with `body` and
//! `response` the exact bytes as text, or base64 with `bodyEncoding`/`responseEncoding`).
//! Credentials were never stored (`history::without_credentials`), so none can be written.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::har;
use super::history::HistoryEntry;

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// HAR 1.2, one JSON document.
    Har,
    /// One JSON object per line.
    Jsonl,
}

/// An entry and its exact bytes, as the store reads them for an export.
pub struct ExportEntry {
    pub entry: HistoryEntry,
    pub request_body: Vec<u8>,
    pub response_body: Vec<u8>,
}

/// Writes entries in `format` to `out` as they come.
pub struct HistoryExporter<W: Write> {
    format: ExportFormat,
    out: W,
    count: u64,
}

impl<W: Write> HistoryExporter<W> {
    /// Starts the document (HAR's `log` head).
    pub fn new(format: ExportFormat, mut out: W) -> io::Result<Self> {
        if format == ExportFormat::Har {
            let head = serde_json::to_string(&har::log_head())?;
            let head = head.strip_suffix('}').unwrap_or(&head);
            write!(out, "{{\"log\":{head},\"entries\":[")?;
        }
        Ok(HistoryExporter {
            format,
            out,
            count: 0,
        })
    }

    /// Writes one entry.
    pub fn write(&mut self, exported: &ExportEntry) -> io::Result<()> {
        let ExportEntry {
            entry,
            request_body,
            response_body,
        } = exported;
        match self.format {
            ExportFormat::Har => {
                if self.count > 0 {
                    self.out.write_all(b",")?;
                }
                self.out.write_all(b"\n")?;
                serde_json::to_writer(
                    &mut self.out,
                    &har::entry(entry, request_body, response_body),
                )?;
            }
            ExportFormat::Jsonl => {
                serde_json::to_writer(
                    &mut self.out,
                    &jsonl_line(entry, request_body, response_body),
                )?;
                self.out.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Ends the document; answers the writer and how many entries it holds.
    pub fn finish(mut self) -> io::Result<(W, u64)> {
        if self.format == ExportFormat::Har {
            self.out.write_all(b"\n]}}\n")?;
        }
        self.out.flush()?;
        Ok((self.out, self.count))
    }
}

/// The JSONL object of one entry.
fn jsonl_line(entry: &HistoryEntry, body: &[u8], response: &[u8]) -> Value {
    let mut value = serde_json::to_value(entry).unwrap_or(Value::Null);
    if let Value::Object(object) = &mut value {
        har::put_body(object, "body", "bodyEncoding", body);
        har::put_body(object, "response", "responseEncoding", response);
    }
    value
}

#[cfg(test)]
#[path = "history_export_tests.rs"]
mod tests;
