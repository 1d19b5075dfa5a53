//! The one place "now" comes from (issue G): wall-clock time since the Unix epoch, for stored
//! timestamps (`created_at`, `updated_at`, history entries), the dates of composed chat events
//! and the signature schemes' timestamps. It depends on nothing of core, so every module may use
//! it without an import cycle. Durations and timeouts use `std::time::Instant`, not this.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch (0 on a clock set before 1970).
pub fn now_millis() -> i64 {
    millis(since_epoch())
}

/// Whole seconds since the Unix epoch (0 on a clock set before 1970), as Webitel's event
/// dates and the signature schemes' timestamps count them.
pub fn now_secs() -> i64 {
    secs(since_epoch())
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

fn millis(elapsed: Duration) -> i64 {
    i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
}

fn secs(elapsed: Duration) -> i64 {
    i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
}

#[cfg(test)]
#[path = "clock_tests.rs"]
mod tests;
