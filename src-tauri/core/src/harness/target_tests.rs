//! Unit tests of `target.rs`.

use super::*;

#[test]
fn userinfo_is_removed_from_urls_and_from_text_that_is_not_one() {
    assert_eq!(
        without_userinfo("https://ann:pw@host:8/x?y=1"),
        "https://host:8/x?y=1"
    );
    assert_eq!(without_userinfo("http://ann@host/"), "http://host/");
    assert_eq!(without_userinfo("https://host/a@b"), "https://host/a@b");
    assert_eq!(without_userinfo("ftp://ann:pw@host/x"), "ftp://host/x");
    assert_eq!(without_userinfo("weird://ann:pw@/x"), "weird:///x");
    assert_eq!(without_userinfo("no url at all"), "no url at all");
}

#[test]
fn targets_must_be_http_without_credentials() {
    assert!(check_target("https://gw.example.com/chat/x").is_ok());
    let refused = check_target("https://ann:hunter2@gw.example.com/chat/x").unwrap_err();
    assert!(
        refused.contains("\u{201c}https://gw.example.com/chat/x\u{201d}"),
        "{refused}"
    );
    assert!(!refused.contains("hunter2"), "{refused}");
    assert!(check_target("ftp://gw.example.com/x")
        .unwrap_err()
        .contains("not an http(s) URL"));
    assert!(check_target("nonsense").is_err());
}
