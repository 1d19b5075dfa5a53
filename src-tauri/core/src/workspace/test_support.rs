//! What the workspace's tests share: a workspace on a real SQLite file in a temporary folder,
//! connected to a running emulator (`fixture`), and builders of drafts, remote gateways and
//! sync states. Test-only (`#[cfg(test)]`), beside the tests instead of inside one of them.

use std::sync::Arc;
use std::time::Duration;

use super::Workspace;
use crate::emulator::{Emulator, RunningEmulator};
use crate::profile::{FlowRef, ProfileDraft, Templates};
use crate::profile_views::ProfileView;
use crate::secrets::{MemorySecretStore, SecretStore};
use crate::sensitive::Sensitive;
use crate::server::ServerAuth;
use crate::store::Store;
use crate::sync_state::SyncState;
use crate::webitel::wire::{Bot, Lookup, Metadata};

pub(crate) struct Fixture<S = MemorySecretStore> {
    pub running: RunningEmulator,
    pub workspace: Workspace,
    pub secrets: Arc<S>,
    pub server_id: String,
}

impl<S> Fixture<S> {
    pub fn emulator(&self) -> &Emulator {
        self.running.emulator()
    }
}

pub(crate) async fn fixture() -> Fixture {
    fixture_with(Duration::from_secs(2)).await
}

/// A fixture whose requests time out after `timeout`.
pub(crate) async fn fixture_with(timeout: Duration) -> Fixture {
    fixture_on(
        Store::in_memory().unwrap(),
        Arc::new(MemorySecretStore::new()),
        timeout,
    )
    .await
}

/// A fixture on a given store and secret store.
pub(crate) async fn fixture_on<S: SecretStore + 'static>(
    store: Store,
    secrets: Arc<S>,
    timeout: Duration,
) -> Fixture<S> {
    let emulator = Emulator::new("tok");
    emulator.add_schema(7, "Support bot", "chat");
    let running = emulator.spawn().await.unwrap();
    let workspace = Workspace::new(store, secrets.clone())
        .with_client_timing(timeout, Duration::from_millis(5));
    let auth = ServerAuth::Token {
        token: Sensitive::new("tok".into()),
    };
    let server = workspace
        .servers()
        .add("Emu", &running.base_url(), None, auth)
        .await
        .unwrap();
    Fixture {
        running,
        workspace,
        secrets,
        server_id: server.id,
    }
}

pub(crate) fn draft(server_id: &str, name: &str) -> ProfileDraft {
    ProfileDraft {
        name: name.into(),
        uri: crate::generate::generate_uri(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new("LocalSecretLocalSecret0000000000".into()),
        flow: Some(FlowRef {
            id: 7,
            name: "Support bot".into(),
        }),
        templates: Templates {
            join: "$(.FirstName) joined".into(),
            ..Templates::default()
        },
        server_id: Some(server_id.into()),
        ..ProfileDraft::default()
    }
}

/// A profile saved from [`draft`] on the fixture's server.
pub(crate) fn saved<S>(f: &Fixture<S>, name: &str) -> crate::profile_views::ProfileView {
    f.workspace
        .profiles()
        .save(draft(&f.server_id, name))
        .unwrap()
        .profile
}

pub(crate) fn remote_bot(name: &str, uri: &str) -> Bot {
    let mut metadata = Metadata::default();
    metadata.0.insert("secret".into(), "RemoteSecret".into());
    metadata
        .0
        .insert("webhook".into(), "https://remote.example.com/hook".into());
    Bot {
        name: name.into(),
        uri: uri.into(),
        provider: "custom".into(),
        flow: Some(Lookup {
            id: Some(7),
            name: Some("Support bot".into()),
        }),
        metadata,
        ..Bot::default()
    }
}

pub(crate) fn state<S>(f: &Fixture<S>, id: &str) -> SyncState {
    f.workspace.profiles().get(id).unwrap().sync_state
}

/// Saves the draft and pushes it: the saved view and the gateway's id on the server.
pub(crate) async fn pushed<S>(f: &Fixture<S>, draft: ProfileDraft) -> (ProfileView, i64) {
    let saved = f.workspace.profiles().save(draft).unwrap().profile;
    f.workspace.sync().push(&saved.id, false).await.unwrap();
    let remote_id = f.workspace.profiles().get(&saved.id).unwrap().remote_id;
    (
        saved,
        remote_id.expect("a pushed profile has its gateway id"),
    )
}
