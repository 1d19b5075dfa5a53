//! The emulator's logins and tokens, as a real server has them: the main token (full access),
//! extra tokens with limited gateway access (Webitel's letters `x` create, `r` read, `w`
//! update, `d` delete) for tests of what a token may not do, an expiry on every token (an
//! expired one is refused with 401), and a two-factor user whose login answers
//! `{"id": "<session>"}` and whose token comes from `POST /api/login/2fa` with the code.
//! `GET /api/userinfo` answers each token's `exp` (ms) and its `chat_bots` scope.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;

use super::reply;
use super::state::Shared;
use crate::webitel::access::GATEWAY_CLASS;
use crate::webitel::login::{LoginRequest, TwoFactorRequest};

/// What the gate found for the request's `X-Webitel-Access`.
pub(crate) enum TokenCheck {
    Granted { access: String, expires_at: i64 },
    Expired,
    Unknown,
}

pub(crate) fn check_token(shared: &Shared, headers: &HeaderMap) -> TokenCheck {
    let Some(token) = headers
        .get("x-webitel-access")
        .and_then(|value| value.to_str().ok())
    else {
        return TokenCheck::Unknown;
    };
    let inner = shared.lock();
    let found = if token == shared.token {
        Some(("xrwd".to_string(), inner.token_expires_at))
    } else {
        inner
            .grants
            .iter()
            .find(|grant| grant.token == token)
            .map(|grant| {
                (
                    grant.access.clone(),
                    grant.expires_at.unwrap_or(inner.token_expires_at),
                )
            })
    };
    match found {
        Some((_, expires_at)) if expires_at <= crate::clock::now_millis() => TokenCheck::Expired,
        Some((access, expires_at)) => TokenCheck::Granted { access, expires_at },
        None => TokenCheck::Unknown,
    }
}

/// chat_manager's answer when the token lacks the letter a gateway request needs.
pub(crate) fn gateway_refusal(method: &Method, path: &str, access: &str) -> Option<Response> {
    if !path.starts_with("/chat/bots") {
        return None;
    }
    let (letter, word) = match *method {
        Method::POST => ('x', "ADD"),
        Method::PUT | Method::PATCH => ('w', "WRITE"),
        Method::DELETE => ('d', "DELETE"),
        _ => ('r', "READ"),
    };
    (!access.contains(letter)).then(|| {
        reply::error(
            StatusCode::FORBIDDEN,
            "chat.bot.access.forbidden",
            format!("chatbot: objclass {word} privilege NOT GRANTED !"),
        )
    })
}

pub(crate) async fn login(State(shared): State<Arc<Shared>>, body: axum::body::Bytes) -> Response {
    let login = match serde_json::from_slice::<LoginRequest>(&body) {
        Ok(login) => login,
        Err(error) => {
            return reply::bad_request(
                "app.login.request.invalid",
                format!("bad login body: {error}"),
            )
        }
    };
    if login.password != shared.token {
        return reply::error(
            StatusCode::UNAUTHORIZED,
            "app.login.invalid",
            "invalid username or password",
        );
    }
    let mut inner = shared.lock();
    let two_factor = inner
        .two_factor
        .as_ref()
        .is_some_and(|user| user.username == login.username);
    if two_factor {
        let session = crate::generate::generate_secret();
        inner.two_factor_sessions.push(session.clone());
        return reply::ok(serde_json::json!({ "id": session }));
    }
    reply::ok(serde_json::json!({ "access_token": shared.token }))
}

pub(crate) async fn login_two_factor(
    State(shared): State<Arc<Shared>>,
    body: axum::body::Bytes,
) -> Response {
    let request = match serde_json::from_slice::<TwoFactorRequest>(&body) {
        Ok(request) => request,
        Err(error) => {
            return reply::bad_request(
                "app.login.request.invalid",
                format!("bad two-factor body: {error}"),
            )
        }
    };
    let mut inner = shared.lock();
    let Some(at) = inner
        .two_factor_sessions
        .iter()
        .position(|session| *session == request.id)
    else {
        return reply::error(
            StatusCode::UNAUTHORIZED,
            "app.login.2fa.session.invalid",
            "two-factor session not found or expired",
        );
    };
    let code_matches = inner
        .two_factor
        .as_ref()
        .is_some_and(|user| user.code == request.totp.trim());
    if !code_matches {
        return reply::error(
            StatusCode::UNAUTHORIZED,
            "app.login.2fa.invalid",
            "invalid one-time password",
        );
    }
    inner.two_factor_sessions.remove(at);
    reply::ok(serde_json::json!({ "access_token": shared.token }))
}

pub(crate) async fn userinfo(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let (access, expires_at) = match check_token(&shared, &headers) {
        TokenCheck::Granted { access, expires_at } => (access, expires_at),
        // The gate let only a granted token through.
        TokenCheck::Expired | TokenCheck::Unknown => (String::new(), 0),
    };
    reply::ok(serde_json::json!({
        "user_id": "1", "username": "admin", "name": "Emulator admin", "domain": "emulator",
        "dc": "1", "exp": expires_at.to_string(),
        "scope": [
            {"id": "10", "name": "Chat bots", "class": GATEWAY_CLASS, "access": access, "obac": true},
            {"id": "11", "name": "Flow schemas", "class": "acr_routing", "access": "xrwd", "obac": true}
        ]
    }))
}
