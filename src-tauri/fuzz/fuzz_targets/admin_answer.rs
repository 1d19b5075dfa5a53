//! What Textgate makes of a Webitel admin API's answers: any status and body, served by a
//! loopback server, read by the real client inside the workspace operations that use it
//! (pull, refresh of flow schemas, test, remote list, push of a new gateway), each on a fresh
//! in-memory workspace. Whatever the answer, the result is a value or an error, and the
//! workspace still answers afterwards.
#![no_main]

use std::sync::Arc;
use std::time::Duration;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use textgate_core::server::Server;
use textgate_core::{FlowRef, MemorySecretStore, ProfileDraft, Sensitive, Store, Workspace};
use textgate_fuzz::{runtime, status_from, Answer, Responder};

#[derive(Debug, Arbitrary)]
enum Operation {
    Pull,
    RefreshFlowSchemas,
    TestServer,
    ListRemote,
    PushNew,
}

#[derive(Debug, Arbitrary)]
struct Input {
    operation: Operation,
    status: u16,
    body: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let responder = Responder::shared();
    let workspace = workspace(&responder.base_url());
    let profile_id = match input.operation {
        Operation::PushNew => Some(profile_on_server(&workspace)),
        _ => None,
    };
    responder.set(Answer {
        status: status_from(input.status),
        body: input.body,
    });
    runtime().block_on(async {
        match input.operation {
            Operation::Pull => drop(workspace.sync().pull("prod").await),
            Operation::RefreshFlowSchemas => {
                drop(workspace.servers().refresh_flow_schemas("prod").await)
            }
            Operation::TestServer => drop(workspace.servers().test("prod").await),
            Operation::ListRemote => {
                drop(workspace.servers().list_remote_gateways("prod", None).await)
            }
            Operation::PushNew => drop(
                workspace
                    .sync()
                    .push(profile_id.as_deref().unwrap_or_default(), false)
                    .await,
            ),
        }
    });
    workspace
        .profiles()
        .list()
        .expect("the workspace still lists its profiles");
    workspace
        .servers()
        .list()
        .expect("the workspace still lists its servers");
});

/// A workspace with one server, `prod`, at the responder; no retry waits, short timeouts.
fn workspace(base_url: &str) -> Workspace {
    let mut store = Store::in_memory().expect("an in-memory store");
    store
        .insert_server(&Server {
            id: "srv-1".into(),
            name: "prod".into(),
            base_url: base_url.into(),
            ca_pem: None,
            username: None,
            created_at: 1,
            updated_at: 1,
            token: Default::default(),
        })
        .expect("a server row");
    Workspace::new(store, Arc::new(MemorySecretStore::new()))
        .with_token_override(Some(Sensitive::new("fuzz-token".into())))
        .with_client_timing(Duration::from_secs(5), Duration::ZERO)
}

/// A local profile on `prod`, never pushed: its push is a create.
fn profile_on_server(workspace: &Workspace) -> String {
    let draft = ProfileDraft {
        name: "Support".into(),
        uri: "/fuzz-support".into(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new("fuzz-secret-0123456789".into()),
        flow: Some(FlowRef {
            id: 7,
            name: "Support bot".into(),
        }),
        server_id: Some("srv-1".into()),
        ..ProfileDraft::default()
    };
    workspace
        .profiles()
        .save(draft)
        .expect("a valid profile")
        .profile
        .id
}
