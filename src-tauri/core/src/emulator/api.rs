//! The emulator's HTTP surface: routes, the gate every `/api` request passes (request log,
//! injected faults, `X-Webitel-Access`), the small endpoints (login, userinfo, schemas), and
//! `/emulator/fault` to switch a fault rule on (`PUT`) or off (`DELETE`) while running.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, RawQuery, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use super::bots;
use super::faults::{self, ConnKill, FaultKind, FaultRule};
use super::query::QueryParams;
use super::reply::{self, protobuf_json};
use super::state::{Fault, RequestRecord, Shared};
use crate::webitel::wire::LoginRequest;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/login", post(login))
        .route("/userinfo", get(userinfo))
        .route("/chat/bots", get(bots::list).post(bots::create))
        .route(
            "/chat/bots/{id}",
            get(bots::read)
                .put(bots::update)
                .patch(bots::patch)
                .delete(bots::remove),
        )
        .route("/routing/schema", get(schemas))
        .fallback(|| async {
            reply::error(
                StatusCode::NOT_FOUND,
                "app.route.not_found",
                "no such endpoint",
            )
        })
        .layer(middleware::from_fn_with_state(shared.clone(), gate));
    Router::new()
        .nest("/api", api)
        // The gateways' webhooks: signed, not behind the admin token.
        .route("/chat/{*uri}", axum::routing::any(super::chat::webhook))
        // Switching faults on and off while running (loopback only, like the whole emulator).
        .route(
            "/emulator/fault",
            axum::routing::put(set_fault).delete(clear_fault),
        )
        .with_state(shared)
}

/// Logs the request, serves an injected fault if one is queued or a fault rule hits it, then
/// checks the token.
async fn gate(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let (fault, ruled) = {
        let mut inner = shared.lock();
        inner.requests.push(RequestRecord {
            method: request.method().to_string(),
            path: format!("/api{}", request.uri().path()),
            query: request.uri().query().unwrap_or_default().to_string(),
        });
        let fault = inner.faults.pop_front();
        let ruled = match fault {
            Some(_) => None,
            None => inner.take_rule(request.method().as_str(), request.uri().path()),
        };
        (fault, ruled)
    };
    if let Some(kind) = ruled {
        let kill = request
            .extensions()
            .get::<ConnectInfo<ConnKill>>()
            .map(|info| info.0.clone());
        return faults::serve(kind, kill, checked(shared, request, next)).await;
    }
    match fault {
        Some(Fault::Status(code)) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return reply::error(status, "emulator.fault", "injected failure");
        }
        Some(Fault::Garbage) => {
            return (StatusCode::OK, Body::from("<html>oops</html>")).into_response()
        }
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        None => {}
    }
    checked(shared, request, next).await
}

/// The token check, then the handler.
async fn checked(shared: Arc<Shared>, request: Request, next: Next) -> Response {
    let is_login = request.method() == Method::POST && request.uri().path() == "/login";
    let authorised = request
        .headers()
        .get("x-webitel-access")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|token| token == shared.token);
    if !is_login && !authorised {
        return reply::error(
            StatusCode::UNAUTHORIZED,
            "app.context.authorization.invalid",
            "invalid or missing access token",
        );
    }
    next.run(request).await
}

/// The body of `PUT /emulator/fault`: `{"kind":"reset","method":"POST","once":true}`.
#[derive(serde::Deserialize)]
struct FaultRequest {
    kind: String,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    once: bool,
}

async fn set_fault(State(shared): State<Arc<Shared>>, body: axum::body::Bytes) -> Response {
    let request = match serde_json::from_slice::<FaultRequest>(&body) {
        Ok(request) => request,
        Err(error) => {
            return reply::bad_request("emulator.fault.invalid", format!("bad body: {error}"))
        }
    };
    let kind = match request.kind.parse::<FaultKind>() {
        Ok(kind) => kind,
        Err(message) => return reply::bad_request("emulator.fault.invalid", message),
    };
    let mut rule = FaultRule::every(kind);
    if let Some(method) = request.method.filter(|m| !m.trim().is_empty()) {
        rule = rule.on(method.trim());
    }
    if request.once {
        rule = rule.once();
    }
    shared.lock().fault_rule = Some(rule);
    StatusCode::NO_CONTENT.into_response()
}

async fn clear_fault(State(shared): State<Arc<Shared>>) -> Response {
    shared.lock().fault_rule = None;
    StatusCode::NO_CONTENT.into_response()
}

async fn login(State(shared): State<Arc<Shared>>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<LoginRequest>(&body) {
        Ok(login) if login.password == shared.token => {
            reply::ok(serde_json::json!({ "access_token": shared.token }))
        }
        Ok(_) => reply::error(
            StatusCode::UNAUTHORIZED,
            "app.login.invalid",
            "invalid username or password",
        ),
        Err(error) => reply::bad_request(
            "app.login.request.invalid",
            format!("bad login body: {error}"),
        ),
    }
}

async fn userinfo() -> Response {
    reply::ok(serde_json::json!({
        "user_id": "1", "username": "admin", "name": "Emulator admin", "domain": "emulator", "dc": "1"
    }))
}

async fn schemas(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery) -> Response {
    let params = QueryParams::parse(query);
    let types = params.all("type");
    let needle = params.first("q").map(str::to_lowercase);
    let mut schemas: Vec<_> = shared
        .lock()
        .schemas
        .iter()
        .filter(|schema| types.is_empty() || types.contains(&schema.kind.as_str()))
        .filter(|schema| {
            needle
                .as_ref()
                .is_none_or(|q| schema.name.to_lowercase().contains(q))
        })
        .cloned()
        .collect();
    schemas.sort_by_key(|schema| schema.id);
    let (page, items) = params.paginate(schemas);
    reply::ok(protobuf_json(&page.with_items(items)))
}
