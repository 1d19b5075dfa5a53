//! The harness's pure IPC commands called as the UI calls them: the signature lab's errors
//! cross as `{code, message}` without the secret, and the send form's drafts compose to the
//! exact wire bytes.

use textgate_app::commands::harness::{compose_inbound, sender_types, signature_lab};
use textgate_core::harness::compose::InboundDraft;
use textgate_core::signature::lab::LabRequest;
use textgate_core::signature::Verdict;

fn lab(json: serde_json::Value) -> LabRequest {
    serde_json::from_value(json).unwrap()
}

#[test]
fn the_lab_computes_and_verifies_and_a_bad_whsec_is_an_ipc_error_without_the_secret() {
    let body = "{\"close\":{\"chatId\":\"c-1\"}}\n";
    let computed = signature_lab(lab(serde_json::json!({
        "scheme": {"scheme": "webitel"}, "secret": "labSecret", "body": body, "given": null
    })))
    .unwrap();
    assert_eq!(computed.headers[0].0, "X-Webitel-Sign");
    let checked = signature_lab(lab(serde_json::json!({
        "scheme": {"scheme": "webitel"}, "secret": "labSecret", "body": body, "given": computed.signature
    })))
    .unwrap();
    assert_eq!(checked.verdict, Some(Verdict::Valid));

    let error = signature_lab(lab(serde_json::json!({
        "scheme": {"scheme": "standard", "id": "msg_1", "timestamp": 1},
        "secret": "whsec_%%topsecret%%", "body": body, "given": null
    })))
    .unwrap_err();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "invalid_secret");
    assert!(!json.to_string().contains("topsecret"));
}

#[test]
fn drafts_compose_to_the_wire_bytes_and_the_presets_are_cores() {
    let draft: InboundDraft = serde_json::from_value(serde_json::json!({
        "kind": "message", "chatId": "c-1", "messageId": "",
        "sender": {"id": "u-1", "type": "viber", "name": "", "nickname": ""},
        "text": "Hi", "file": null, "metadata": {}, "date": 0
    }))
    .unwrap();
    assert_eq!(
        compose_inbound(draft).unwrap(),
        r#"{"message":{"chatId":"c-1","sender":{"id":"u-1","type":"viber"},"text":"Hi"}}"#
    );
    assert!(sender_types().unwrap().contains(&"telegram".to_string()));
}
