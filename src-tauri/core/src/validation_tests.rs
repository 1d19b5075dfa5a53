//! Table-driven checks of every field rule.

use super::*;
use crate::profile::FlowRef;
use crate::sensitive::Sensitive;

#[test]
fn name_rules() {
    let long = "n".repeat(101);
    let max = "n".repeat(100);
    let cyrillic = "Ж".repeat(100); // 100 characters, 200 bytes: still fits
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("Support bot", Ok("Support bot")),
        ("  padded  ", Ok("padded")),
        ("", Err("Name is required")),
        ("   ", Err("Name is required")),
        (&max, Ok(&max)),
        (&cyrillic, Ok(&cyrillic)),
        (&long, Err("Name is too long: 101 characters (at most 100)")),
        (
            "two\nlines",
            Err("Name must not contain line breaks or control characters"),
        ),
    ];
    for (input, expected) in cases {
        let got = check_name(input).map_err(|issue| issue.to_string());
        assert_eq!(
            got.as_deref().map_err(String::as_str),
            *expected,
            "name {input:?}"
        );
    }
}

#[test]
fn uri_rules() {
    let cases: &[(&str, Result<&str, &str>)] = &[
        (
            "/oprzxtblgubhixwsvewqupzjpgalsrl",
            Ok("/oprzxtblgubhixwsvewqupzjpgalsrl"),
        ),
        ("/my-bot_v2.0~x", Ok("/my-bot_v2.0~x")),
        ("/a/b", Ok("/a/b")),
        (" /trimmed ", Ok("/trimmed")),
        ("", Err("URI is required")),
        ("abc", Err("URI must start with /")),
        ("/", Err("URI needs a path after the /")),
        ("/abc?x=1", Err("URI must not contain a query (?)")),
        ("/abc#top", Err("URI must not contain a fragment (#)")),
        (
            "/a b",
            Err("URI contains a space: use letters, digits, and - . _ ~ /"),
        ),
        (
            "/caf\u{e9}",
            Err("URI contains '\u{e9}': use letters, digits, and - . _ ~ /"),
        ),
        (
            "/a%20b",
            Err("URI contains '%': use letters, digits, and - . _ ~ /"),
        ),
        ("/a/../b", Err("URI must not contain . or .. segments")),
    ];
    for (input, expected) in cases {
        let got = check_uri(input).map_err(|issue| issue.to_string());
        assert_eq!(
            got.as_deref().map_err(String::as_str),
            *expected,
            "uri {input:?}"
        );
    }
    assert!(check_uri(&format!("/{}", "a".repeat(300))).is_err());
}

#[test]
fn callback_rules() {
    let cases: &[(&str, Result<bool, &str>)] = &[
        // Ok(true) means valid with a plain-http warning.
        ("https://bot.example.com/webitel", Ok(false)),
        ("http://localhost:8080/hook", Ok(false)),
        ("http://127.0.0.1:3000/hook", Ok(false)),
        ("http://[::1]:3000/hook", Ok(false)),
        ("http://api.localhost/hook", Ok(false)),
        ("http://bot.example.com/hook", Ok(true)),
        ("", Err("Callback URL is required")),
        (
            "bot.example.com/hook",
            Err("Callback must be an absolute URL, like https://bot.example.com/webitel"),
        ),
        (
            "ftp://bot.example.com/",
            Err("Callback must use http or https, not ftp"),
        ),
        (
            "https://user:pw@bot.example.com/",
            Err("Callback URL must not contain a user name or password"),
        ),
        (
            "https://user@bot.example.com/",
            Err("Callback URL must not contain a user name or password"),
        ),
        ("https://", Err("Callback is not a valid URL: empty host")),
    ];
    for (input, expected) in cases {
        let got = check_callback(input)
            .map(|c| c.warning.is_some())
            .map_err(|issue| issue.to_string());
        assert_eq!(
            got.as_ref().map_err(String::as_str),
            expected.as_ref().map_err(|e| *e),
            "callback {input:?}"
        );
    }
}

