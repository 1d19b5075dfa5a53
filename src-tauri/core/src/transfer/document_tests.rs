//! The document's shape: every draft field is carried, the id, secret and server id never are,
//! and anything but `textgate.profiles/1` is refused with a sentence saying what it is.

use super::*;
use crate::error_code::ErrorCode;
use crate::profile::{FlowRef, Templates};

fn draft() -> ProfileDraft {
    ProfileDraft {
        id: Some("local-id".into()),
        name: "Support".into(),
        uri: "/support-bot".into(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new("never-in-the-document".into()),
        flow: Some(FlowRef {
            id: 7,
            name: "Chat flow".into(),
        }),
        enabled: true,
        templates: Templates {
            title: "Agent {{.Name}}".into(),
            close: "Bye".into(),
            join: "Joined".into(),
            left: "Left".into(),
            file_policy_fail: "No files".into(),
        },
        server_id: Some("server-id".into()),
        notes: "Owner: Ann".into(),
    }
}

#[test]
fn a_profile_carries_every_draft_field_but_the_id_secret_and_server_id() {
    let exported = ExportedProfile::new(&draft(), None);
    let serde_json::Value::Object(all) = serde_json::to_value(draft()).unwrap() else {
        panic!("a draft serializes to an object");
    };
    let mut expected: Vec<&String> = all
        .keys()
        .filter(|key| !LEFT_OUT.contains(&key.as_str()))
        .collect();
    let mut carried: Vec<&String> = exported.fields.keys().collect();
    expected.sort();
    carried.sort();
    assert_eq!(carried, expected);
    let text = Document::new("1.2.3", 0, vec![exported.clone()]).to_text();
    assert!(!text.contains("never-in-the-document"), "{text}");
    assert!(
        !text.contains("local-id") && !text.contains("server-id"),
        "{text}"
    );
    let back = exported.draft().unwrap();
    assert_eq!(
        serde_json::to_value(&back).unwrap(),
        serde_json::to_value(ProfileDraft {
            id: None,
            secret: Sensitive::default(),
            server_id: None,
            ..draft()
        })
        .unwrap()
    );
}

#[test]
fn a_written_document_reads_back() {
    let server = ServerRef {
        name: "Prod".into(),
        url: "https://webitel.example.com".into(),
    };
    let text = Document::new(
        "1.2.3",
        1_764_647_551_000,
        vec![ExportedProfile::new(&draft(), Some(server.clone()))],
    )
    .to_text();
    let read = Document::parse(&text).unwrap();
    assert_eq!(read.format, FORMAT);
    assert_eq!(read.exported_at, "2025-12-02T03:52:31Z");
    assert_eq!(read.app.version, "1.2.3");
    assert_eq!(read.profiles[0].server, Some(server));
    assert!(read.secrets.is_none());
}

fn refusal(text: &str) -> String {
    match Document::parse(text) {
        Err(error) => {
            assert_eq!(error.code(), ErrorCode::TransferFormat, "{error}");
            error.to_string()
        }
        Ok(_) => panic!("{text} was read"),
    }
}

#[test]
fn a_foreign_damaged_or_newer_file_is_refused_saying_which() {
    assert!(refusal("PK\u{3}\u{4} zip bytes").contains("not valid JSON"));
    assert!(refusal(r#"{"log": {"version": "1.2"}}"#).contains("has no \"format\""));
    assert!(refusal(r#"[1, 2]"#).contains("has no \"format\""));
    let newer = refusal(r#"{"format": "textgate.profiles/2", "profiles": []}"#);
    assert!(
        newer.contains("textgate.profiles/2") && newer.contains("update Textgate"),
        "{newer}"
    );
    assert!(refusal(r#"{"format": "textgate.profiles/1", "profiles": []}"#).contains("damaged"));
    let bad_profile = refusal(
        r#"{"format": "textgate.profiles/1", "exportedAt": "x", "app": {"version": "1"},
            "profiles": [{"name": 5, "server": null}]}"#,
    );
    assert!(bad_profile.contains("profile 1"), "{bad_profile}");
}
