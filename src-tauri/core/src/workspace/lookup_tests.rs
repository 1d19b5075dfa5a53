//! Unit tests of `lookup.rs`.

use std::sync::Arc;

use super::*;
use crate::generate::{generate_secret, generate_uri};
use crate::profile::ProfileDraft;
use crate::secrets::MemorySecretStore;
use crate::sensitive::Sensitive;
use crate::store::Store;
use crate::workspace::Workspace;

fn workspace() -> Workspace {
    Workspace::new(
        Store::in_memory().unwrap(),
        Arc::new(MemorySecretStore::new()),
    )
}

fn save(workspace: &Workspace, name: &str) -> ProfileView {
    let draft = ProfileDraft {
        name: name.into(),
        uri: generate_uri(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new(generate_secret()),
        ..ProfileDraft::default()
    };
    workspace.profiles().save(draft).unwrap().profile
}

#[test]
fn finds_by_id_and_by_name_ignoring_case() {
    let workspace = workspace();
    let saved = save(&workspace, "Support Bot");
    assert_eq!(
        workspace.profiles().resolve(&saved.id).unwrap().id,
        saved.id
    );
    assert_eq!(
        workspace.profiles().resolve(" support bot ").unwrap().id,
        saved.id
    );
    assert!(matches!(
        workspace.profiles().resolve("Support"),
        Err(CoreError::NotFound(_))
    ));
}

#[test]
fn finds_a_profile_that_belongs_to_a_server() {
    // Its view looks the server up: the store must not still be locked by the lookup.
    let workspace = workspace();
    let server = crate::server::Server {
        id: "server-1".into(),
        name: "prod".into(),
        base_url: "https://cloud.example.com".into(),
        ca_pem: None,
        username: None,
        created_at: 1,
        updated_at: 1,
        token: Default::default(),
    };
    workspace.store().insert_server(&server).unwrap();
    let draft = ProfileDraft {
        name: "On server".into(),
        uri: generate_uri(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new(generate_secret()),
        server_id: Some(server.id.clone()),
        ..ProfileDraft::default()
    };
    let saved = workspace.profiles().save(draft).unwrap().profile;
    let found = workspace.profiles().resolve(&saved.id).unwrap();
    assert_eq!(found.server_name.as_deref(), Some("prod"));
    let by_name = workspace.profiles().resolve("on server").unwrap();
    assert_eq!(by_name.id, saved.id);
}

#[test]
fn a_shared_name_is_ambiguous_and_lists_the_ids() {
    let workspace = workspace();
    let first = save(&workspace, "Sales");
    let second = save(&workspace, "sales");
    let error = workspace.profiles().resolve("SALES").unwrap_err();
    assert_eq!(error.code(), "ambiguous");
    let message = error.to_string();
    assert!(
        message.contains(&first.id) && message.contains(&second.id),
        "{message}"
    );
}

#[test]
fn a_pattern_selects_by_name_uri_callback_or_notes() {
    let workspace = workspace();
    save(&workspace, "Partner one");
    save(&workspace, "Other partner");
    {
        let draft = ProfileDraft {
            name: "Sales".into(),
            uri: "/sales-hook".into(),
            callback: "https://crm.example.org/in".into(),
            secret: Sensitive::new(generate_secret()),
            notes: "Ask Ольга before changing".into(),
            ..ProfileDraft::default()
        };
        workspace.profiles().save(draft).unwrap();
    }
    let names = |pattern: &str| -> Vec<String> {
        let mut names: Vec<String> = workspace
            .profiles()
            .matching(&SearchPattern::parse(pattern))
            .unwrap()
            .into_iter()
            .map(|summary| summary.name)
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("Part*"), ["Partner one"]);
    assert_eq!(names("partner"), ["Other partner", "Partner one"]);
    assert_eq!(names("*sales-HOOK"), ["Sales"]);
    assert_eq!(names("crm.example"), ["Sales"]);
    assert_eq!(names("*ОЛЬГА*"), ["Sales"]);
    assert_eq!(names("  ").len(), 3);
    assert!(names("nobody").is_empty());
}