#[test]
fn secret_rules() {
    let cases: &[(&str, Result<(), &str>)] = &[
        ("AbCdEf0123456789AbCdEf0123456789", Ok(())),
        ("short16charsXXXX", Ok(())),
        ("with-symbols_!@#", Ok(())),
        (
            "",
            Err("App secret is required: type one or press Generate"),
        ),
        (
            "has space",
            Err("App secret must not contain spaces, line breaks or control characters"),
        ),
        (
            "trailing\n",
            Err("App secret must not contain spaces, line breaks or control characters"),
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(
            check_secret(input).map_err(|issue| issue.to_string()),
            expected.map_err(str::to_string),
            "secret {input:?}"
        );
    }
    let long = "s".repeat(257);
    let message = check_secret(&long).unwrap_err().to_string();
    assert!(
        !message.contains(&long),
        "the message must not echo the secret"
    );
}

fn draft() -> ProfileDraft {
    ProfileDraft {
        name: " Support ".into(),
        uri: "/abcdefghijklmnopqrstuvwxyzabcde".into(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new("S3cretS3cretS3cretS3cretS3cret00".into()),
        ..ProfileDraft::default()
    }
}

#[test]
fn a_valid_draft_is_normalised() {
    let (valid, warnings) = validate_draft(&draft(), DraftContext::default()).unwrap();
    assert_eq!(valid.name, "Support");
    assert!(warnings.is_empty());
}

#[test]
fn every_broken_field_is_reported_at_once() {
    let mut bad = draft();
    bad.name = String::new();
    bad.uri = "nope".into();
    bad.callback = "ftp://x".into();
    bad.secret = Sensitive::new(String::new());
    bad.enabled = true;
    let issues = validate_draft(&bad, DraftContext::default()).unwrap_err();
    let fields: Vec<ProfileField> = issues.iter().map(|i| i.field).collect();
    assert_eq!(
        fields,
        [
            ProfileField::Name,
            ProfileField::Uri,
            ProfileField::Callback,
            ProfileField::Secret,
            ProfileField::Enabled
        ]
    );
}

#[test]
fn enabling_needs_a_flow() {
    let mut enabled = draft();
    enabled.enabled = true;
    assert!(validate_draft(&enabled, DraftContext::default()).is_err());
    enabled.flow = Some(FlowRef {
        id: 7,
        name: "Support bot".into(),
    });
    assert!(validate_draft(&enabled, DraftContext::default()).is_ok());
}

#[test]
fn plain_http_callback_is_a_warning_not_an_error() {
    let mut http = draft();
    http.callback = "http://bot.example.com/hook".into();
    let (_, warnings) = validate_draft(&http, DraftContext::default()).unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].field, ProfileField::Callback);
    assert_eq!(warnings[0].severity, Severity::Warning);
}

#[test]
fn uri_is_frozen_once_pushed_and_must_be_unique() {
    let saved = Profile {
        id: "p1".into(),
        name: "Support".into(),
        uri: "/original".into(),
        callback: "https://bot.example.com/hook".into(),
        server_id: Some("s1".into()),
        remote_id: Some(42),
        ..Profile::default()
    };
    let mut changed = draft();
    changed.uri = "/changed".into();
    let issues = validate_draft(
        &changed,
        DraftContext {
            existing: Some(&saved),
            uri_used_by: None,
        },
    )
    .unwrap_err();
    assert_eq!(issues[0].field, ProfileField::Uri);
    assert!(issues[0].message.contains("read-only"));

    let taken = validate_draft(
        &draft(),
        DraftContext {
            existing: None,
            uri_used_by: Some("Sales"),
        },
    )
    .unwrap_err();
    assert_eq!(
        taken[0].message,
        "Profile \u{201c}Sales\u{201d} already uses this URI"
    );
}
