//! The emulator's HTTP surface: routes, the gate every `/api` request passes (request log,
//! injected faults, `X-Webitel-Access` and its access), the schema listing (logins and userinfo
//! are in `auth`), and
//! `/emulator/fault` to switch a fault rule on (`PUT`) or off (`DELETE`) while running.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, RawQuery, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use super::auth::{self, TokenCheck};
use super::bots;
use super::faults::{self, ConnKill, FaultKind, FaultRule};
use super::query::QueryParams;
use super::reply::{self, protobuf_json};
use super::state::{Fault, RequestRecord, Shared};

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/login", post(auth::login))
        .route("/login/2fa", post(auth::login_two_factor))
        .route("/userinfo", get(auth::userinfo))
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

/// The token check (known, not expired, allowed the gateway request), then the handler.
async fn checked(shared: Arc<Shared>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_login = request.method() == Method::POST && (path == "/login" || path == "/login/2fa");
    if is_login {
        return next.run(request).await;
    }
    match auth::check_token(&shared, request.headers()) {
        TokenCheck::Granted { access, .. } => {
            if let Some(refusal) = auth::gateway_refusal(request.method(), path, &access) {
                return refusal;
            }
            next.run(request).await
        }
        TokenCheck::Expired => reply::error(
            StatusCode::UNAUTHORIZED,
            "app.context.authorization.expired",
            "the access token has expired",
        ),
        TokenCheck::Unknown => reply::error(
            StatusCode::UNAUTHORIZED,
            "app.context.authorization.invalid",
            "invalid or missing access token",
        ),
    }
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
