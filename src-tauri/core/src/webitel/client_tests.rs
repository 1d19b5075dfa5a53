//! The client against the emulator over real HTTP: every call, paging, ids as strings, 401,
//! retries of GETs only, timeouts, garbage answers, and a 400 mapped to a form field.

use std::time::Duration;

use super::*;
use crate::emulator::{Emulator, Fault};
use crate::validation::ProfileField;
use crate::webitel::wire::{Bot, Lookup, Metadata};

async fn start() -> (crate::emulator::RunningEmulator, WebitelClient) {
    let emulator = Emulator::new("tok");
    emulator
        .add_schema(7, "Support bot", "chat")
        .add_schema(8, "IVR", "voice");
    let running = emulator.spawn().await.unwrap();
    let client = client_for(&running.base_url(), Some("tok"));
    (running, client)
}

fn client_for(base: &str, token: Option<&str>) -> WebitelClient {
    let config = ClientConfig {
        timeout: Duration::from_millis(700),
        retry_backoff: Duration::from_millis(10),
        ..ClientConfig::new(base)
    };
    WebitelClient::new(&config, token.map(|t| Sensitive::new(t.to_string()))).unwrap()
}

fn custom_bot(name: &str, uri: &str, webhook: &str) -> Bot {
    let mut metadata = Metadata::default();
    metadata.0.insert("secret".into(), "s3cret".into());
    metadata.0.insert("webhook".into(), webhook.into());
    Bot {
        name: name.into(),
        uri: uri.into(),
        provider: "custom".into(),
        metadata,
        ..Bot::default()
    }
}

#[tokio::test]
async fn login_userinfo_and_bot_crud() {
    let (running, client) = start().await;
    let anonymous = client_for(&running.base_url(), None);
    let token = anonymous
        .login("admin", &Sensitive::new("tok".into()), "")
        .await
        .unwrap();
    let crate::webitel::login::LoginOutcome::Token(token) = token else {
        panic!("no token: {token:?}");
    };
    assert_eq!(token.expose(), "tok");
    assert_eq!(
        client.user_info().await.unwrap().user_id,
        Some(1),
        "ids arrive as strings"
    );

    let mut bot = custom_bot("Support", "/support", "https://bot.example.com/hook");
    bot.flow = Some(Lookup {
        id: Some(7),
        name: None,
    });
    let created = client.create_bot(&bot).await.unwrap();
    let id = created.id.unwrap();
    assert_eq!(client.get_bot(id).await.unwrap().name, "Support");
    bot.name = "Support 2".into();
    assert_eq!(client.update_bot(id, &bot).await.unwrap().name, "Support 2");
    assert!(client.set_bot_enabled(id, true).await.unwrap().enabled);
    client.delete_bot(id).await.unwrap();
    assert!(running.emulator().bots().is_empty());
}

#[tokio::test]
async fn lists_follow_every_page() {
    let (running, client) = start().await;
    for i in 0..250 {
        running.emulator().insert_bot(custom_bot(
            &format!("b{i}"),
            &format!("/b{i}"),
            "https://x.io",
        ));
    }
    running.emulator().insert_bot(Bot {
        name: "tg".into(),
        uri: "/tg".into(),
        provider: "telegram".into(),
        ..Bot::default()
    });
    let bots = client.list_custom_bots(None).await.unwrap();
    assert_eq!(bots.len(), 250);
    assert!(
        bots.iter()
            .all(|bot| bot.metadata.get("secret") == Some("s3cret")),
        "fields=metadata was asked"
    );
    let pages = running
        .emulator()
        .requests()
        .iter()
        .filter(|r| r.path == "/api/chat/bots")
        .count();
    assert_eq!(pages, 3, "100 + 100 + 50");
    let schemas = client.list_schemas(None).await.unwrap();
    assert_eq!(schemas.len(), 1, "voice schemas are not offered");
}

#[tokio::test]
async fn a_bad_token_is_unauthorized() {
    let (running, _) = start().await;
    let error = client_for(&running.base_url(), Some("wrong"))
        .user_info()
        .await
        .unwrap_err();
    assert!(
        matches!(error, ClientError::Unauthorized { status: 401, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("log in again"));
}

#[tokio::test]
async fn gets_are_retried_on_5xx_but_posts_never() {
    let (running, client) = start().await;
    let emulator = running.emulator();
    emulator.push_fault(Fault::Status(503));
    emulator.push_fault(Fault::Status(502));
    assert!(client.user_info().await.is_ok(), "two 5xx then success");
    assert_eq!(emulator.requests().len(), 3);

    emulator.push_fault(Fault::Status(500));
    let error = client
        .create_bot(&custom_bot("A", "/a", "https://x.io"))
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::Api { status: 500, .. }));
    let posts = emulator
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(posts, 1, "a POST is never retried");
    assert!(emulator.bots().is_empty());

    for _ in 0..3 {
        emulator.push_fault(Fault::Status(503));
    }
    assert!(
        matches!(
            client.user_info().await,
            Err(ClientError::Api { status: 503, .. })
        ),
        "gives up after 3 tries"
    );
}

#[tokio::test]
async fn timeouts_garbage_and_unreachable_hosts_are_told_apart() {
    let (running, client) = start().await;
    running
        .emulator()
        .push_fault(Fault::Delay(Duration::from_secs(2)));
    assert!(matches!(
        client.get_bot(1).await,
        Err(ClientError::Timeout { .. })
    ));
    running.emulator().push_fault(Fault::Garbage);
    let error = client.user_info().await.unwrap_err();
    assert!(matches!(error, ClientError::NotWebitel { .. }), "{error:?}");
    assert!(error.to_string().contains("not like a Webitel API"));

    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let error = client_for(&format!("http://{closed}"), Some("tok"))
        .user_info()
        .await
        .unwrap_err();
    assert!(
        matches!(error, ClientError::Unreachable { .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_400_micro_error_is_mapped_to_the_callback_field() {
    let (_running, client) = start().await;
    let error = client
        .create_bot(&custom_bot("A", "/a", ""))
        .await
        .unwrap_err();
    assert_eq!(error.to_string(), "custom: webhook required");
    assert_eq!(error.field(), Some(ProfileField::Callback));
}

#[test]
fn base_urls_are_checked() {
    assert!(parse_base_url("https://cloud.example.com").is_ok());
    assert!(parse_base_url("cloud.example.com").is_err());
    assert!(parse_base_url("ftp://cloud.example.com").is_err());
    assert!(parse_base_url("https://user:pw@cloud.example.com").is_err());
    assert!(parse_base_url("https://cloud.example.com/?x=1").is_err());
}
