//! A burst: many distinct signed text messages POSTed to one gateway URI, at most a given
//! number in flight, to see how the gateway (and Webitel behind it) holds up under load. Every
//! request goes through [`delivery::deliver`], so a burst signs and times exactly like a single
//! send. A fixed pool of workers pulls message numbers from a shared counter (no task per
//! request, however large the burst), and the report gives throughput, latency percentiles from
//! an HDR histogram, a small histogram for a plot and the failures grouped by kind.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

use super::delivery::{self, Signing};
use crate::chat::go_json;
use crate::chat::wire::{Event, Message, Sender};
use crate::sensitive::Sensitive;

/// The largest burst one plan may ask for.
pub const MAX_COUNT: u32 = 1_000_000;
/// The most requests in flight at once.
pub const MAX_CONCURRENCY: u32 = 1000;
/// Buckets in the report's latency histogram.
pub const HISTOGRAM_BUCKETS: usize = 20;
/// How often progress is reported while the burst runs.
pub const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// What to send, where and how hard.
#[derive(Debug, Clone)]
pub struct BurstPlan {
    /// The gateway URI (or any http(s) target).
    pub url: String,
    /// The app secret that signs every body.
    pub secret: Sensitive<String>,
    /// How many messages to send.
    pub count: u32,
    /// At most this many requests in flight (capped at `count`).
    pub concurrency: u32,
    /// Chat ids are `<chat_prefix>-<k>` and sender ids `<chat_prefix>-user-<k>`.
    pub chat_prefix: String,
    /// Messages are spread round-robin over this many chats (1 = all in one chat).
    pub chats: u32,
}

/// Why a plan cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BurstError {
    #[error("The count must be between 1 and {MAX_COUNT}, not {0}")]
    Count(u32),
    #[error("The concurrency must be between 1 and {MAX_CONCURRENCY}, not {0}")]
    Concurrency(u32),
    #[error("The number of chats must be between 1 and the count, not {0}")]
    Chats(u32),
    #[error("\u{201c}{0}\u{201d} is not an http(s) URL to send to")]
    Url(String),
}

/// Where a running burst is; reported about every [`PROGRESS_EVERY`] and once at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BurstProgress {
    /// Requests finished (answered or failed).
    pub sent: u32,
    /// Of those, answered 2xx.
    pub succeeded: u32,
    pub total: u32,
    #[ts(type = "number")]
    pub elapsed_micros: u64,
}

impl BurstPlan {
    /// The plan as it will run (concurrency capped at the count), or why it cannot.
    fn checked(mut self) -> Result<Self, BurstError> {
        if !(1..=MAX_COUNT).contains(&self.count) {
            return Err(BurstError::Count(self.count));
        }
        if !(1..=MAX_CONCURRENCY).contains(&self.concurrency) {
            return Err(BurstError::Concurrency(self.concurrency));
        }
        if !(1..=self.count).contains(&self.chats) {
            return Err(BurstError::Chats(self.chats));
        }
        match reqwest::Url::parse(&self.url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => {}
            _ => return Err(BurstError::Url(self.url)),
        }
        self.concurrency = self.concurrency.min(self.count);
        Ok(self)
    }

    /// The `n`th message (1-based), encoded as Go would: the exact bytes that are signed.
    pub fn body(&self, n: u32) -> Vec<u8> {
        let chat = (n - 1) % self.chats.max(1) + 1;
        let event = Event {
            message: Some(Message {
                id: format!("burst-{n}"),
                chat_id: format!("{}-{chat}", self.chat_prefix),
                sender: Some(Sender {
                    id: format!("{}-user-{chat}", self.chat_prefix),
                    kind: "web".into(),
                    ..Sender::default()
                }),
                text: format!("burst message {n}"),
                ..Message::default()
            }),
            ..Event::default()
        };
        // Plain strings cannot fail to encode.
        go_json::encode(&event).unwrap_or_default()
    }
}

/// Counters the workers bump and the progress reporter reads.
struct Counters {
    next: AtomicU32,
    sent: AtomicU32,
    succeeded: AtomicU32,
    tally: Mutex<Tally>,
}

impl Counters {
    fn tally(&self) -> std::sync::MutexGuard<'_, Tally> {
        self.tally
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Sends the plan's messages and reports on them. `progress` is called from this task (never
/// from a worker) about every [`PROGRESS_EVERY`], and once more with `sent == count` at the end.
pub async fn run(
    client: &delivery::HarnessClient,
    plan: BurstPlan,
    progress: impl Fn(BurstProgress) + Send + Sync,
) -> Result<BurstReport, BurstError> {
    let plan = Arc::new(plan.checked()?);
    let counters = Arc::new(Counters {
        next: AtomicU32::new(0),
        sent: AtomicU32::new(0),
        succeeded: AtomicU32::new(0),
        tally: Mutex::new(Tally::new()),
    });
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..plan.concurrency {
        let (client, plan, counters) = (client.clone(), plan.clone(), counters.clone());
        workers.spawn(async move { work(&client, &plan, &counters).await });
    }
    let snapshot = |counters: &Counters| BurstProgress {
        sent: counters.sent.load(Ordering::Relaxed),
        succeeded: counters.succeeded.load(Ordering::Relaxed),
        total: plan.count,
        elapsed_micros: micros(started.elapsed()),
    };
    let mut ticker = tokio::time::interval(PROGRESS_EVERY);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    loop {
        tokio::select! {
            joined = workers.join_next() => match joined {
                // A worker cannot panic on input; if the runtime cancelled one, the others
                // still finish the plan.
                Some(_) => {}
                None => break,
            },
            _ = ticker.tick() => progress(snapshot(&counters)),
        }
    }
    let elapsed = started.elapsed();
    progress(snapshot(&counters));
    let tally = std::mem::replace(&mut *counters.tally(), Tally::new());
    Ok(report::report(&plan, tally, elapsed))
}

async fn work(client: &delivery::HarnessClient, plan: &BurstPlan, counters: &Counters) {
    let secret = plan.secret.expose().as_bytes();
    loop {
        let n = counters.next.fetch_add(1, Ordering::Relaxed) + 1;
        if n > plan.count {
            return;
        }
        let exchange =
            delivery::deliver(client, &plan.url, &plan.body(n), secret, Signing::Correct).await;
        counters.tally().add(&exchange);
        if exchange.delivered() {
            counters.succeeded.fetch_add(1, Ordering::Relaxed);
        }
        counters.sent.fetch_add(1, Ordering::Relaxed);
    }
}

#[path = "burst_report.rs"]
mod report;
use report::{micros, Tally};
pub use report::{BurstReport, ErrorCount, HistogramBucket, LatencySummary};

#[cfg(test)]
#[path = "burst_tests.rs"]
mod tests;
