use super::*;
use crate::profile::Profile;

fn profile() -> Profile {
    Profile {
        id: "p1".into(),
        name: "Support".into(),
        uri: "/support".into(),
        callback: "https://bot.example.com/hook".into(),
        flow: Some(FlowRef {
            id: 7,
            name: "Chat".into(),
        }),
        enabled: true,
        remote_id: Some(42),
        notes: "Owner: Ann Lee, partner ops, ann@partner.example".into(),
        ..Profile::default()
    }
}

#[test]
fn a_push_body_holds_only_what_the_admin_api_knows() {
    let body = serde_json::to_value(bot_body(&profile(), "S3cret")).unwrap();
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["enabled", "flow", "id", "metadata", "name", "provider", "updates", "uri"]
    );
    assert_eq!(body["metadata"]["webhook"], "https://bot.example.com/hook");
    // The note is local only: Webitel would refuse an unknown attribute.
    let text = body.to_string();
    assert!(!text.contains("notes"), "{text}");
    assert!(!text.contains("Ann Lee"), "{text}");
}

#[test]
fn a_gateway_read_back_is_the_content_pushed() {
    let profile = profile();
    let content = SyncContent::of_bot(&bot_body(&profile, "S3cret"));
    let mut expected = SyncContent::of_profile(&profile);
    // The body names the flow by id only; the server names it itself.
    expected.flow.as_mut().unwrap().name.clear();
    assert_eq!(content, expected);
}
