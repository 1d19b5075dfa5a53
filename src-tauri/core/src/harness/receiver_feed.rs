//! The receiver's live feed as a view (the app's Receive log) can follow it: every request is
//! stored in the history, a batch of arrivals per transaction, off the async threads; of the
//! stored entries only the newest `window` wait to be shown, handed on at most every
//! [`LIVE_EVERY`], with how many were passed over. However fast requests arrive, memory and the
//! view's traffic stay bounded; the history holds the rest.

use std::collections::VecDeque;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::mpsc;
use ts_rs::TS;

use super::history::HistoryEntry;
use super::receiver::ReceivedRequest;

/// How many entries a live view is sent (and keeps) at most.
pub const LIVE_WINDOW: usize = 200;
/// How often a live view is sent what arrived.
pub const LIVE_EVERY: Duration = Duration::from_millis(100);
/// At most this many requests go into one history transaction.
pub const STORE_BATCH: usize = 512;

/// What a live view gets: the newest stored entries, oldest first, and how many stored
/// entries since the last batch are not in it (they are in the history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveBatch {
    pub entries: Vec<HistoryEntry>,
    #[ts(type = "number")]
    pub not_shown: u64,
}

/// The newest `capacity` entries not yet sent, and how many were pushed out.
#[derive(Debug)]
pub struct LiveWindow {
    entries: VecDeque<HistoryEntry>,
    capacity: usize,
    not_shown: u64,
}

impl LiveWindow {
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: VecDeque::new(),
            capacity,
            not_shown: 0,
        }
    }

    pub fn push(&mut self, entry: HistoryEntry) {
        if self.capacity == 0 {
            self.not_shown += 1;
            return;
        }
        if self.entries.len() >= self.capacity {
            self.entries.pop_front();
            self.not_shown += 1;
        }
        self.entries.push_back(entry);
    }

    /// What waits to be sent, if anything; the window starts empty again.
    pub fn take(&mut self) -> Option<LiveBatch> {
        if self.entries.is_empty() && self.not_shown == 0 {
            return None;
        }
        Some(LiveBatch {
            entries: self.entries.drain(..).collect(),
            not_shown: std::mem::take(&mut self.not_shown),
        })
    }
}

/// Follows `live` until it closes (the receiver stopped): `store` keeps each batch of requests
/// in the history (on a blocking thread) and returns the stored entries, `view` gets them as
/// [`LiveBatch`]es of at most `window` entries, at most every [`LIVE_EVERY`]. What is still
/// queued when the feed closes is stored and sent before this returns.
pub async fn follow<S, V>(
    mut live: mpsc::UnboundedReceiver<ReceivedRequest>,
    window: usize,
    store: S,
    mut view: V,
) where
    S: Fn(Vec<ReceivedRequest>) -> Vec<HistoryEntry> + Clone + Send + 'static,
    V: FnMut(LiveBatch),
{
    let mut pending = LiveWindow::new(window);
    let mut tick = tokio::time::interval(LIVE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut batch = Vec::with_capacity(STORE_BATCH);
    loop {
        tokio::select! {
            taken = live.recv_many(&mut batch, STORE_BATCH) => {
                if taken == 0 {
                    break;
                }
                let store = store.clone();
                let requests = std::mem::take(&mut batch);
                // A panic in `store` loses that batch's view, not the feed.
                let stored = tokio::task::spawn_blocking(move || store(requests))
                    .await
                    .unwrap_or_default();
                for entry in stored {
                    pending.push(entry);
                }
            }
            _ = tick.tick() => {
                if let Some(batch) = pending.take() {
                    view(batch);
                }
            }
        }
    }
    if let Some(batch) = pending.take() {
        view(batch);
    }
}

#[cfg(test)]
#[path = "receiver_feed_tests.rs"]
mod tests;
