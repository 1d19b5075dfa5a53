//! A burst's statistics: the report a burst ends with and the tally its workers fill in as
//! answers come — latency in an HDR histogram (percentiles without keeping every sample), a
//! small log-spaced histogram for a plot, and failures grouped by HTTP status or failure kind.

use std::collections::BTreeMap;
use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;
use ts_rs::TS;

use super::{BurstPlan, HISTOGRAM_BUCKETS};
use crate::harness::delivery::{Exchange, FailureKind};

/// Latencies above this (an hour, in microseconds) are counted at this value.
const HIGHEST_MICROS: u64 = 3_600_000_000;

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

/// What the workers saw, shared behind one lock (held for a few counter bumps per request: far
/// below a request's cost, and one histogram instead of one per worker keeps memory flat).
pub(super) struct Tally {
    latencies: Histogram<u64>,
    succeeded: u32,
    errors: BTreeMap<String, u32>,
}

impl Tally {
    pub(super) fn new() -> Self {
        Self {
            latencies: Histogram::new_with_bounds(1, HIGHEST_MICROS, 3)
                .expect("1 µs ..= 1 h at 3 significant digits is a valid histogram"),
            succeeded: 0,
            errors: BTreeMap::new(),
        }
    }

    pub(super) fn add(&mut self, exchange: &Exchange) {
        if exchange.status.is_some() {
            self.latencies
                .saturating_record(exchange.elapsed_micros.clamp(1, HIGHEST_MICROS));
        }
        match (exchange.status, &exchange.failure) {
            _ if exchange.delivered() => self.succeeded += 1,
            (Some(status), _) => *self.errors.entry(format!("http {status}")).or_default() += 1,
            (None, failure) => {
                let kind = failure.as_ref().map_or(FailureKind::Other, |f| f.kind);
                *self.errors.entry(kind.as_str().into()).or_default() += 1;
            }
        }
    }
}

pub(super) fn report(plan: &BurstPlan, tally: Tally, elapsed: Duration) -> BurstReport {
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

pub(super) fn micros(elapsed: Duration) -> u64 {
    u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX)
}
