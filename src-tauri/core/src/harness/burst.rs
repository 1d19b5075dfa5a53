//! A burst: many distinct signed text messages POSTed to one gateway URI, at most a given
//! number in flight, to see how the gateway (and Webitel behind it) holds up under load. Every
//! request goes through [`delivery::deliver`], so a burst signs and times exactly like a single
//! send. A fixed pool of workers pulls message numbers from a shared counter (no task per
//! request, however large the burst), and the report gives throughput, latency percentiles from
//! an HDR histogram, a small histogram for a plot and the failures grouped by kind.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde::Serialize;
use ts_rs::TS;

use super::delivery::{self, Exchange, FailureKind, Signing};
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

/// Latencies above this (an hour, in microseconds) are counted at this value.
const HIGHEST_MICROS: u64 = 3_600_000_000;

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

/// Latency of the answered requests, in microseconds (all 0 when none was answered).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LatencySummary {
    /// How many requests got an HTTP answer (the latencies are theirs).
    pub answered: u32,
    #[ts(type = "number")]
    pub min_micros: u64,
    pub mean_micros: f64,
    #[ts(type = "number")]
    pub p50_micros: u64,
    #[ts(type = "number")]
    pub p90_micros: u64,
    #[ts(type = "number")]
    pub p99_micros: u64,
    #[ts(type = "number")]
    pub max_micros: u64,
}

/// One kind of failure and how often it happened: `http 403`, `connect`, `timeout`, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorCount {
    pub kind: String,
    pub count: u32,
}

/// Answered requests that took at most `upper_micros` (and more than the previous bucket's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistogramBucket {
    #[ts(type = "number")]
    pub upper_micros: u64,
    pub count: u32,
}

/// What a burst did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BurstReport {
    pub url: String,
    pub sent: u32,
    /// Answered 2xx.
    pub succeeded: u32,
    pub concurrency: u32,
    /// From the first request to the last answer.
    #[ts(type = "number")]
    pub elapsed_micros: u64,
    /// Requests finished per second.
    pub throughput: f64,
    pub latency: LatencySummary,
    /// Most frequent first.
    pub errors: Vec<ErrorCount>,
    /// Up to [`HISTOGRAM_BUCKETS`] log-spaced buckets from the fastest to the slowest answer.
    pub histogram: Vec<HistogramBucket>,
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

/// What one worker saw; merged at the end.
struct Tally {
    latencies: Histogram<u64>,
    succeeded: u32,
    errors: BTreeMap<String, u32>,
}

impl Tally {
    fn new() -> Self {
        Self {
            latencies: Histogram::new_with_bounds(1, HIGHEST_MICROS, 3)
                .expect("1 µs ..= 1 h at 3 significant digits is a valid histogram"),
            succeeded: 0,
            errors: BTreeMap::new(),
        }
    }

    fn add(&mut self, exchange: &Exchange) {
        if exchange.status.is_some() {
            self.latencies
                .saturating_record(exchange.elapsed_micros.clamp(1, HIGHEST_MICROS));
        }
        match (exchange.status, &exchange.failure) {
            _ if exchange.delivered() => self.succeeded += 1,
            (Some(status), _) => *self.errors.entry(format!("http {status}")).or_default() += 1,
            (None, failure) => {
                let kind = failure.as_ref().map_or(FailureKind::Other, |f| f.kind);
                *self.errors.entry(failure_label(kind).into()).or_default() += 1;
            }
        }
    }

    fn merge(&mut self, other: Tally) {
        // Same bounds on both sides: adding cannot fail.
        let _ = self.latencies.add(&other.latencies);
        self.succeeded += other.succeeded;
        for (kind, count) in other.errors {
            *self.errors.entry(kind).or_default() += count;
        }
    }
}

fn failure_label(kind: FailureKind) -> &'static str {
    match kind {
        FailureKind::Connect => "connect",
        FailureKind::Timeout => "timeout",
        FailureKind::InvalidUrl => "invalidUrl",
        FailureKind::Other => "other",
    }
}

/// Counters the workers bump and the progress reporter reads.
#[derive(Default)]
struct Counters {
    next: AtomicU32,
    sent: AtomicU32,
    succeeded: AtomicU32,
}

