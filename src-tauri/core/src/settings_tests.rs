use serde_json::json;

use super::*;

fn refused(changes: Value) -> (Option<SettingsField>, String) {
    let mut settings = Settings::default();
    match settings.apply(&changes) {
        Err(CoreError::InvalidSetting { field, message }) => {
            assert_eq!(settings, Settings::default(), "nothing applied: {changes}");
            (field, message)
        }
        other => panic!("{changes}: expected invalid_setting, got {other:?}"),
    }
}

#[test]
fn defaults_are_system_language_and_theme_update_check_off_and_the_receive_panels_port() {
    let settings = Settings::default();
    assert_eq!(settings.language, Language::System);
    assert_eq!(settings.theme, Theme::System);
    assert!(!settings.check_updates_on_start);
    assert_eq!(settings.update_feed, None);
    assert_eq!(settings.receiver_port, 8790);
    assert_eq!(
        serde_json::to_value(&settings).unwrap(),
        json!({"language": "system", "theme": "system", "checkUpdatesOnStart": false,
               "updateFeed": null, "receiverPort": 8790})
    );
}

#[test]
fn every_webitel_language_is_accepted() {
    for code in [
        "system", "en", "es", "ru", "uk", "kk", "pl", "ro", "uz", "vi",
    ] {
        let mut settings = Settings::default();
        settings.apply(&json!({ "language": code })).unwrap();
        assert_eq!(serde_json::to_value(settings.language).unwrap(), code);
    }
}

#[test]
fn invalid_values_are_refused_with_their_field_and_change_nothing() {
    let cases = [
        (json!({"language": "fr"}), SettingsField::Language, "fr"),
        (json!({"language": 3}), SettingsField::Language, "language"),
        (
            json!({"theme": "blue"}),
            SettingsField::Theme,
            "system, light or dark",
        ),
        (
            json!({"checkUpdatesOnStart": "yes"}),
            SettingsField::CheckUpdatesOnStart,
            "true or false",
        ),
        (
            json!({"receiverPort": 0}),
            SettingsField::ReceiverPort,
            "1 to 65535",
        ),
        (
            json!({"receiverPort": 65536}),
            SettingsField::ReceiverPort,
            "65536",
        ),
        (
            json!({"receiverPort": -1}),
            SettingsField::ReceiverPort,
            "-1",
        ),
        (
            json!({"receiverPort": "8080"}),
            SettingsField::ReceiverPort,
            "receiver port",
        ),
        (
            json!({"updateFeed": "http://example.com/latest.json"}),
            SettingsField::UpdateFeed,
            "https://",
        ),
        (
            json!({"updateFeed": "javascript:alert(1)"}),
            SettingsField::UpdateFeed,
            "https://",
        ),
        (
            json!({"updateFeed": "latest.json"}),
            SettingsField::UpdateFeed,
            "not a URL",
        ),
        (
            json!({"updateFeed": "https://u:p@example.com/l.json"}),
            SettingsField::UpdateFeed,
            "password",
        ),
        (
            json!({"updateFeed": 5}),
            SettingsField::UpdateFeed,
            "https://",
        ),
        // A good value does not carry a bad one through.
        (
            json!({"theme": "dark", "receiverPort": 70000}),
            SettingsField::ReceiverPort,
            "70000",
        ),
    ];
    for (changes, field, words) in cases {
        let (got, message) = refused(changes.clone());
        assert_eq!(got, Some(field), "{changes}: {message}");
        assert!(message.contains(words), "{changes}: {message}");
        assert!(!message.contains('\n'), "{message}");
    }
    let (field, message) = refused(json!(["en"]));
    assert_eq!(field, None);
    assert!(message.contains("object"), "{message}");
    let huge = "x".repeat(1_000_000);
    let (_, message) = refused(json!({ "language": huge }));
    assert!(message.len() < 300, "{} bytes", message.len());
}

#[test]
fn an_empty_feed_means_the_releases_own_and_unknown_keys_are_ignored() {
    let mut settings = Settings::default();
    settings
        .apply(&json!({"updateFeed": "https://mirror.example.com/latest.json", "future": 1}))
        .unwrap();
    assert_eq!(
        settings.update_feed.as_deref(),
        Some("https://mirror.example.com/latest.json")
    );
    settings.apply(&json!({"updateFeed": "  "})).unwrap();
    assert_eq!(settings.update_feed, None);
}

#[test]
fn stored_values_are_read_one_by_one_keeping_the_good_ones() {
    let object = json!({"language": "uk", "theme": "purple", "receiverPort": 9000,
                        "checkUpdatesOnStart": false, "somethingNew": [1]});
    let (settings, warnings) = Settings::from_stored(object.as_object().unwrap());
    assert_eq!(settings.language, Language::Uk);
    assert_eq!(settings.theme, Theme::System);
    assert_eq!(settings.receiver_port, 9000);
    assert!(!settings.check_updates_on_start);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("theme") && warnings[0].contains("purple"),
        "{warnings:?}"
    );
}
