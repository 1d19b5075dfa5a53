use serde_json::json;

use super::*;
use crate::settings::{Language, Theme};

fn file_json(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(settings_path(dir)).unwrap()).unwrap()
}

#[test]
fn settings_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = load(dir.path());
    assert_eq!(fresh.settings, Settings::default());
    assert!(fresh.warnings.is_empty());
    assert!(
        !settings_path(dir.path()).exists(),
        "loading writes nothing"
    );

    let saved = save(
        dir.path(),
        &json!({"language": "es", "theme": "dark", "checkUpdatesOnStart": false,
                "updateFeed": "https://mirror.example.com/latest.json", "receiverPort": 9100}),
    )
    .unwrap();
    let loaded = load(dir.path());
    assert_eq!(loaded, saved);
    assert_eq!(loaded.settings.language, Language::Es);
    assert_eq!(loaded.settings.theme, Theme::Dark);
    assert_eq!(loaded.settings.receiver_port, 9100);
    assert_eq!(file_json(dir.path())["receiverPort"], 9100);

    // A partial save changes only what it names.
    save(dir.path(), &json!({"theme": "light"})).unwrap();
    let loaded = load(dir.path()).settings;
    assert_eq!(loaded.theme, Theme::Light);
    assert_eq!(loaded.language, Language::Es);
    assert_eq!(loaded.receiver_port, 9100);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != SETTINGS_FILE)
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

#[test]
fn a_refused_value_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &json!({"language": "pl"})).unwrap();
    let before = std::fs::read(settings_path(dir.path())).unwrap();
    let error = save(dir.path(), &json!({"theme": "dark", "receiverPort": 0})).unwrap_err();
    assert_eq!(error.code(), "invalid_setting");
    assert!(matches!(
        error,
        CoreError::InvalidSetting {
            field: Some(SettingsField::ReceiverPort),
            ..
        }
    ));
    assert_eq!(std::fs::read(settings_path(dir.path())).unwrap(), before);
}

#[test]
fn a_corrupt_file_gives_defaults_and_a_warning_and_is_kept_aside_when_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"{\"language\": \"ru\", \"theme\": ";
    std::fs::write(settings_path(dir.path()), garbage).unwrap();
    let loaded = load(dir.path());
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].contains("not valid JSON"),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(
        std::fs::read(settings_path(dir.path())).unwrap(),
        garbage,
        "untouched by load"
    );

    save(dir.path(), &json!({"theme": "dark"})).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("settings.json.bak")).unwrap(),
        garbage
    );
    assert_eq!(load(dir.path()).settings.theme, Theme::Dark);

    for (content, why) in [("[1, 2]", "JSON object"), ("", "not valid JSON")] {
        std::fs::write(settings_path(dir.path()), content).unwrap();
        let loaded = load(dir.path());
        assert_eq!(loaded.settings, Settings::default());
        assert!(loaded.warnings[0].contains(why), "{:?}", loaded.warnings);
    }
}

#[test]
fn an_invalid_value_in_the_file_costs_only_that_value_and_unknown_keys_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        settings_path(dir.path()),
        r#"{"language": "vi", "receiverPort": 99999, "fromANewerVersion": {"x": 1}}"#,
    )
    .unwrap();
    let loaded = load(dir.path());
    assert_eq!(loaded.settings.language, Language::Vi);
    assert_eq!(loaded.settings.receiver_port, 8790);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].contains("receiverPort"),
        "{:?}",
        loaded.warnings
    );

    save(dir.path(), &json!({"theme": "light"})).unwrap();
    let on_disk = file_json(dir.path());
    assert_eq!(on_disk["language"], "vi");
    assert_eq!(on_disk["theme"], "light");
    assert_eq!(on_disk["fromANewerVersion"], json!({"x": 1}));
    assert!(load(dir.path()).warnings.is_empty());
}

#[test]
fn concurrent_saves_all_land_and_never_tear_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let writers: Vec<_> = (0..8u16)
        .map(|writer| {
            let path = path.clone();
            std::thread::spawn(move || {
                for round in 0..25u16 {
                    // One writer owns the language and one the theme, with a distinct last
                    // value each, which must survive the port writers' saves around it.
                    let last = round == 24;
                    let changes = match writer {
                        6 => json!({ "language": if last { "kk" } else { "en" } }),
                        7 => json!({ "theme": if last { "dark" } else { "light" } }),
                        _ => json!({ "receiverPort": 10_000 + writer * 100 + round }),
                    };
                    save(&path, &changes).unwrap();
                }
            })
        })
        .collect();
    let reader = {
        let path = path.clone();
        std::thread::spawn(move || {
            for _ in 0..200 {
                let loaded = load(&path);
                assert!(
                    loaded.warnings.is_empty(),
                    "torn read: {:?}",
                    loaded.warnings
                );
            }
        })
    };
    for writer in writers {
        writer.join().unwrap();
    }
    reader.join().unwrap();
    let last = load(&path);
    assert!(last.warnings.is_empty());
    assert_eq!(last.settings.language, Language::Kk);
    assert_eq!(last.settings.theme, Theme::Dark);
    // The port writers' last saves were round 24; one of them is last.
    assert!(
        (0..6).any(|writer| last.settings.receiver_port == 10_024 + writer * 100),
        "{}",
        last.settings.receiver_port
    );
    let leftovers = std::fs::read_dir(&path).unwrap().count();
    assert_eq!(leftovers, 1, "only settings.json remains");
}
