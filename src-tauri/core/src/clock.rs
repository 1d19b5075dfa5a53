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
mod tests {
    use super::*;

    #[test]
    fn seconds_and_millis_count_the_same_instant() {
        let elapsed = Duration::from_millis(1_764_604_800_999);
        assert_eq!(millis(elapsed), 1_764_604_800_999);
        assert_eq!(secs(elapsed), 1_764_604_800);
    }

    #[test]
    fn a_duration_past_i64_saturates_instead_of_wrapping() {
        let huge = Duration::from_secs(u64::MAX);
        assert_eq!(millis(huge), i64::MAX);
        assert_eq!(secs(huge), i64::MAX);
    }

    #[test]
    fn now_is_a_real_wall_clock_reading() {
        // 2020-01-01T00:00:00Z: a reading before it is a zero or a broken conversion.
        assert!(now_secs() >= 1_577_836_800, "{}", now_secs());
        assert!(now_millis() / 1000 >= now_secs() - 1);
    }
}
