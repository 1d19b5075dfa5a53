//! The WHERE clause of a history search, built once from a [`HistoryQuery`] so that a page, its
//! total, its next page and an export filter alike: profile, chat, channel, direction, time
//! range (`since`/`until`, unix milliseconds, both ends included), text (a literal substring of
//! the text or the raw body) and status (`403`, `4xx`, `failed`).

use rusqlite::ToSql;

use crate::error::{CoreError, Result};
use crate::harness::history::HistoryQuery;

/// A WHERE clause and its numbered parameters.
#[derive(Default)]
pub(super) struct Filter {
    clauses: Vec<String>,
    values: Vec<Box<dyn ToSql>>,
}

impl Filter {
    /// Everything `query` asks for but its cursor (`before`) and limit.
    pub(super) fn of(query: &HistoryQuery) -> Result<Self> {
        let mut filter = Filter::default();
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        if let Some(profile) = given(&query.profile_id) {
            filter.add("profile_id = ?", Box::new(profile));
        }
        if let Some(chat) = given(&query.chat_id) {
            filter.add("chat_id = ?", Box::new(chat));
        }
        if let Some(channel) = query.channel {
            filter.add("channel = ?", Box::new(channel.as_str()));
        }
        if let Some(direction) = query.direction {
            let channels: Vec<String> = direction
                .channels()
                .iter()
                .map(|channel| format!("'{}'", channel.as_str()))
                .collect();
            filter
                .clauses
                .push(format!("channel IN ({})", channels.join(", ")));
        }
        if let Some(text) = given(&query.text) {
            let pattern = format!("%{}%", escape_like(&text));
            filter.add(
                "(text LIKE ? ESCAPE '\\' OR CAST(request_body AS TEXT) LIKE ? ESCAPE '\\')",
                Box::new(pattern),
            );
        }
        if let Some(since) = query.since {
            filter.add("time >= ?", Box::new(since));
        }
        if let Some(until) = query.until {
            filter.add("time <= ?", Box::new(until));
        }
        if let Some(status) = given(&query.status) {
            match status_filter(&status) {
                Some(StatusFilter::Failed) => filter.clauses.push("status IS NULL".into()),
                Some(StatusFilter::Exact(code)) => filter.add("status = ?", Box::new(code)),
                Some(StatusFilter::Class(class)) => filter.add("status / 100 = ?", Box::new(class)),
                None => return Err(CoreError::InvalidHistoryStatus(status)),
            }
        }
        Ok(filter)
    }

    /// Also only entries older than `id` (the keyset cursor).
    pub(super) fn older_than(mut self, id: Option<i64>) -> Self {
        if let Some(id) = id {
            self.add("id < ?", Box::new(id));
        }
        self
    }

    /// Also only ids above `after` and up to `last` (an export's range).
    pub(super) fn within(mut self, after: i64, last: i64) -> Self {
        self.add("id > ?", Box::new(after));
        self.add("id <= ?", Box::new(last));
        self
    }

    /// Adds `clause`, whose every `?` stands for `value`.
    fn add(&mut self, clause: &str, value: Box<dyn ToSql>) {
        self.values.push(value);
        self.clauses
            .push(clause.replace('?', &format!("?{}", self.values.len())));
    }

    /// `WHERE …`, or nothing when nothing is filtered.
    pub(super) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    pub(super) fn params(&self) -> Vec<&dyn ToSql> {
        self.values.iter().map(|v| v.as_ref()).collect()
    }
}

enum StatusFilter {
    Failed,
    Exact(u16),
    Class(u16),
}

fn status_filter(text: &str) -> Option<StatusFilter> {
    let lower = text.to_ascii_lowercase();
    if lower == "failed" {
        return Some(StatusFilter::Failed);
    }
    if let Some(class) = lower.strip_suffix("xx") {
        return class
            .parse()
            .ok()
            .filter(|c| (1..=5).contains(c))
            .map(StatusFilter::Class);
    }
    lower
        .parse()
        .ok()
        .filter(|c| (100..=599).contains(c))
        .map(StatusFilter::Exact)
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
