//! Adding a server with two-factor login, limited tokens and logging in again, against the
//! emulator over real HTTP: nothing is stored until the token is obtained and checked, and
//! what userinfo says (expiry, gateway access) is stored and refreshed.

use std::sync::Arc;

use super::*;
use crate::emulator::{Emulator, TokenGrant, TwoFactorUser};
use crate::secrets::{MemorySecretStore, SecretStore};
use crate::server::GatewayPermissions;
use crate::store::Store;
use crate::workspace::Workspace;

const EXPIRES: i64 = 4_102_444_800_000;

fn workspace(secrets: Arc<MemorySecretStore>) -> Workspace {
    Workspace::new(Store::in_memory().unwrap(), secrets)
}

fn login(username: &str) -> ServerAuth {
    ServerAuth::Login {
        username: username.into(),
        password: Sensitive::new("tok".into()),
        domain: String::new(),
    }
}

fn two_factor() -> Emulator {
    let emulator = Emulator::new("tok");
    emulator
        .set_token_expiry(EXPIRES)
        .set_two_factor(Some(TwoFactorUser {
            username: "ann".into(),
            code: "123456".into(),
        }));
    emulator
}

#[tokio::test]
async fn a_two_factor_login_stores_nothing_until_the_code_gives_the_token() {
    let running = two_factor().spawn().await.unwrap();
    let secrets = Arc::new(MemorySecretStore::new());
    let workspace = workspace(secrets.clone());
    let servers = workspace.servers();

    let first = servers
        .connect("Prod", &running.base_url(), None, login("ann"))
        .await
        .unwrap();
    let ConnectOutcome::CodeRequired { session } = first else {
        panic!("no code asked for: {first:?}");
    };
    assert!(servers.list().unwrap().is_empty());
    // A caller that cannot ask for the code is told so.
    let plain = servers
        .add("Prod", &running.base_url(), None, login("ann"))
        .await
        .unwrap_err();
    assert_eq!(plain.code(), crate::ErrorCode::TwoFactorRequired);

    let wrong = servers
        .connect(
            "Prod",
            &running.base_url(),
            None,
            ServerAuth::TwoFactor {
                username: "ann".into(),
                session: session.clone(),
                code: Sensitive::new("000000".into()),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), crate::ErrorCode::TwoFactorInvalid);
    assert!(servers.list().unwrap().is_empty());

    let done = servers
        .connect(
            "Prod",
            &running.base_url(),
            None,
            ServerAuth::TwoFactor {
                username: "ann".into(),
                session,
                code: Sensitive::new("123456".into()),
            },
        )
        .await
        .unwrap();
    let ConnectOutcome::Connected { server } = done else {
        panic!("not connected");
    };
    assert_eq!(server.username.as_deref(), Some("ann"));
    assert_eq!(server.token_expires_at, Some(EXPIRES));
    assert_eq!(server.permissions.map(|p| p.letters()), Some("xrwd".into()));
    assert_eq!(
        secrets
            .read(&token_account(&server.id))
            .unwrap()
            .map(|t| t.expose().clone()),
        Some("tok".to_string())
    );
    // Stored, so a fresh list says the same.
    assert_eq!(servers.list().unwrap(), vec![server]);
}

#[tokio::test]
async fn a_read_only_token_is_stored_with_its_access() {
    let emulator = Emulator::new("tok");
    emulator.add_token(TokenGrant {
        token: "ro".into(),
        access: "r".into(),
        expires_at: Some(EXPIRES),
    });
    let running = emulator.spawn().await.unwrap();
    let workspace = workspace(Arc::new(MemorySecretStore::new()));
    let added = workspace
        .servers()
        .add(
            "Prod",
            &running.base_url(),
            None,
            ServerAuth::Token {
                token: Sensitive::new("ro".into()),
            },
        )
        .await
        .unwrap();
    let read_only = GatewayPermissions {
        read: true,
        ..GatewayPermissions::default()
    };
    assert_eq!(added.permissions, Some(read_only));
    assert_eq!(added.token_expires_at, Some(EXPIRES));

    let report = workspace.servers().test("Prod").await.unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.permissions, Some(read_only));
}

#[tokio::test]
async fn a_test_refreshes_the_stored_expiry() {
    let emulator = Emulator::new("tok");
    emulator.set_token_expiry(EXPIRES);
    let running = emulator.spawn().await.unwrap();
    let workspace = workspace(Arc::new(MemorySecretStore::new()));
    let auth = ServerAuth::Token {
        token: Sensitive::new("tok".into()),
    };
    let added = workspace
        .servers()
        .add("Prod", &running.base_url(), None, auth)
        .await
        .unwrap();
    assert_eq!(added.token_expires_at, Some(EXPIRES));
    emulator.set_token_expiry(EXPIRES + 1000);
    let report = workspace.servers().test("Prod").await.unwrap();
    assert_eq!(report.token_expires_at, Some(EXPIRES + 1000));
    let listed = workspace.servers().list().unwrap();
    assert_eq!(listed[0].token_expires_at, Some(EXPIRES + 1000));
}

