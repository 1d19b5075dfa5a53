//! The emulator's chat webhook, `POST /chat/<uri>`, answering as Webitel's custom gateway does:
//! 405 for any other method, 404 for an unknown gateway, 403 with an empty body when
//! `X-Webitel-Sign` does not prove the raw bytes, then the server's event rules
//! (`chat::inbound`): `{"success":true}` or `{"error":"custom: ..."}`. Accepted events join the
//! chat's transcript; with auto-reply on, an accepted message is answered on the callback.
//!
//! A stopped (disabled) gateway is still served, as in webitel/chat_manager @8047ea1:
//! `bot/service.go` `Service.ServeHTTP` passes the request to the gateway even when
//! `!gate.GetEnabled()` ("bot still has active channels, need to be gracefully closed"), so
//! `bot/custom/bot.go` `CustomGateway.WebHook` checks the signature (403) and the event as usual.
//! Only a message or close that needs a chat not open yet is refused: `bot/gateway.go`
//! `Gateway.GetChannel` finds no channel and, with the bot disabled, returns the micro error
//! `chat.bot.channel.disabled` "chat: bot is disabled" (502), which `WebHook` answers as 500
//! `{"error":"custom: <that error as JSON>"}`. Messages and closes on an open chat go through;
//! a broadcast report never looks a channel up. Open chats are keyed by the gateway and the
//! `chatId` (Webitel's channel cache, `Gateway.external`): a chat opens with an accepted
//! message and ends with the client's close or the agent's (`act`).

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use super::outbound;
use super::state::{Direction, Shared};
use crate::chat::inbound::{accept, success_body, Inbound, Refusal};
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
            .find(|bot| bot.uri == uri && bot.provider == "custom")
            .map(|bot| {
                (
                    bot.id.unwrap_or_default(),
                    bot.metadata.get(Metadata::SECRET).unwrap_or("").to_string(),
                    bot.enabled,
                )
            })
    };
    let Some((gateway_id, secret, enabled)) = gateway else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = headers.get(WEBITEL_HEADER).and_then(|v| v.to_str().ok());
    if !webitel_verify(secret.as_bytes(), &body, given).is_valid() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let now = crate::clock::now_secs();
    match accept(&body, now).and_then(|event| admit(&shared, gateway_id, enabled, event)) {
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
            answer(StatusCode::OK, success_body())
        }
        Err(refusal) => answer(
            StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            refusal.body(),
        ),
    }
}

/// Opens or ends the event's chat, or refuses it as a disabled gateway refuses a new chat.
fn admit(
    shared: &Shared,
    gateway_id: i64,
    enabled: bool,
    event: Inbound,
) -> Result<Inbound, Refusal> {
    let mut inner = shared.lock();
    let key = match &event {
        Inbound::Message(message) => (gateway_id, message.chat_id.clone()),
        Inbound::Close(close) => (gateway_id, close.chat_id.clone()),
        Inbound::BroadcastReport(_) => return Ok(event),
    };
    if !enabled && !inner.open_chats.contains(&key) {
        return Err(Refusal {
            status: 500,
            reason: BOT_DISABLED.to_string(),
        });
    }
    if matches!(event, Inbound::Message(_)) {
        inner.open_chats.insert(key);
    } else {
        inner.open_chats.remove(&key);
    }
    Ok(event)
}

/// `chat.bot.channel.disabled` as `bot/gateway.go` builds it (`microerr.New(..., 502)`),
/// JSON-encoded by go-micro's `Error()`.
const BOT_DISABLED: &str = r#"{"id":"chat.bot.channel.disabled","code":502,"detail":"chat: bot is disabled","status":"Bad Gateway"}"#;

/// The chat an inbound event belongs to (a broadcast report belongs to its event id).
fn event_chat(event: &Inbound) -> String {
    match event {
        Inbound::Message(message) => message.chat_id.clone(),
        Inbound::Close(close) => close.chat_id.clone(),
        Inbound::BroadcastReport(report) => format!("broadcast:{}", report.event_id),
    }
}

/// Go's `CustomGateway.WebHook` sets `Content-Type: application/json` before a success, but
/// `returnErrorToResp` sets it after `WriteHeader`, where it has no effect: net/http then sniffs
/// the JSON body as text.
fn answer(status: StatusCode, body: Vec<u8>) -> Response {
    let content_type = if status == StatusCode::OK {
        "application/json"
    } else {
        "text/plain; charset=utf-8"
    };
    (
        status,
        [(header::CONTENT_TYPE, content_type)],
        Body::from(body),
    )
        .into_response()
}
