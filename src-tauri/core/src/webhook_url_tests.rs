//! Unit tests of `webhook_url.rs`.

use super::*;

#[test]
fn builds_the_chat_url_from_a_server_base() {
    let cases = [
        (
            "https://cloud.example.com",
            "/abc",
            "https://cloud.example.com/chat/abc",
        ),
        (
            "https://cloud.example.com/",
            "/abc",
            "https://cloud.example.com/chat/abc",
        ),
        ("https://host:8443//", "abc", "https://host:8443/chat/abc"),
        ("https://host", "/a/b", "https://host/chat/a/b"),
    ];
    for (base, uri, expected) in cases {
        assert_eq!(webhook_url(Some(base), uri), expected, "{base} + {uri}");
    }
}

#[test]
fn without_a_server_the_uri_is_returned() {
    assert_eq!(
        webhook_url(None, "/oprzxtblgubhixwsvewqupzjpgalsrl"),
        "/oprzxtblgubhixwsvewqupzjpgalsrl"
    );
}
