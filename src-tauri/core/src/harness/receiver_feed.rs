//! The receiver's live feed as a view (the app's Receive log) can follow it: the app's sink of
//! the one receiver session (`receiver_session`), storing every request in the history off the
//! async threads; of the stored entries only the newest `window` wait to be shown, handed on at
//! most every [`LIVE_EVERY`], with how many were passed over and how many could not be kept. However fast requests arrive, memory and the
//! view's traffic stay bounded; the history holds the rest.

use std::collections::VecDeque;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::mpsc;
use ts_rs::TS;

use super::history::HistoryEntry;
use super::receiver::ReceivedRequest;
use super::receiver_session::{self, ReceiverSink};
use crate::error::{CoreError, Result};

/// How many entries a live view is sent (and keeps) at most.
pub const LIVE_WINDOW: usize = 200;
/// How often a live view is sent what arrived.
pub const LIVE_EVERY: Duration = Duration::from_millis(100);
pub use super::receiver_session::STORE_BATCH;

/// What a live view gets: the newest stored entries, oldest first, how many stored entries
/// since the last batch are not in it (they are in the history), and how many requests since
/// the last batch could not be kept in the history at all, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveBatch {
    pub entries: Vec<HistoryEntry>,
    #[ts(type = "number")]
    pub not_shown: u64,
    #[ts(type = "number")]
    pub not_recorded: u64,
    /// Why the last of those requests could not be kept (`null` when all were).
    pub history_error: Option<String>,
}

/// The newest `capacity` entries not yet sent, and how many were pushed out.
#[derive(Debug)]
pub struct LiveWindow {
    entries: VecDeque<HistoryEntry>,
    capacity: usize,
    not_shown: u64,
    not_recorded: u64,
    history_error: Option<String>,
}

impl LiveWindow {
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: VecDeque::new(),
            capacity,
            not_shown: 0,
            not_recorded: 0,
            history_error: None,
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
        if self.entries.is_empty() && self.not_shown == 0 && self.not_recorded == 0 {
            return None;
        }
        Some(LiveBatch {
            entries: self.entries.drain(..).collect(),
            not_shown: std::mem::take(&mut self.not_shown),
            not_recorded: std::mem::take(&mut self.not_recorded),
            history_error: self.history_error.take(),
        })
    }
}

/// The app's sink: history entries into a [`LiveWindow`], handed to `view` every
/// [`LIVE_EVERY`]; requests whose history write failed are counted in `not_recorded`.
struct LiveSink<V> {
    pending: LiveWindow,
    view: V,
}

impl<V: FnMut(LiveBatch)> ReceiverSink for LiveSink<V> {
    fn forward(&mut self, _requests: &[ReceivedRequest], entries: Vec<HistoryEntry>) {
        for entry in entries {
            self.pending.push(entry);
        }
    }

    fn not_recorded(&mut self, count: usize, error: &CoreError) {
        self.pending.not_recorded += count as u64;
        self.pending.history_error = Some(error.to_string());
    }

    fn tick_every(&self) -> Option<Duration> {
        Some(LIVE_EVERY)
    }

    fn tick(&mut self) {
        if let Some(batch) = self.pending.take() {
            (self.view)(batch);
        }
    }
}

/// Follows `live` until it closes (the receiver stopped): `store` keeps each batch of requests
/// in the history (on a blocking thread) and returns the stored entries, `view` gets them as
/// [`LiveBatch`]es of at most `window` entries, at most every [`LIVE_EVERY`], with what could
/// not be kept. What is still queued when the feed closes is stored and sent before this
/// returns.
pub async fn follow<S, V>(
    mut live: mpsc::UnboundedReceiver<ReceivedRequest>,
    window: usize,
    store: S,
    view: V,
) where
    S: Fn(&[ReceivedRequest]) -> Result<Vec<HistoryEntry>> + Clone + Send + 'static,
    V: FnMut(LiveBatch),
{
    let mut sink = LiveSink {
        pending: LiveWindow::new(window),
        view,
    };
    let store_off_thread = |requests: Vec<ReceivedRequest>| {
        let store = store.clone();
        async move {
            let count = requests.len();
            tokio::task::spawn_blocking(move || {
                let stored = store(&requests);
                (requests, stored)
            })
            .await
            .unwrap_or_else(|_| {
                // A panic in `store` loses that batch's view, not the feed.
                tracing::error!(target: "textgate::receiver", count, "storing received requests panicked");
                (Vec::new(), Ok(Vec::new()))
            })
        }
    };
    receiver_session::follow(
        &mut live,
        store_off_thread,
        &mut sink,
        None,
        std::future::pending::<()>(),
    )
    .await;
}

#[cfg(test)]
#[path = "receiver_feed_tests.rs"]
mod tests;
