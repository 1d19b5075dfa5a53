//! Profile operations end to end on a real SQLite file and the in-memory secret store.

use std::sync::Arc;

use super::*;
use crate::generate::{generate_secret, generate_uri};
use crate::profile::{FlowRef, Templates};
use crate::secrets::MemorySecretStore;
use crate::sensitive::Sensitive;
use crate::store::database_path;

struct Fixture {
    dir: tempfile::TempDir,
    secrets: Arc<MemorySecretStore>,
    service: Workspace,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::new());
    let service = Workspace::new(Store::open_in(dir.path()).unwrap(), secrets.clone());
    Fixture {
        dir,
        secrets,
        service,
    }
}

fn draft(secret: &str) -> ProfileDraft {
    ProfileDraft {
        name: "Support".into(),
        uri: generate_uri(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new(secret.into()),
        templates: Templates {
            title: "Ann".into(),
            ..Templates::default()
        },
        ..ProfileDraft::default()
    }
}

#[test]
fn save_creates_then_updates_and_reads_the_secret_back() {
    let f = fixture();
    let secret = generate_secret();
    let created = f.service.profiles().save(draft(&secret)).unwrap();
    assert!(created.warnings.is_empty());
    let view = created.profile;
    assert_eq!(view.exposed_secret(), Some(secret.as_str()));
    assert_eq!(view.secret_state, SecretState::Stored);
    assert!(view.incomplete, "no flow yet");
    assert_eq!(view.webhook_url, view.uri);

    let mut edit = draft("another-secret");
    edit.id = Some(view.id.clone());
    edit.uri = view.uri.clone();
    edit.flow = Some(FlowRef {
        id: 7,
        name: "Support bot".into(),
    });
    edit.enabled = true;
    let updated = f.service.profiles().save(edit).unwrap().profile;
    assert_eq!(updated.id, view.id);
    assert_eq!(updated.created_at, view.created_at);
    assert!(updated.enabled && !updated.incomplete);
    assert_eq!(
        f.service.profiles().get(&view.id).unwrap().exposed_secret(),
        Some("another-secret")
    );
    assert_eq!(f.service.profiles().list().unwrap().len(), 1);
}

#[test]
fn the_secret_never_reaches_the_sqlite_files() {
    let f = fixture();
    let secret = generate_secret();
    let saved = f.service.profiles().save(draft(&secret)).unwrap().profile;
    f.service.profiles().duplicate(&saved.id).unwrap();
    let mut checked = 0;
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", database_path(f.dir.path()).display());
        if let Ok(bytes) = std::fs::read(&path) {
            checked += 1;
            assert!(
                !contains(&bytes, secret.as_bytes()),
                "secret found in {path}"
            );
        }
    }
    assert!(
        checked >= 2,
        "the database and its WAL must both be checked"
    );
    // The URI is stored, so the same search must find it: the check can fail.
    let wal = std::fs::read(format!("{}-wal", database_path(f.dir.path()).display())).unwrap();
    let db = std::fs::read(database_path(f.dir.path())).unwrap();
    assert!(contains(&wal, saved.uri.as_bytes()) || contains(&db, saved.uri.as_bytes()));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[test]
fn invalid_drafts_are_refused_with_field_issues_and_nothing_is_written() {
    let f = fixture();
    let mut bad = draft("");
    bad.callback = "not a url".into();
    let error = f.service.profiles().save(bad).unwrap_err();
    assert_eq!(error.code(), "invalid");
    let fields: Vec<_> = error
        .field_issues()
        .iter()
        .map(|issue| issue.field)
        .collect();
    assert_eq!(fields, [ProfileField::Callback, ProfileField::Secret]);
    assert!(f.service.profiles().list().unwrap().is_empty());
    assert!(f.secrets.is_empty());
}

#[test]
fn two_profiles_cannot_share_a_uri() {
    let f = fixture();
    let first = f.service.profiles().save(draft("s1")).unwrap().profile;
    let mut second = draft("s2");
    second.uri = first.uri.clone();
    let error = f.service.profiles().save(second).unwrap_err();
    assert_eq!(error.field_issues()[0].field, ProfileField::Uri);
}

#[test]
fn unreachable_keychain_keeps_the_profile_and_says_so() {
    let f = fixture();
    f.secrets.set_unavailable(true);
    let outcome = f
        .service
        .profiles()
        .save(draft("kept-out-of-sqlite"))
        .unwrap();
    assert_eq!(outcome.warnings.len(), 1);
    assert_eq!(outcome.warnings[0].field, ProfileField::Secret);
    assert!(outcome.warnings[0]
        .message
        .contains("keychain is not available"));
    assert!(!outcome.warnings[0].message.contains("kept-out-of-sqlite"));
    assert_eq!(outcome.profile.secret_state, SecretState::Unavailable);
    assert!(outcome.profile.incomplete);
    assert_eq!(
        f.service.profiles().list().unwrap().len(),
        1,
        "the rest of the profile is kept"
    );

    // Deleting needs the keychain too, so no secret is orphaned: the profile stays.
    let error = f
        .service
        .profiles()
        .delete(&outcome.profile.id)
        .unwrap_err();
    assert_eq!(error.code(), "keychain_unavailable");
    assert_eq!(f.service.profiles().list().unwrap().len(), 1);

    f.secrets.set_unavailable(false);
    assert_eq!(
        f.service
            .profiles()
            .get(&outcome.profile.id)
            .unwrap()
            .secret_state,
        SecretState::Missing
    );
}

#[test]
fn delete_removes_the_keychain_entry() {
    let f = fixture();
    let saved = f.service.profiles().save(draft("s1")).unwrap().profile;
    assert_eq!(f.secrets.len(), 1);
    f.service.profiles().delete(&saved.id).unwrap();
    assert!(f.secrets.is_empty());
    assert!(f.service.profiles().list().unwrap().is_empty());
    assert_eq!(
        f.service.profiles().get(&saved.id).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn duplicate_gets_a_new_uri_and_secret_and_is_not_enabled() {
    let f = fixture();
    let mut original = draft("s1");
    original.flow = Some(FlowRef {
        id: 7,
        name: "Support bot".into(),
    });
    original.enabled = true;
    let original = f.service.profiles().save(original).unwrap().profile;
    let copy = f
        .service
        .profiles()
        .duplicate(&original.id)
        .unwrap()
        .profile;
    assert_ne!(copy.id, original.id);
    assert_ne!(copy.uri, original.uri);
    assert_ne!(copy.secret, original.secret);
    assert_eq!(copy.name, "Support (copy)");
    assert_eq!(copy.flow, original.flow);
    assert_eq!(copy.templates, original.templates);
    assert!(!copy.enabled);
}

#[test]
fn enabling_needs_a_flow() {
    let f = fixture();
    let saved = f.service.profiles().save(draft("s1")).unwrap().profile;
    assert_eq!(
        f.service
            .profiles()
            .set_enabled(&saved.id, true)
            .unwrap_err()
            .code(),
        "flow_required"
    );
    let mut with_flow = draft("s1");
    with_flow.id = Some(saved.id.clone());
    with_flow.uri = saved.uri;
    with_flow.flow = Some(FlowRef {
        id: 7,
        name: "Support bot".into(),
    });
    f.service.profiles().save(with_flow).unwrap();
    assert!(
        f.service
            .profiles()
            .set_enabled(&saved.id, true)
            .unwrap()
            .enabled
    );
    assert!(
        !f.service
            .profiles()
            .set_enabled(&saved.id, false)
            .unwrap()
            .enabled
    );
}

#[test]
fn templates_are_stored_exactly_as_typed() {
    let f = fixture();
    let mut typed = draft("s1");
    typed.templates = Templates {
        title: "  Ann  ".into(),
        close: "Line one\r\nLine two\n".into(),
        join: "$(.FirstName)$(if .LastName) $(.LastName)$(end) joined 👋".into(),
        left: "\t".into(),
        file_policy_fail: String::new(),
    };
    let saved = f.service.profiles().save(typed.clone()).unwrap().profile;
    assert_eq!(
        f.service.profiles().get(&saved.id).unwrap().templates,
        typed.templates
    );
}

#[test]
fn check_reports_errors_and_warnings_without_saving() {
    let f = fixture();
    let mut typing = draft("");
    typing.callback = "http://bot.example.com/hook".into();
    let issues = f.service.profiles().check(&typing).unwrap();
    let fields: Vec<_> = issues.iter().map(|i| (i.field, i.is_error())).collect();
    assert_eq!(
        fields,
        [
            (ProfileField::Callback, false),
            (ProfileField::Secret, true)
        ]
    );
    typing.secret = Sensitive::new("s".into());
    let issues = f.service.profiles().check(&typing).unwrap();
    assert_eq!(issues.len(), 1, "only the plain-http warning is left");
    assert!(
        f.service.profiles().list().unwrap().is_empty(),
        "checking saves nothing"
    );
}