/// Sends the plan's messages and reports on them. `progress` is called from this task (never
/// from a worker) about every [`PROGRESS_EVERY`], and once more with `sent == count` at the end.
pub async fn run(
    client: &reqwest::Client,
    plan: BurstPlan,
    progress: impl Fn(BurstProgress) + Send + Sync,
) -> Result<BurstReport, BurstError> {
    let plan = Arc::new(plan.checked()?);
    let counters = Arc::new(Counters::default());
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
    let mut tally = Tally::new();
    let mut ticker = tokio::time::interval(PROGRESS_EVERY);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    loop {
        tokio::select! {
            joined = workers.join_next() => match joined {
                Some(Ok(worker)) => tally.merge(worker),
                // A worker cannot panic on input; if the runtime cancelled it, its requests
                // are simply not counted.
                Some(Err(_)) => {}
                None => break,
            },
            _ = ticker.tick() => progress(snapshot(&counters)),
        }
    }
    let elapsed = started.elapsed();
    progress(snapshot(&counters));
    Ok(report(&plan, tally, elapsed))
}

async fn work(client: &reqwest::Client, plan: &BurstPlan, counters: &Counters) -> Tally {
    let mut tally = Tally::new();
    let secret = plan.secret.expose().as_bytes();
    loop {
        let n = counters.next.fetch_add(1, Ordering::Relaxed) + 1;
        if n > plan.count {
            return tally;
        }
        let exchange =
            delivery::deliver(client, &plan.url, &plan.body(n), secret, Signing::Correct).await;
        tally.add(&exchange);
        if exchange.delivered() {
            counters.succeeded.fetch_add(1, Ordering::Relaxed);
        }
        counters.sent.fetch_add(1, Ordering::Relaxed);
    }
}

fn report(plan: &BurstPlan, tally: Tally, elapsed: Duration) -> BurstReport {
    let sent = tally.succeeded + tally.errors.values().sum::<u32>();
    let seconds = elapsed.as_secs_f64();
    let mut errors: Vec<ErrorCount> = tally
        .errors
        .into_iter()
        .map(|(kind, count)| ErrorCount { kind, count })
        .collect();
    errors.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
    BurstReport {
        url: plan.url.clone(),
        sent,
        succeeded: tally.succeeded,
        concurrency: plan.concurrency,
        elapsed_micros: micros(elapsed),
        throughput: if seconds > 0.0 {
            f64::from(sent) / seconds
        } else {
            0.0
        },
        latency: summary(&tally.latencies),
        errors,
        histogram: buckets(&tally.latencies),
    }
}

fn summary(latencies: &Histogram<u64>) -> LatencySummary {
    if latencies.is_empty() {
        return LatencySummary::default();
    }
    LatencySummary {
        answered: u32::try_from(latencies.len()).unwrap_or(u32::MAX),
        min_micros: latencies.min(),
        mean_micros: latencies.mean(),
        p50_micros: latencies.value_at_quantile(0.5),
        p90_micros: latencies.value_at_quantile(0.9),
        p99_micros: latencies.value_at_quantile(0.99),
        max_micros: latencies.max(),
    }
}

/// Log-spaced buckets from the fastest to the slowest answer; their counts sum to the answers.
fn buckets(latencies: &Histogram<u64>) -> Vec<HistogramBucket> {
    if latencies.is_empty() {
        return Vec::new();
    }
    let (low, high) = (latencies.min().max(1) as f64, latencies.max());
    let ratio = high as f64 / low;
    let mut uppers: Vec<u64> = (1..=HISTOGRAM_BUCKETS)
        .map(|i| (low * ratio.powf(i as f64 / HISTOGRAM_BUCKETS as f64)).ceil() as u64)
        .collect();
    uppers.push(high);
    uppers.sort_unstable();
    uppers.dedup();
    uppers.retain(|upper| *upper <= high);
    let mut counts = vec![0u64; uppers.len()];
    for value in latencies.iter_recorded() {
        let at = uppers
            .partition_point(|upper| *upper < value.value_iterated_to())
            .min(uppers.len() - 1);
        counts[at] += value.count_at_value();
    }
    uppers
        .into_iter()
        .zip(counts)
        .map(|(upper_micros, count)| HistogramBucket {
            upper_micros,
            count: u32::try_from(count).unwrap_or(u32::MAX),
        })
        .collect()
}

fn micros(elapsed: Duration) -> u64 {
    u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX)
}

#[cfg(test)]
#[path = "burst_tests.rs"]
mod tests;
