//! Logging in over real HTTP: against the emulator (token, two-factor, a wrong code) and a
//! small stand-in answering Webitel's 412s for a password that must be changed.

use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;

use super::*;
use crate::emulator::{Emulator, TwoFactorUser};
use crate::webitel::client::ClientConfig;

fn client(base: &str) -> WebitelClient {
    WebitelClient::new(&ClientConfig::new(base), None).unwrap()
}

fn password(text: &str) -> Sensitive<String> {
    Sensitive::new(text.into())
}

#[tokio::test]
async fn a_login_gives_the_token_or_asks_for_the_code() {
    let emulator = Emulator::new("tok");
    emulator.set_two_factor(Some(TwoFactorUser {
        username: "ann".into(),
        code: "654321".into(),
    }));
    let running = emulator.spawn().await.unwrap();
    let client = client(&running.base_url());

    let plain = client.login("bob", &password("tok"), "").await.unwrap();
    assert!(matches!(plain, LoginOutcome::Token(token) if token.expose() == "tok"));

    let LoginOutcome::CodeRequired(session) =
        client.login("ann", &password("tok"), "").await.unwrap()
    else {
        panic!("no code asked for");
    };
    let wrong = client
        .login_two_factor(&session, &password("111111"))
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), crate::ErrorCode::TwoFactorInvalid);
    let token = client
        .login_two_factor(&session, &password(" 654321 "))
        .await
        .unwrap();
    assert_eq!(token.expose(), "tok");
    // A wrong password stays what it was.
    let refused = client
        .login("ann", &password("nope"), "")
        .await
        .unwrap_err();
    assert_eq!(refused.code(), crate::ErrorCode::Unauthorized);
}

async fn answering_412(id: &'static str) -> String {
    let app = Router::new().route(
        "/api/login",
        post(move || async move {
            (
                StatusCode::PRECONDITION_FAILED,
                axum::Json(serde_json::json!({"id": id, "code": 412, "detail": "change it", "status": "Precondition Failed"})),
            )
        }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{address}")
}

#[tokio::test]
async fn a_password_to_change_has_its_own_codes() {
    let expired = answering_412("app.password.expired").await;
    let error = client(&expired)
        .login("ann", &password("pw"), "")
        .await
        .unwrap_err();
    assert_eq!(error.code(), crate::ErrorCode::PasswordExpired);
    assert!(error.to_string().contains("has expired"), "{error}");

    let forced = answering_412("app.password.force_change").await;
    let error = client(&forced)
        .login("ann", &password("pw"), "")
        .await
        .unwrap_err();
    assert_eq!(error.code(), crate::ErrorCode::PasswordChangeRequired);
}
