//! The emulator's chat webhook, `POST /chat/<uri>`, answering as Webitel's custom gateway does:
//! 405 for any other method, 404 for an unknown or stopped gateway, 403 with an empty body when
//! `X-Webitel-Sign` does not prove the raw bytes, then the server's event rules
//! (`chat::inbound`): `{"success":true}` or `{"error":"custom: ..."}`. Accepted events join the
//! chat's transcript; with auto-reply on, an accepted message is answered on the callback.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use super::outbound;
use super::state::{Direction, Shared};
use crate::chat::inbound::{accept, success_body, Inbound};
use crate::signature::{webitel_verify, WEBITEL_HEADER};
use crate::webitel::wire::Metadata;

/// A gateway's inbound webhook.
pub(crate) async fn webhook(
    State(shared): State<Arc<Shared>>,
    method: Method,
    Path(uri): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if method != Method::POST {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let uri = format!("/{}", uri.trim_start_matches('/'));
    let gateway = {
        let inner = shared.lock();
        inner
            .bots
            .values()
            .find(|bot| bot.uri == uri && bot.provider == "custom" && bot.enabled)
            .map(|bot| {
                (
                    bot.id.unwrap_or_default(),
                    bot.metadata.get(Metadata::SECRET).unwrap_or("").to_string(),
                )
            })
    };
    let Some((gateway_id, secret)) = gateway else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = headers.get(WEBITEL_HEADER).and_then(|v| v.to_str().ok());
    if !webitel_verify(secret.as_bytes(), &body, given).is_valid() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let now = crate::store::now_millis() / 1000;
    match accept(&body, now) {
        Ok(event) => {
            shared.lock().record_chat(
                gateway_id,
                Direction::Inbound,
                &event_chat(&event),
                body.to_vec(),
                Some(StatusCode::OK.as_u16()),
            );
            match &event {
                Inbound::Message(message) => {
                    outbound::maybe_auto_reply(&shared, gateway_id, message)
                }
                Inbound::Close(close) => {
                    outbound::notify_client_close(&shared, gateway_id, &close.chat_id)
                }
                Inbound::BroadcastReport(_) => {}
            }
            json(StatusCode::OK, success_body())
        }
        Err(refusal) => json(
            StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            refusal.body(),
        ),
    }
}

/// The chat an inbound event belongs to (a broadcast report belongs to its event id).
fn event_chat(event: &Inbound) -> String {
    match event {
        Inbound::Message(message) => message.chat_id.clone(),
        Inbound::Close(close) => close.chat_id.clone(),
        Inbound::BroadcastReport(report) => format!("broadcast:{}", report.event_id),
    }
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(body),
    )
        .into_response()
}
