//! Unit tests of `diagnostics.rs`.

use super::*;

#[test]
fn the_text_has_every_fact_on_its_own_line() {
    let diagnostics = Diagnostics::collect(Facts {
        program: "Textgate".into(),
        webview: Some("WebKitGTK 2.48.1".into()),
        keychain: "Secret Service (D-Bus)".into(),
        keychain_error: None,
        data_dir: Some("/home/ann/.local/share/com.textgate.desktop".into()),
        log_dir: Some("/home/ann/.local/share/com.textgate.desktop/logs".into()),
    });
    let text = diagnostics.to_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!("Textgate {} (commit {COMMIT})", env!("CARGO_PKG_VERSION"))
    );
    assert!(lines[1].starts_with("OS: ") && lines[1].ends_with(std::env::consts::ARCH));
    assert_eq!(lines[2], "Web view: WebKitGTK 2.48.1");
    assert_eq!(lines[3], "Keychain: Secret Service (D-Bus): available");
    assert_eq!(
        lines[5],
        "Log folder: /home/ann/.local/share/com.textgate.desktop/logs"
    );
    assert_eq!(lines.len(), 6);
}

#[test]
fn the_commit_is_never_empty() {
    assert!(!COMMIT.trim().is_empty());
    assert!(
        COMMIT.chars().all(|c| c.is_ascii_alphanumeric()),
        "{COMMIT}"
    );
}
