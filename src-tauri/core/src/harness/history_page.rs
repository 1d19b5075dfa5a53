//! One page of the history as the app shows it: the entries (newest first), how many match the
//! filter in all, the cursor of the next page, and the round trips in it. A round trip is a
//! request the harness sent (an emulated agent message, a send, a replay) that its own receiver
//! got: the same bytes with the same signature, arriving while the request was under way. Both
//! rows are kept in the history; the page pairs them so they read as one exchange, not two.
//!
//! The pairing is core's, not the UI's: it needs the exact bytes (the UI only has lossy text)
//! and a search for the arrival beyond the page and its filter (a "sent" filter hides it).

use serde::Serialize;
use ts_rs::TS;

use super::history::{Channel, HistoryEntry};

/// An arrival this long (ms) before the request started or after it ended still counts: the
/// receiver and the sender read the same clock, but not at the very same moment.
pub const PAIR_SLACK_MILLIS: i64 = 2_000;

/// A page of [`crate::harness::history::HistoryQuery`]'s matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPage {
    /// Newest first, at most the query's limit.
    pub entries: Vec<HistoryEntry>,
    /// How many entries match the filter in all (every page).
    #[ts(type = "number")]
    pub total: u64,
    /// The `before` of the next page; `None` when this page holds the oldest match.
    #[ts(type = "number | null")]
    pub next_before: Option<i64>,
    /// The page's sent entries that the local receiver got, each with that arrival.
    pub pairs: Vec<HistoryPair>,
}

/// A sent entry and the receiver's entry of the same request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPair {
    /// The sent entry's id.
    #[ts(type = "number")]
    pub sent: i64,
    /// What the receiver recorded of it (its status is what the receiver answered).
    pub received: HistoryEntry,
}

/// When (Unix ms, inclusive) the receiver may have got `sent`.
pub fn arrival_window(sent: &HistoryEntry) -> (i64, i64) {
    let took = sent
        .elapsed_micros
        .map_or(0, |micros| i64::try_from(micros / 1000).unwrap_or(i64::MAX));
    (
        sent.time
            .saturating_sub(took)
            .saturating_sub(PAIR_SLACK_MILLIS),
        sent.time.saturating_add(PAIR_SLACK_MILLIS),
    )
}

fn signature(entry: &HistoryEntry) -> Option<&str> {
    entry
        .request_headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("x-webitel-sign"))
        .map(|(_, value)| value.as_str())
}

/// Whether `received` is the receiver's record of `sent`: same body and signature, arriving
/// while it was sent.
pub fn same_request(sent: &HistoryEntry, received: &HistoryEntry) -> bool {
    let (from, to) = arrival_window(sent);
    sent.channel.is_outbound()
        && received.channel == Channel::Receive
        && sent.body == received.body
        && signature(sent) == signature(received)
        && (from..=to).contains(&received.time)
}

/// Pairs each of `sent` with at most one of `arrivals` and each arrival with at most one sent
/// entry, the closest in time first (a replay of the same bytes a moment later is its own
/// round trip). The pairs come in `sent`'s order.
pub fn pair(sent: &[HistoryEntry], arrivals: &[HistoryEntry]) -> Vec<HistoryPair> {
    let mut candidates: Vec<(i64, i64, usize, usize)> = Vec::new();
    for (s, out) in sent.iter().enumerate() {
        for (a, arrival) in arrivals.iter().enumerate() {
            if same_request(out, arrival) {
                let apart = (arrival.time - out.time).abs();
                candidates.push((apart, (arrival.id - out.id).abs(), s, a));
            }
        }
    }
    candidates.sort_unstable();
    let mut sent_taken = vec![false; sent.len()];
    let mut arrival_taken = vec![false; arrivals.len()];
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for (_, _, s, a) in candidates {
        if !sent_taken[s] && !arrival_taken[a] {
            sent_taken[s] = true;
            arrival_taken[a] = true;
            chosen.push((s, a));
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|(s, a)| HistoryPair {
            sent: sent[s].id,
            received: arrivals[a].clone(),
        })
        .collect()
}

#[cfg(test)]
#[path = "history_page_tests.rs"]
mod tests;
