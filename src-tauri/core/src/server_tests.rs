//! Unit tests of `server.rs`.

use super::*;

#[test]
fn plain_http_off_this_computer_is_warned_about() {
    let warned = plain_http_warning("http://webitel.example.com").unwrap();
    assert!(warned.starts_with("Plain http"), "{warned}");
    assert!(plain_http_warning("http://10.0.0.5:8080").is_some());
    for quiet in [
        "https://webitel.example.com",
        "http://127.0.0.1:8080",
        "http://localhost:3000",
        "http://[::1]:8080",
    ] {
        assert_eq!(plain_http_warning(quiet), None, "{quiet}");
    }
}
