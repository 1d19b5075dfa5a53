//! The emulator's logins and tokens over real HTTP: a two-factor user, tokens with limited
//! gateway access, expiry, and what userinfo says about them.

use serde_json::{json, Value};

use super::*;

async fn call(
    base: &str,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Value,
) -> (u16, Value) {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = reqwest::Client::new().request(method, format!("{base}/api/{path}"));
    if let Some(token) = token {
        request = request.header("X-Webitel-Access", token);
    }
    if !body.is_null() {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_two_factor_user_gets_a_session_then_the_token_for_the_right_code() {
    let emulator = Emulator::new("tok");
    emulator.set_two_factor(Some(TwoFactorUser {
        username: "ann".into(),
        code: "123456".into(),
    }));
    let running = emulator.spawn().await.unwrap();
    let base = running.base_url();

    let (status, other) = call(
        &base,
        None,
        "POST",
        "login",
        json!({"username":"bob","password":"tok"}),
    )
    .await;
    assert_eq!((status, other["access_token"].clone()), (200, json!("tok")));

    let (status, first) = call(
        &base,
        None,
        "POST",
        "login",
        json!({"username":"ann","password":"tok"}),
    )
    .await;
    assert_eq!(status, 200);
    assert!(first.get("access_token").is_none(), "{first}");
    let session = first["id"].as_str().unwrap().to_string();

    let (status, wrong) = call(
        &base,
        None,
        "POST",
        "login/2fa",
        json!({"id": session, "totp": "000000"}),
    )
    .await;
    assert_eq!(
        (status, wrong["id"].clone()),
        (401, json!("app.login.2fa.invalid"))
    );
    let (status, unknown) = call(
        &base,
        None,
        "POST",
        "login/2fa",
        json!({"id": "nope", "totp": "123456"}),
    )
    .await;
    assert_eq!(
        (status, unknown["id"].clone()),
        (401, json!("app.login.2fa.session.invalid"))
    );

    let (status, done) = call(
        &base,
        None,
        "POST",
        "login/2fa",
        json!({"id": session, "totp": "123456"}),
    )
    .await;
    assert_eq!((status, done["access_token"].clone()), (200, json!("tok")));
    // A session is used once.
    let (status, _) = call(
        &base,
        None,
        "POST",
        "login/2fa",
        json!({"id": session, "totp": "123456"}),
    )
    .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_read_only_token_may_list_but_not_create_and_userinfo_says_so() {
    let emulator = Emulator::new("tok");
    emulator.add_token(TokenGrant {
        token: "ro".into(),
        access: "r".into(),
        expires_at: Some(4_102_444_800_000),
    });
    let running = emulator.spawn().await.unwrap();
    let base = running.base_url();

    let (status, info) = call(&base, Some("ro"), "GET", "userinfo", Value::Null).await;
    assert_eq!(status, 200);
    assert_eq!(info["exp"], json!("4102444800000"));
    let bots = info["scope"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["class"] == "chat_bots")
        .unwrap();
    assert_eq!(bots["access"], "r");
    let (status, full) = call(&base, Some("tok"), "GET", "userinfo", Value::Null).await;
    let full_bots = full["scope"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["class"] == "chat_bots")
        .unwrap();
    assert_eq!((status, full_bots["access"].clone()), (200, json!("xrwd")));

    let (status, _) = call(&base, Some("ro"), "GET", "chat/bots", Value::Null).await;
    assert_eq!(status, 200);
    let body = json!({"name":"x","uri":"/x","provider":"custom","metadata":{"secret":"s","webhook":"https://b.example/h"}});
    let (status, refused) = call(&base, Some("ro"), "POST", "chat/bots", body.clone()).await;
    assert_eq!(
        (status, refused["id"].clone()),
        (403, json!("chat.bot.access.forbidden"))
    );
    let (status, _) = call(&base, Some("tok"), "POST", "chat/bots", body).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn an_expired_token_is_refused_with_401() {
    let emulator = Emulator::new("tok");
    emulator.set_token_expiry(crate::clock::now_millis() - 1);
    let running = emulator.spawn().await.unwrap();
    let (status, body) = call(
        &running.base_url(),
        Some("tok"),
        "GET",
        "userinfo",
        Value::Null,
    )
    .await;
    assert_eq!(
        (status, body["id"].clone()),
        (401, json!("app.context.authorization.expired"))
    );
}
