//! The emulator over real HTTP: auth, paging, field selection, ids as strings, the gateway rules
//! and injected faults.

use serde_json::{json, Value};

use super::*;

struct Client {
    http: reqwest::Client,
    base: String,
}

impl Client {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}/api/{path}", self.base))
            .header("X-Webitel-Access", "tok");
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }
}

async fn start() -> (RunningEmulator, Client) {
    let emulator = Emulator::new("tok");
    emulator
        .add_schema(7, "Support bot", "chat")
        .add_schema(8, "IVR", "voice")
        .add_schema(9, "Default", "default");
    let running = emulator.spawn().await.unwrap();
    let client = Client {
        http: reqwest::Client::new(),
        base: running.base_url(),
    };
    (running, client)
}

fn custom(name: &str, uri: &str) -> Value {
    json!({"name": name, "uri": uri, "provider": "custom",
           "metadata": {"secret": "s3cret", "webhook": "https://bot.example.com/hook"}})
}

#[tokio::test]
async fn auth_is_required_and_login_returns_the_token() {
    let (running, client) = start().await;
    let anonymous = reqwest::get(format!("{}/api/userinfo", running.base_url()))
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let body: Value = anonymous.json().await.unwrap();
    assert_eq!(body["code"], 401);
    let (status, user) = client.call(reqwest::Method::GET, "userinfo", None).await;
    assert_eq!((status, user["user_id"].clone()), (200, json!("1")));
    let (status, login) = client
        .call(
            reqwest::Method::POST,
            "login",
            Some(json!({"username":"a","password":"tok","domain":""})),
        )
        .await;
    assert_eq!((status, login["access_token"].clone()), (200, json!("tok")));
    let (status, _) = client
        .call(
            reqwest::Method::POST,
            "login",
            Some(json!({"username":"a","password":"nope"})),
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn create_applies_the_custom_gateway_rules() {
    let (_running, client) = start().await;
    let post = |body| client.call(reqwest::Method::POST, "chat/bots", Some(body));
    let (status, bot) = post(custom("A", "abc")).await;
    assert_eq!(status, 200);
    assert_eq!(bot["id"], json!("1"), "ids are strings");
    assert_eq!(bot["uri"], "/abc", "a leading slash is added");
    assert!(bot["created_at"].is_string());

    let cases = [
        (
            json!({"name":"B","uri":"/b","provider":"custom","metadata":{"webhook":"https://x.io"}}),
            "custom: secret required",
        ),
        (
            json!({"name":"B","uri":"/b","provider":"custom","metadata":{"secret":"s"}}),
            "custom: webhook required",
        ),
        (
            json!({"name":"B","uri":"/b","provider":"custom","metadata":{"secret":"s","webhook":"not a url"}}),
            "custom: webhook required",
        ),
        (
            json!({"name":"B","uri":"/b?x=1","provider":"custom","metadata":{"secret":"s","webhook":"https://x.io"}}),
            "uri: query or fragment is not allowed",
        ),
        (custom("B", "/abc"), "uri: already in use"),
        (json!({"uri":"/c","provider":"custom"}), "name: required"),
    ];
    for (body, detail) in cases {
        let (status, error) = post(body).await;
        assert_eq!((status, error["detail"].as_str().unwrap()), (400, detail));
        assert_eq!(error["status"], "Bad Request");
    }
    let mut enabled = custom("E", "/e");
    enabled["enabled"] = json!(true);
    let (status, error) = post(enabled.clone()).await;
    assert_eq!(
        (status, error["id"].as_str().unwrap()),
        (400, "chat.bot.flow.required")
    );
    enabled["flow"] = json!({"id": "7"});
    assert_eq!(post(enabled).await.0, 200, "a flow id may be a string");
    assert_eq!(
        client
            .call(reqwest::Method::POST, "chat/bots", None)
            .await
            .0,
        400
    );
}

#[tokio::test]
async fn list_pages_filters_and_selects_fields() {
    let (running, client) = start().await;
    for i in 0..40 {
        let provider = if i % 4 == 0 { "telegram" } else { "custom" };
        running.emulator().insert_bot(Bot {
            name: format!("bot {i:02}"),
            uri: format!("/u{i}"),
            provider: provider.into(),
            metadata: crate::webitel::wire::Metadata(
                [("webhook".to_string(), "https://x.io".to_string())].into(),
            ),
            ..Bot::default()
        });
    }
    let (_, page1) = client
        .call(
            reqwest::Method::GET,
            "chat/bots?provider=custom&size=12&page=1",
            None,
        )
        .await;
    assert_eq!(page1["next"], true);
    assert_eq!(page1["items"].as_array().unwrap().len(), 12);
    let keys: Vec<&String> = page1["items"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["enabled", "id", "name", "provider", "uri"],
        "default fields only (no flow set)"
    );
    let (_, page3) = client
        .call(
            reqwest::Method::GET,
            "chat/bots?provider=custom&size=12&page=3",
            None,
        )
        .await;
    assert_eq!(page3["next"], false);
    assert_eq!(
        page3["items"].as_array().unwrap().len(),
        6,
        "30 custom bots: 12 + 12 + 6"
    );
    let (_, chosen) = client
        .call(
            reqwest::Method::GET,
            "chat/bots?fields=id&fields=metadata&q=BOT%2001",
            None,
        )
        .await;
    let item = chosen["items"][0].as_object().unwrap();
    assert_eq!(item.keys().collect::<Vec<_>>(), ["id", "metadata"]);
    assert_eq!(chosen["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn update_keeps_uri_and_provider_read_only_and_patch_merges() {
    let (running, client) = start().await;
    let (_, created) = client
        .call(reqwest::Method::POST, "chat/bots", Some(custom("A", "/a")))
        .await;
    let before = created["updated_at"]
        .as_str()
        .unwrap()
        .parse::<i64>()
        .unwrap();
    let mut changed = custom("A2", "/other");
    let (status, error) = client
        .call(reqwest::Method::PUT, "chat/bots/1", Some(changed.clone()))
        .await;
    assert_eq!(
        (status, error["detail"].as_str().unwrap()),
        (400, "uri: attribute is readonly")
    );
    changed["uri"] = json!("/a");
    changed["provider"] = json!("telegram");
    let (_, error) = client
        .call(reqwest::Method::PUT, "chat/bots/1", Some(changed.clone()))
        .await;
    assert_eq!(error["detail"], "provider: attribute is readonly");
    changed["provider"] = json!("custom");
    let (status, updated) = client
        .call(reqwest::Method::PUT, "chat/bots/1", Some(changed))
        .await;
    assert_eq!((status, updated["name"].clone()), (200, json!("A2")));
    assert!(
        updated["updated_at"]
            .as_str()
            .unwrap()
            .parse::<i64>()
            .unwrap()
            > before
    );

    let (status, patched) = client
        .call(
            reqwest::Method::PATCH,
            "chat/bots/1",
            Some(json!({"name":"A3"})),
        )
        .await;
    assert_eq!((status, patched["name"].clone()), (200, json!("A3")));
    assert_eq!(
        running.emulator().bot(1).unwrap().metadata.get("secret"),
        Some("s3cret"),
        "PATCH keeps the rest"
    );
    let (status, _) = client
        .call(
            reqwest::Method::PATCH,
            "chat/bots/1",
            Some(json!({"enabled":true})),
        )
        .await;
    assert_eq!(status, 400, "enabling without a flow is refused");
    assert_eq!(
        client
            .call(
                reqwest::Method::PUT,
                "chat/bots/99",
                Some(custom("x", "/x"))
            )
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn delete_and_read_unknown_ids() {
    let (_running, client) = start().await;
    client
        .call(reqwest::Method::POST, "chat/bots", Some(custom("A", "/a")))
        .await;
    assert_eq!(
        client
            .call(reqwest::Method::GET, "chat/bots/1", None)
            .await
            .0,
        200
    );
    assert_eq!(
        client
            .call(reqwest::Method::DELETE, "chat/bots/1", None)
            .await
            .0,
        200
    );
    let (status, error) = client
        .call(reqwest::Method::DELETE, "chat/bots/1", None)
        .await;
    assert_eq!(
        (status, error["id"].as_str().unwrap()),
        (400, "chat.bot.delete.not_found")
    );
    assert_eq!(
        client
            .call(reqwest::Method::GET, "chat/bots/1", None)
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn schemas_filter_by_type_and_query() {
    let (_running, client) = start().await;
    let (_, answer) = client
        .call(
            reqwest::Method::GET,
            "routing/schema?type=chat&type=default&size=1",
            None,
        )
        .await;
    assert_eq!(
        answer["items"][0],
        json!({"id":"7","name":"Support bot","type":"chat"})
    );
    assert_eq!(answer["next"], true);
    let (_, all) = client
        .call(
            reqwest::Method::GET,
            "routing/schema?type=chat&type=default",
            None,
        )
        .await;
    assert_eq!(
        all["items"].as_array().unwrap().len(),
        2,
        "voice is filtered out"
    );
    let (_, found) = client
        .call(reqwest::Method::GET, "routing/schema?q=defa", None)
        .await;
    assert_eq!(found["items"][0]["name"], "Default");
}

#[tokio::test]
async fn faults_are_served_in_order() {
    let (running, client) = start().await;
    let emulator = running.emulator();
    emulator.push_fault(Fault::Status(503));
    emulator.push_fault(Fault::Garbage);
    assert_eq!(
        client.call(reqwest::Method::GET, "userinfo", None).await.0,
        503
    );
    let (status, body) = client.call(reqwest::Method::GET, "userinfo", None).await;
    assert_eq!((status, body), (200, json!("<html>oops</html>")));
    assert_eq!(
        client.call(reqwest::Method::GET, "userinfo", None).await.0,
        200
    );
    emulator.push_fault(Fault::Delay(std::time::Duration::from_millis(300)));
    let started = std::time::Instant::now();
    client.call(reqwest::Method::GET, "userinfo", None).await;
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));
    assert_eq!(emulator.requests().len(), 4);
}
