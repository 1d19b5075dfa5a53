//! Unit tests of `profile_views.rs`.

use super::*;

fn view(secret: &str) -> ProfileView {
    let profile = Profile {
        id: "p1".into(),
        name: "Support".into(),
        uri: "/support".into(),
        callback: "https://bot.example.com/hook".into(),
        created_at: 1,
        updated_at: 1,
        ..Profile::default()
    };
    ProfileView::new(
        profile,
        ViewExtras {
            secret: Some(Sensitive::new(secret.into())),
            secret_state: SecretState::Stored,
            ..ViewExtras::default()
        },
    )
}

#[test]
fn debug_of_a_view_redacts_the_secret_but_the_editor_still_gets_it() {
    let view = view("S3cretValue42");
    let debug = format!("{view:?} {view:#?}");
    assert!(!debug.contains("S3cretValue42"), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["secret"], "S3cretValue42");
}

#[test]
fn a_summary_names_its_flow_or_its_id_when_the_server_sent_no_name() {
    let with = |name: &str| Profile {
        flow: Some(FlowRef {
            id: 7,
            name: name.into(),
        }),
        remote_id: Some(42),
        ..Profile::default()
    };
    let named = ProfileSummary::new(&with("Support bot"), false);
    assert_eq!(named.flow_name.as_deref(), Some("Support bot"));
    assert!(named.pushed);
    assert_eq!(
        ProfileSummary::new(&with(" "), false).flow_name.as_deref(),
        Some("#7")
    );
    let none = ProfileSummary::new(&Profile::default(), false);
    assert_eq!((none.flow_name, none.pushed), (None, false));
}
