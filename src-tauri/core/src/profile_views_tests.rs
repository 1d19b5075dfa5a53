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
