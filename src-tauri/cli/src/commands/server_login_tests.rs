use super::*;

const DAY: i64 = 24 * 3600 * 1000;

#[test]
fn expiry_is_worded_in_the_largest_whole_unit() {
    let now = 1_000_000_000_000;
    assert_eq!(expiry_words(None, now), "-");
    assert_eq!(expiry_words(Some(now), now), "expired");
    assert_eq!(expiry_words(Some(now - DAY), now), "expired");
    assert_eq!(expiry_words(Some(now + 5 * DAY + 10), now), "in 5 days");
    assert_eq!(expiry_words(Some(now + DAY), now), "in 1 day");
    assert_eq!(expiry_words(Some(now + 3 * 3600 * 1000), now), "in 3 hours");
    assert_eq!(expiry_words(Some(now + 1000), now), "in 1 minute");
    // A moment after a 30-day token was made it still says 30 days.
    assert_eq!(expiry_words(Some(now + 30 * DAY - 5000), now), "in 30 days");
}

#[test]
fn permissions_are_worded_as_the_actions_allowed() {
    assert_eq!(permission_words(None), "-");
    let read_only = GatewayPermissions {
        read: true,
        ..GatewayPermissions::default()
    };
    assert_eq!(permission_words(Some(read_only)), "read");
    assert_eq!(
        permission_words(Some(GatewayPermissions::default())),
        "none"
    );
    let all = GatewayPermissions {
        create: true,
        read: true,
        update: true,
        delete: true,
    };
    assert_eq!(permission_words(Some(all)), "create read update delete");
}
