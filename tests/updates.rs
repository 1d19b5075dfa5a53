//! The update commands against a feed this test serves on 127.0.0.1, through Tauri's updater
//! plugin on the mock runtime (no window): the plugin fetches, downloads and verifies; the keys
//! are generated here and never stored. Plain http is allowed only by this test's updater
//! configuration (`dangerousInsecureTransportProtocol`).

#[path = "updates/feed.rs"]
mod feed;
#[path = "updates/harness.rs"]
mod harness;

use feed::{artifact, latest_json, FeedServer, TestKey};
use harness::{app, TestApp, RUNNING};
use serde_json::json;
use textgate_app::error::IpcError;
use textgate_app::updater::{AvailableUpdate, DownloadedUpdate};

/// A feed offering `version` whose artifact is `served` and whose signature is `signature`.
fn release(server: &FeedServer, version: &str, served: &[u8], signature: &str) {
    server.serve("/bundle.tar.gz", 200, served.to_vec());
    let url = server.url("/bundle.tar.gz");
    server.serve("/latest.json", 200, latest_json(version, &url, signature));
}

fn refused(outcome: Result<DownloadedUpdate, IpcError>) -> IpcError {
    outcome.expect_err("the download must be refused")
}

#[test]
fn a_signed_newer_version_is_offered_and_downloaded_with_its_bytes_verified() {
    let (key, server) = (TestKey::generate(), FeedServer::start());
    let bytes = artifact();
    release(&server, "1.3.0", &bytes, &key.sign(&bytes, "1.3.0"));
    let app = app(&key.pubkey(), &server.url("/latest.json"), None);

    let offered = app.check().unwrap().expect("1.3.0 is newer than 1.2.0");
    assert_eq!(
        offered,
        AvailableUpdate {
            version: "1.3.0".into(),
            current_version: RUNNING.into(),
            notes: Some("Textgate 1.3.0: fixes".into()),
            date: Some("2026-11-30T12:00:00Z".into()),
        }
    );
    let (downloaded, progress) = app.download();
    let downloaded = downloaded.unwrap();
    assert_eq!(downloaded.version, "1.3.0");
    assert_eq!(downloaded.bytes, bytes.len() as u64);
    assert!(progress.len() >= 2, "{progress:?}");
    assert!(progress
        .windows(2)
        .all(|w| w[0].downloaded <= w[1].downloaded));
    let last = progress.last().unwrap();
    assert_eq!(last.downloaded, bytes.len() as u64);
    assert_eq!(last.total, Some(bytes.len() as u64));
    assert_eq!(
        server.requests(),
        ["/latest.json", "/bundle.tar.gz"],
        "one check, one download"
    );
}

#[test]
fn the_same_or_an_older_version_is_not_offered() {
    let (key, server) = (TestKey::generate(), FeedServer::start());
    let bytes = artifact();
    let app = app(&key.pubkey(), &server.url("/latest.json"), None);
    for version in [RUNNING, "1.1.9", "0.9.0"] {
        release(&server, version, &bytes, &key.sign(&bytes, version));
        assert_eq!(app.check().unwrap(), None, "{version} is not newer");
    }
    let error = app.download().0.unwrap_err();
    assert_eq!(error.code, "update_none", "{error:?}");
    assert!(!server.requests().contains(&"/bundle.tar.gz".to_string()));
}

#[test]
fn a_tampered_artifact_is_refused_with_a_clear_message_and_cannot_be_installed() {
    let (key, server) = (TestKey::generate(), FeedServer::start());
    let bytes = artifact();
    let signature = key.sign(&bytes, "1.3.0");
    let mut tampered = bytes.clone();
    tampered[123_456] ^= 0x01;
    release(&server, "1.3.0", &tampered, &signature);
    let app = app(&key.pubkey(), &server.url("/latest.json"), None);

    assert!(app.check().unwrap().is_some());
    let error = refused(app.download().0);
    assert_eq!(error.code, "update_signature", "{error:?}");
    assert!(
        error
            .message
            .starts_with("The update was refused: its signature does not match"),
        "{}",
        error.message
    );
    assert!(error.message.contains("Nothing was installed"));
    let error = app.install().unwrap_err();
    assert_eq!(error.code, "update_not_downloaded", "{error:?}");
}

#[test]
fn a_signature_by_another_key_is_refused() {
    let (key, intruder, server) = (
        TestKey::generate(),
        TestKey::generate(),
        FeedServer::start(),
    );
    let bytes = artifact();
    release(&server, "1.3.0", &bytes, &intruder.sign(&bytes, "1.3.0"));
    let app = app(&key.pubkey(), &server.url("/latest.json"), None);
    assert!(app.check().unwrap().is_some());
    let error = refused(app.download().0);
    assert_eq!(error.code, "update_signature", "{error:?}");
    assert!(
        error.message.contains("signed by someone else"),
        "{}",
        error.message
    );
}

