//! Everything the CLI prints goes through here: aligned tables and plain lines for people,
//! JSON for scripts, and exactly one stderr line per error. Writes never panic: a closed pipe
//! (`textgate-cli profiles list | head -1`) just ends the output.

use std::io::Write;

use serde::Serialize;
use textgate_core::ErrorCode;

use crate::error::CliError;

pub struct Output {
    json: bool,
}

impl Output {
    pub fn new(json: bool) -> Self {
        Self { json }
    }

    pub fn is_json(&self) -> bool {
        self.json
    }

    /// One human line on stdout (skipped in --json mode, where stdout holds only JSON).
    pub fn line(&self, text: impl AsRef<str>) {
        if !self.json {
            write_stdout(text.as_ref());
        }
    }

    /// Bytes on stdout exactly as given: no newline added (a rendered template).
    pub fn raw(&self, bytes: &[u8]) {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
    }

    /// A value as pretty JSON on stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(text) => write_stdout(&text),
            Err(error) => self.error(&CliError::new(ErrorCode::Internal, error.to_string())),
        }
    }

    /// A value as one compact JSON line on stdout (a stream of results, one per line).
    pub fn json_line<T: Serialize + ?Sized>(&self, value: &T) {
        match serde_json::to_string(value) {
            Ok(text) => write_stdout(&text),
            Err(error) => self.error(&CliError::new(ErrorCode::Internal, error.to_string())),
        }
    }

    /// A warning about something that still succeeded, on stderr.
    pub fn warn(&self, text: impl AsRef<str>) {
        write_stderr(&format!("warning: {}", one_line(text.as_ref())));
    }

    /// The single stderr line of a failure.
    pub fn error(&self, error: &CliError) {
        if error.reported {
            return;
        }
        let line = if self.json {
            serde_json::json!({ "code": error.code, "message": one_line(&error.message) })
                .to_string()
        } else {
            format!("error: {}", one_line(&error.message))
        };
        write_stderr(&line);
    }
}

/// Columns padded to their widest cell under a header row.
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&'static str]) -> Self {
        Self {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows
            .push(cells.iter().map(|cell| one_line(cell)).collect());
    }

    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        std::iter::once(&header)
            .chain(&self.rows)
            .map(|row| {
                let cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .map(|(cell, width)| {
                        let pad = width.saturating_sub(cell.chars().count());
                        format!("{cell}{}", " ".repeat(pad))
                    })
                    .collect();
                cells.join("  ").trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// `yes`/`no` for boolean columns.
pub fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

/// A server timestamp (milliseconds, or seconds for small values) as `YYYY-MM-DD HH:MM UTC`.
pub fn timestamp(value: Option<i64>) -> String {
    let Some(value) = value.filter(|v| *v > 0) else {
        return "-".into();
    };
    let seconds = if value < 100_000_000_000 {
        value
    } else {
        value / 1000
    };
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Control characters (line breaks from a server, say) would break the one-line promise.
/// Longest message line shown; real messages are far shorter, but one may quote a huge input
/// (a 10 MB function name in a template), and a line must stay readable.
const MAX_LINE_CHARS: usize = 400;

fn one_line(text: &str) -> String {
    let mut line: String = text
        .chars()
        .take(MAX_LINE_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let rest = text.chars().skip(MAX_LINE_CHARS).count();
    if rest > 0 {
        line.push_str(&format!("\u{2026} ({rest} more characters)"));
    }
    line
}

fn write_stdout(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

fn write_stderr(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

#[cfg(test)]
#[path = "output_tests.rs"]
mod tests;
