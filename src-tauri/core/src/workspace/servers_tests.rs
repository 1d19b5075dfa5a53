//! Adding a server fills its flow-schema cache (so a profile can pick a flow at once, in the
//! app and in the CLI alike), and a server whose schema listing fails is still added.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;

use super::*;
use crate::emulator::Emulator;
use crate::secrets::MemorySecretStore;
use crate::sensitive::Sensitive;
use crate::server::ServerAuth;
use crate::store::Store;

fn workspace() -> Workspace {
    Workspace::new(
        Store::in_memory().unwrap(),
        Arc::new(MemorySecretStore::new()),
    )
}

fn token() -> ServerAuth {
    ServerAuth::Token {
        token: Sensitive::new("tok".into()),
    }
}

#[tokio::test]
async fn adding_a_server_caches_its_flow_schemas() {
    let emulator = Emulator::new("tok");
    emulator
        .add_schema(7, "Support bot", "chat")
        .add_schema(9, "IVR menu", "voice");
    let running = emulator.spawn().await.unwrap();
    let workspace = workspace();

    let added = workspace
        .servers()
        .add("Emu", &running.base_url(), None, token())
        .await
        .unwrap();

    let cached = workspace.profiles().flow_schemas(Some(&added.id)).unwrap();
    let names: Vec<&str> = cached.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Support bot"]);
}

/// The emulator with every schema listing answered 500 (userinfo stays healthy).
async fn emulator_without_schemas() -> String {
    async fn refuse_schemas(request: Request, next: Next) -> Response {
        if request.uri().path().starts_with("/api/routing/schema") {
            return (StatusCode::INTERNAL_SERVER_ERROR, "down").into_response();
        }
        next.run(request).await
    }
    let emulator = Emulator::new("tok");
    emulator.add_schema(7, "Support bot", "chat");
    let router = emulator.router().layer(middleware::from_fn(refuse_schemas));
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

#[tokio::test]
async fn a_server_whose_schemas_cannot_be_listed_is_still_added() {
    let url = emulator_without_schemas().await;
    let workspace = workspace().with_client_timing(
        std::time::Duration::from_secs(2),
        std::time::Duration::from_millis(5),
    );

    let added = workspace
        .servers()
        .add("Emu", &url, None, token())
        .await
        .unwrap();

    assert_eq!(workspace.servers().list().unwrap().len(), 1);
    assert!(workspace
        .profiles()
        .flow_schemas(Some(&added.id))
        .unwrap()
        .is_empty());
    // The listing itself does fail there, so the cache was tried and left empty.
    assert!(workspace
        .servers()
        .refresh_flow_schemas(&added.id)
        .await
        .is_err());
}

#[tokio::test]
async fn every_page_of_flow_schemas_is_cached_and_searched() {
    let emulator = Emulator::new("tok");
    for id in 1..=260 {
        let kind = if id % 2 == 0 { "chat" } else { "default" };
        emulator.add_schema(id, &format!("Flow {id:03}"), kind);
    }
    emulator.add_schema(999, "Voice menu", "voice");
    let running = emulator.spawn().await.unwrap();
    let workspace = workspace();
    let added = workspace
        .servers()
        .add("Emu", &running.base_url(), None, token())
        .await
        .unwrap();

    let cached = workspace.profiles().flow_schemas(Some(&added.id)).unwrap();
    assert_eq!(
        cached.len(),
        260,
        "past the first page of 100; no voice flow"
    );
    let pages: Vec<String> = running
        .emulator()
        .requests()
        .iter()
        .filter(|r| r.path == "/api/routing/schema")
        .map(|r| r.query.clone())
        .collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(pages[2].contains("page=3") && pages[2].contains("size=100"));

    let refreshed = workspace
        .servers()
        .refresh_flow_schemas("Emu")
        .await
        .unwrap();
    assert_eq!(refreshed.len(), 260);
    let server = workspace.servers().find("Emu").unwrap();
    let found = workspace
        .servers()
        .search_flow_schemas(&server, Some("Flow 2"))
        .await
        .unwrap();
    assert_eq!(found.len(), 61, "Flow 200 to Flow 260, over every page");
}
