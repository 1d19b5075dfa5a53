//! Unit tests of `http_setup.rs`.

use super::*;

#[test]
fn loopback_addresses() {
    for url in [
        "http://127.0.0.1:8080/x",
        "http://127.5.0.1/",
        "http://[::1]:9/",
        "http://localhost:3000",
        "https://api.localhost/",
    ] {
        assert!(is_loopback(&Url::parse(url).unwrap()), "{url}");
    }
    for url in [
        "http://10.0.0.1/",
        "https://cloud.example.com",
        "http://[::2]/",
    ] {
        assert!(!is_loopback(&Url::parse(url).unwrap()), "{url}");
    }
}

#[test]
fn blank_or_broken_pem_text() {
    assert!(build_trusting(reqwest::Client::builder(), Some("  \n")).is_ok());
    let broken = build_trusting(reqwest::Client::builder(), Some("not a certificate"));
    assert!(matches!(broken, Err(HttpSetupError::InvalidCertificate(_))));
    let garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    let refused = build_trusting(reqwest::Client::builder(), Some(garbage));
    assert!(
        matches!(refused, Err(HttpSetupError::InvalidCertificate(_))),
        "{refused:?}"
    );
}
