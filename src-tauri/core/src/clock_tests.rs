//! Unit tests of `clock.rs`.

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
