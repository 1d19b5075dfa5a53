//! The app package's state and error mapping, exercised through the same calls the IPC
//! commands make (`state.workspace()?.…` and `IpcError::from`), on a real SQLite file.

use std::sync::Arc;

use textgate_app::error::IpcError;
use textgate_app::state::AppState;
use textgate_core::generate::{generate_secret, generate_uri};
use textgate_core::{MemorySecretStore, ProfileDraft, ProfileField, Sensitive};

fn draft(name: &str, secret: &str) -> ProfileDraft {
    ProfileDraft {
        name: name.into(),
        uri: generate_uri(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new(secret.into()),
        ..ProfileDraft::default()
    }
}

#[test]
fn profiles_survive_a_restart_with_their_secret() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::new());
    let secret = generate_secret();
    let id = {
        let state = AppState::open(dir.path().to_path_buf(), secrets.clone());
        state
            .workspace()
            .unwrap()
            .profiles()
            .save(draft("Support", &secret))
            .unwrap()
            .profile
            .id
    };
    let state = AppState::open(dir.path().to_path_buf(), secrets);
    let list = state.workspace().unwrap().profiles().list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "Support");
    let view = state.workspace().unwrap().profiles().get(&id).unwrap();
    assert_eq!(view.exposed_secret(), Some(secret.as_str()));
    let status = state.status();
    assert!(status.storage_error.is_none() && status.keychain_error.is_none());
}

#[test]
fn validation_errors_cross_ipc_as_code_message_and_fields() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_path_buf(), Arc::new(MemorySecretStore::new()));
    let error: IpcError = state
        .workspace()
        .unwrap()
        .profiles()
        .save(draft("  ", ""))
        .unwrap_err()
        .into();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "invalid");
    assert_eq!(json["message"], "Name is required");
    assert_eq!(json["field"], "name");
    assert_eq!(json["fields"][1]["field"], "secret");
    assert_eq!(json["fields"][1]["severity"], "error");
    assert_eq!(error.field, Some(ProfileField::Name));
}

#[test]
fn issues_and_errors_cross_ipc_with_their_code_and_params() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_path_buf(), Arc::new(MemorySecretStore::new()));
    let error: IpcError = state
        .workspace()
        .unwrap()
        .profiles()
        .save(draft(&"n".repeat(101), ""))
        .unwrap_err()
        .into();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["fields"][0]["code"], "name_too_long");
    assert_eq!(
        json["fields"][0]["params"],
        serde_json::json!({"chars": 101, "max": 100})
    );
    assert_eq!(
        json["fields"][0]["message"],
        "Name is too long: 101 characters (at most 100)"
    );
    assert_eq!(json["fields"][1]["code"], "secret_required");
    assert!(json["fields"][1].get("params").is_none());
    assert_eq!(json["params"], serde_json::json!({}));

    let missing: IpcError = state
        .workspace()
        .unwrap()
        .profiles()
        .get("no-such-id")
        .unwrap_err()
        .into();
    let json = serde_json::to_value(&missing).unwrap();
    assert_eq!(json["code"], "not_found");
    assert_eq!(json["params"], serde_json::json!({"id": "no-such-id"}));
    assert_eq!(json["message"], "No gateway profile with id no-such-id");

    let storage = {
        let dir = tempfile::tempdir().unwrap();
        write_database_from_the_future(&dir.path().join("textgate.db"));
        AppState::open(dir.path().to_path_buf(), Arc::new(MemorySecretStore::new()))
            .status()
            .storage_error
            .expect("a newer database must be reported")
    };
    let json = serde_json::to_value(&storage).unwrap();
    assert_eq!(json["code"], "database_too_new");
    assert!(
        json["params"]["found"].as_i64().unwrap() > json["params"]["supported"].as_i64().unwrap()
    );
}

#[test]
fn a_newer_database_is_reported_by_status_and_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("textgate.db");
    write_database_from_the_future(&path);
    let state = AppState::open(dir.path().to_path_buf(), Arc::new(MemorySecretStore::new()));
    let status = state.status();
    let storage = status
        .storage_error
        .expect("a newer database must be reported");
    assert_eq!(storage.code, "database_too_new");
    assert!(storage.message.contains("newer Textgate"));
    assert_eq!(state.workspace().err().unwrap().code, "database_too_new");
}

/// Leaves a database whose `user_version` (header offset 60) is far beyond this build's schema.
fn write_database_from_the_future(path: &std::path::Path) {
    // Make a real database through the app, then patch the version field in its header.
    {
        let state = AppState::open(
            path.parent().unwrap().to_path_buf(),
            Arc::new(MemorySecretStore::new()),
        );
        state.workspace().unwrap().profiles().list().unwrap();
    }
    let mut bytes = std::fs::read(path).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(path, bytes).unwrap();
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let _ = std::fs::remove_file(path.with_extension("db-shm"));
}

#[test]
fn an_unreachable_keychain_is_reported_and_the_profile_kept() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::new());
    secrets.set_unavailable(true);
    let state = AppState::open(dir.path().to_path_buf(), secrets);
    assert!(state
        .status()
        .keychain_error
        .unwrap()
        .contains("no keychain service"));
    let outcome = state
        .workspace()
        .unwrap()
        .profiles()
        .save(draft("Support", "some-secret"))
        .unwrap();
    assert_eq!(outcome.warnings[0].field, ProfileField::Secret);
    assert_eq!(
        state.workspace().unwrap().profiles().list().unwrap().len(),
        1
    );
}

#[test]
fn enabling_without_a_flow_is_an_error_on_the_enabled_field() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_path_buf(), Arc::new(MemorySecretStore::new()));
    let saved = state
        .workspace()
        .unwrap()
        .profiles()
        .save(draft("Support", "s"))
        .unwrap()
        .profile;
    let error: IpcError = state
        .workspace()
        .unwrap()
        .profiles()
        .set_enabled(&saved.id, true)
        .unwrap_err()
        .into();
    assert_eq!(error.code, "flow_required");
    assert_eq!(error.field, Some(ProfileField::Enabled));
}
