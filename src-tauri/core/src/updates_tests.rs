//! Unit tests of `updates.rs`.

use super::*;

#[test]
fn the_env_feed_wins_over_the_settings_feed() {
    let chosen = feed_override(
        Some("http://127.0.0.1:9/latest.json"),
        Some("https://mirror.example.com/latest.json"),
    )
    .unwrap();
    assert_eq!(chosen.unwrap().as_str(), "http://127.0.0.1:9/latest.json");
    let chosen = feed_override(Some("  "), Some("https://mirror.example.com/l.json")).unwrap();
    assert_eq!(
        chosen.unwrap().as_str(),
        "https://mirror.example.com/l.json"
    );
    assert_eq!(feed_override(None, None).unwrap(), None);
}

#[test]
fn unusable_feeds_are_update_feed_errors_that_show_no_credentials() {
    let error = feed_override(Some("ftp://example.com/latest.json"), None).unwrap_err();
    assert_eq!(error.code(), "update_feed");
    let error = feed_override(None, Some("http://mirror.example.com/x.json")).unwrap_err();
    assert!(error.to_string().contains("https://"), "{error}");
    assert_eq!(
        shown_feed("https://user:pw@example.com/feed.json?token=abc#x"),
        "https://example.com/feed.json"
    );
}