#[tokio::test]
async fn logging_in_again_replaces_an_expired_token() {
    let emulator = two_factor();
    let running = emulator.spawn().await.unwrap();
    let secrets = Arc::new(MemorySecretStore::new());
    let workspace = workspace(secrets.clone());
    let added = workspace
        .servers()
        .add("Prod", &running.base_url(), None, login("bob"))
        .await
        .unwrap();
    emulator.set_token_expiry(crate::clock::now_millis() - 1);
    let report = workspace.servers().test("Prod").await.unwrap();
    assert_eq!(report.code, crate::ErrorCode::Unauthorized);

    // A bad token changes nothing.
    let refused = workspace
        .servers()
        .reconnect(
            "Prod",
            ServerAuth::Token {
                token: Sensitive::new("nope".into()),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(refused.code(), crate::ErrorCode::Unauthorized);

    emulator.add_token(TokenGrant {
        token: "fresh".into(),
        access: "rw".into(),
        expires_at: Some(EXPIRES),
    });
    let again = workspace
        .servers()
        .reconnect(
            "Prod",
            ServerAuth::Token {
                token: Sensitive::new("fresh".into()),
            },
        )
        .await
        .unwrap();
    let ConnectOutcome::Connected { server } = again else {
        panic!("not connected");
    };
    assert_eq!(server.id, added.id);
    assert_eq!(server.username.as_deref(), Some("bob"));
    assert_eq!(server.permissions.map(|p| p.letters()), Some("rw".into()));
    assert_eq!(server.token_expires_at, Some(EXPIRES));
    assert!(workspace.servers().test("Prod").await.unwrap().ok);
    assert_eq!(
        secrets
            .read(&token_account(&added.id))
            .unwrap()
            .map(|t| t.expose().clone()),
        Some("fresh".to_string())
    );
}

#[tokio::test]
async fn logging_in_again_with_two_factor_asks_for_the_code_first() {
    let running = two_factor().spawn().await.unwrap();
    let workspace = workspace(Arc::new(MemorySecretStore::new()));
    workspace
        .servers()
        .add(
            "Prod",
            &running.base_url(),
            None,
            ServerAuth::Token {
                token: Sensitive::new("tok".into()),
            },
        )
        .await
        .unwrap();
    let ConnectOutcome::CodeRequired { session } = workspace
        .servers()
        .reconnect("Prod", login("ann"))
        .await
        .unwrap()
    else {
        panic!("no code asked for");
    };
    let done = workspace
        .servers()
        .reconnect(
            "Prod",
            ServerAuth::TwoFactor {
                username: "ann".into(),
                session,
                code: Sensitive::new("123456".into()),
            },
        )
        .await
        .unwrap();
    let ConnectOutcome::Connected { server } = done else {
        panic!("not connected");
    };
    assert_eq!(server.username.as_deref(), Some("ann"));
}

/// The `credential` a refused sign-in names, so the UI gives the step that fits it.
fn credential(error: &crate::CoreError) -> String {
    assert_eq!(error.code(), crate::ErrorCode::Unauthorized, "{error:?}");
    serde_json::to_value(error.params()).unwrap()["credential"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn a_refused_401_says_whether_a_pasted_token_a_login_or_a_password_was_refused() {
    let emulator = Emulator::new("tok");
    let running = emulator.spawn().await.unwrap();
    let workspace = workspace(Arc::new(MemorySecretStore::new()));
    let pasted = ServerAuth::Token {
        token: Sensitive::new("nope".into()),
    };
    let refused = workspace
        .servers()
        .add("Prod", &running.base_url(), None, pasted)
        .await
        .unwrap_err();
    assert_eq!(credential(&refused), "token");

    let wrong_password = ServerAuth::Login {
        username: "bob".into(),
        password: Sensitive::new("wrong".into()),
        domain: String::new(),
    };
    let refused = workspace
        .servers()
        .add("Prod", &running.base_url(), None, wrong_password)
        .await
        .unwrap_err();
    assert_eq!(credential(&refused), "password");

    workspace
        .servers()
        .add("Prod", &running.base_url(), None, login("bob"))
        .await
        .unwrap();
    emulator.set_token_expiry(crate::clock::now_millis() - 1);
    let expired = workspace
        .servers()
        .refresh_flow_schemas("Prod")
        .await
        .unwrap_err();
    assert_eq!(credential(&expired), "login");
}