#[test]
fn an_old_release_announced_as_a_new_version_is_refused() {
    // A genuine, correctly signed 1.1.0 artifact replayed under a feed that says 1.3.0.
    let (key, server) = (TestKey::generate(), FeedServer::start());
    let bytes = artifact();
    release(&server, "1.3.0", &bytes, &key.sign(&bytes, "1.1.0"));
    let app = app(&key.pubkey(), &server.url("/latest.json"), None);
    assert!(app.check().unwrap().is_some());
    let error = refused(app.download().0);
    assert_eq!(error.code, "update_signature", "{error:?}");
    assert!(error.message.contains("1.1.0"), "{}", error.message);
}

#[test]
fn a_build_without_a_key_says_updates_are_not_configured_and_asks_nothing() {
    let (key, server) = (TestKey::generate(), FeedServer::start());
    let bytes = artifact();
    release(&server, "1.3.0", &bytes, &key.sign(&bytes, "1.3.0"));
    let app = app("", &server.url("/latest.json"), None);
    let error = app.check().unwrap_err();
    assert_eq!(error.code, "update_not_configured");
    assert!(
        error
            .message
            .starts_with("Updates are not configured for this build"),
        "{}",
        error.message
    );
    assert_eq!(app.download().0.unwrap_err().code, "update_not_configured");
    assert_eq!(app.startup_check().unwrap(), None, "no nagging at start");
    assert!(server.requests().is_empty(), "{:?}", server.requests());
}

#[test]
fn an_unreachable_or_broken_feed_is_an_update_feed_error_naming_the_feed() {
    let (key, server) = (TestKey::generate(), FeedServer::start());
    let app = app(&key.pubkey(), &server.url("/latest.json"), None);
    for (status, body, words) in [
        (200, "{\"version\": ", "decoding"),
        (
            200,
            "{\"version\": \"1.3.0\", \"platforms\": {}}",
            "platform",
        ),
        (500, "oops", "release"),
    ] {
        server.serve("/latest.json", status, body);
        let error = app.check().unwrap_err();
        assert_eq!(error.code, "update_feed", "{body}: {error:?}");
        assert!(
            error.message.starts_with(&format!(
                "Could not check for updates at {}: ",
                server.url("/latest.json")
            )),
            "{}",
            error.message
        );
        assert!(
            error.message.to_lowercase().contains(words),
            "{}",
            error.message
        );
    }
}

#[test]
fn the_settings_choose_the_feed_and_the_start_check_and_the_env_feed_wins() {
    let (key, server) = (TestKey::generate(), FeedServer::start());
    let bytes = artifact();
    release(&server, "1.3.0", &bytes, &key.sign(&bytes, "1.3.0"));
    let app = app(&key.pubkey(), &server.url("/latest.json"), None);

    assert_eq!(app.startup_check().unwrap(), None);
    assert!(
        server.requests().is_empty(),
        "the check at start is opt-in: off by default"
    );
    app.save_settings(json!({"checkUpdatesOnStart": true}));
    app.save_settings(json!({"checkUpdatesOnStart": false}));
    assert_eq!(app.startup_check().unwrap(), None);
    assert!(server.requests().is_empty(), "the check at start is off");
    app.save_settings(json!({"checkUpdatesOnStart": true}));
    assert_eq!(app.startup_check().unwrap().unwrap().version, "1.3.0");

    // A feed in the settings replaces the configured one: nothing listens on it.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    app.save_settings(json!({ "updateFeed": format!("https://127.0.0.1:{port}/mirror.json") }));
    let error = app.check().unwrap_err();
    assert_eq!(error.code, "update_feed");
    assert!(
        error.message.starts_with(&format!(
            "Could not check for updates at https://127.0.0.1:{port}/mirror.json: "
        )),
        "{}",
        error.message
    );
    assert_eq!(
        error.message.matches("mirror.json").count(),
        1,
        "the feed is named once: {}",
        error.message
    );

    // TEXTGATE_UPDATE_FEED (read at start) wins over the settings' feed.
    let env_app = app_with_settings_feed(&key, &server, port);
    assert_eq!(env_app.check().unwrap().unwrap().version, "1.3.0");
}

fn app_with_settings_feed(key: &TestKey, server: &FeedServer, port: u16) -> TestApp {
    let app = app(
        &key.pubkey(),
        "https://updates.invalid/latest.json",
        Some(server.url("/latest.json")),
    );
    app.save_settings(json!({ "updateFeed": format!("https://127.0.0.1:{port}/mirror.json") }));
    app
}
