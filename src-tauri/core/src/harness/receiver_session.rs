//! One receiver session for every front end (the app's Receive tab, `textgate-cli listen`):
//! the answer is checked by one rule ([`check_answer`]), and each batch of arrivals is kept in
//! the history (a transaction per batch) and then handed, in arrival order, to the front end's
//! [`ReceiverSink`]. A history write that fails is reported to the sink (and logged), never
//! dropped: the requests are still forwarded, only without history entries.

use std::future::Future;
use std::time::Duration;

use tokio::sync::mpsc;

use super::history::HistoryEntry;
use super::receiver::{ReceivedRequest, ReceiverAnswer};
use crate::error::{CoreError, Result};

pub use super::receiver_plan::ANSWER_STATUSES;
/// The longest delay before an answer: longer would outlast any sender's timeout.
pub const MAX_ANSWER_DELAY: Duration = Duration::from_secs(120);
/// At most this many requests go into one history transaction.
pub const STORE_BATCH: usize = 512;

/// The one check of a receiver's answer, for the app and the CLI alike.
pub fn check_answer(answer: &ReceiverAnswer) -> Result<()> {
    if !ANSWER_STATUSES.contains(&answer.status) {
        return Err(CoreError::InvalidAnswer(format!(
            "{} is not a status the receiver can answer with ({}-{})",
            answer.status,
            ANSWER_STATUSES.start(),
            ANSWER_STATUSES.end()
        )));
    }
    if answer.delay > MAX_ANSWER_DELAY {
        return Err(CoreError::InvalidAnswer(
            "A delay longer than 2 minutes would outlast any sender's timeout".into(),
        ));
    }
    super::receiver_plan::check_plan(&answer.plan).map_err(CoreError::InvalidAnswer)
}

/// What a front end does with what the receiver got.
pub trait ReceiverSink {
    /// One batch of arrivals, in order, with their history entries (in the same order; empty
    /// when the batch could not be kept).
    fn forward(&mut self, requests: &[ReceivedRequest], entries: Vec<HistoryEntry>);
    /// `count` requests could not be kept in the history (they are still forwarded).
    fn not_recorded(&mut self, count: usize, error: &CoreError);
    /// How often [`Self::tick`] is called while the session runs (`None`: never).
    fn tick_every(&self) -> Option<Duration> {
        None
    }
    fn tick(&mut self) {}
}

/// Why [`follow`] returned.
#[derive(Debug)]
pub enum Ended<T> {
    /// The receiver stopped and everything it got was kept and forwarded.
    Closed,
    /// The limit of requests was reached (later arrivals were neither kept nor forwarded).
    Limit,
    /// The front end's `until` fired first, with its value.
    Until(T),
}

/// The history write of one batch: what was given back, and its entries or why not.
pub type Stored = (Vec<ReceivedRequest>, Result<Vec<HistoryEntry>>);

/// Keeps and forwards the receiver's `live` feed until it closes, `limit` requests have been
/// taken, or `until` fires. `store` writes one batch to the history (the app does it on a
/// blocking thread, the CLI in place); `sink` gets every batch after its write.
pub async fn follow<S, F, St, U>(
    live: &mut mpsc::UnboundedReceiver<ReceivedRequest>,
    mut store: St,
    sink: &mut S,
    limit: Option<u64>,
    until: U,
) -> Ended<U::Output>
where
    S: ReceiverSink,
    St: FnMut(Vec<ReceivedRequest>) -> F,
    F: Future<Output = Stored>,
    U: Future,
{
    let mut until = std::pin::pin!(until);
    let mut tick = sink.tick_every().map(|every| {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tick
    });
    let mut seen = 0u64;
    let mut batch = Vec::with_capacity(STORE_BATCH);
    let ended = loop {
        if limit.is_some_and(|limit| seen >= limit) {
            break Ended::Limit;
        }
        tokio::select! {
            biased;
            value = &mut until => break Ended::Until(value),
            taken = live.recv_many(&mut batch, STORE_BATCH) => {
                if taken == 0 {
                    break Ended::Closed;
                }
                if let Some(limit) = limit {
                    batch.truncate(usize::try_from(limit - seen).unwrap_or(usize::MAX));
                }
                seen += batch.len() as u64;
                let (requests, stored) = store(std::mem::take(&mut batch)).await;
                hand_on(sink, &requests, stored);
            }
            _ = next_tick(&mut tick) => sink.tick(),
        }
    };
    if tick.is_some() {
        sink.tick();
    }
    ended
}

/// Keeps whatever is still queued until the feed closes (after the receiver was stopped),
/// reporting failed writes to `sink` but forwarding nothing: for a front end whose reader has
/// gone, as what arrived is still evidence.
pub async fn keep_the_rest<S, F, St>(
    live: &mut mpsc::UnboundedReceiver<ReceivedRequest>,
    mut store: St,
    sink: &mut S,
) where
    S: ReceiverSink,
    St: FnMut(Vec<ReceivedRequest>) -> F,
    F: Future<Output = Stored>,
{
    let mut batch = Vec::with_capacity(STORE_BATCH);
    while live.recv_many(&mut batch, STORE_BATCH).await > 0 {
        let (requests, stored) = store(std::mem::take(&mut batch)).await;
        if let Err(error) = stored {
            report(sink, requests.len(), &error);
        }
    }
}

fn hand_on<S: ReceiverSink>(
    sink: &mut S,
    requests: &[ReceivedRequest],
    stored: Result<Vec<HistoryEntry>>,
) {
    let entries = match stored {
        Ok(entries) => entries,
        Err(error) => {
            report(sink, requests.len(), &error);
            Vec::new()
        }
    };
    sink.forward(requests, entries);
}

fn report<S: ReceiverSink>(sink: &mut S, count: usize, error: &CoreError) {
    tracing::warn!(
        target: "textgate::receiver", count, code = %error.code(), %error,
        "received requests not kept in the history"
    );
    sink.not_recorded(count, error);
}

async fn next_tick(tick: &mut Option<tokio::time::Interval>) {
    match tick {
        Some(tick) => {
            tick.tick().await;
        }
        None => std::future::pending().await,
    }
}

#[cfg(test)]
#[path = "receiver_session_tests.rs"]
mod tests;
