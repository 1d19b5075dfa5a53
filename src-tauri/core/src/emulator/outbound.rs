//! The emulator speaking as Webitel to a gateway's callback URL, so both directions of a
//! gateway can be proven without a real server: an agent action is composed from the
//! gateway's stored templates (`harness::outbound`), signed with its secret and POSTed to its
//! `metadata.webhook` through the harness's one sender, each body joining the chat transcript
//! with the callback's answer.
//!
//! As Webitel's `SendNotify` does, a body that got no HTTP answer at all stops the sequence
//! (a close notice that cannot be delivered is not followed by the close event), while a
//! non-2xx answer does not. Since release 26.4 a non-2xx counts as a delivery failure: the
//! chat log records it as not delivered (`ChatEntry::outcome`) and it is logged, never retried.
//!
//! When the client closes a chat, Webitel's `SendNotify` still sends the `close` template's
//! text (when it renders to something) but not the close event: the client knows already.
//!
//! An agent's close ends the chat on the server even when its callback does not answer, so a
//! stopped gateway then treats that chat as new (see `chat`).
//!
//! Auto-reply stands in for an agent who answers at once: when it is on, every accepted
//! inbound *message* (not a close or a broadcast report) is answered, after the 200, with the
//! agent text `Auto-reply: <the message's text>` (for a file without text,
//! `Auto-reply: file <name>`), delivered like any other action.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use super::state::{Direction, Shared};
use crate::chat::wire::Message;
use crate::harness::delivery::Exchange;
use crate::harness::in_order::deliver_in_order;
use crate::harness::outbound::{compose, AgentAction, OutboundError};
use crate::profile::Templates;
use crate::webitel::wire::Metadata;

/// Why the emulator cannot act as Webitel for a gateway.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActError {
    #[error("There is no gateway {0} on the emulator")]
    UnknownGateway(i64),
    #[error("Gateway {0} is not a custom gateway")]
    NotCustom(i64),
    #[error("Gateway {0} is stopped: Webitel sends nothing for a stopped gateway")]
    Stopped(i64),
    #[error("Gateway {0} has no callback URL (metadata.webhook)")]
    NoCallback(i64),
    /// The HTTP client could not be set up on this computer.
    #[error("{0}")]
    NoClient(String),
    /// What Webitel would refuse to send (a failing template, a broadcast without text, ...).
    #[error(transparent)]
    Refused(#[from] OutboundError),
}

/// The text auto-reply answers `message` with.
pub fn auto_reply_text(message: &Message) -> String {
    if !message.text.trim().is_empty() {
        return format!("Auto-reply: {}", message.text);
    }
    let file = message.file.as_ref();
    let name = file
        .map(|f| if f.name.is_empty() { &f.url } else { &f.name })
        .cloned()
        .unwrap_or_default();
    format!("Auto-reply: file {name}")
}

/// Composes `action` for gateway `gateway_id`, delivers each body to its callback and records
/// it; the exchanges come back in order.
pub(crate) async fn act(
    shared: &Arc<Shared>,
    gateway_id: i64,
    action: &AgentAction,
) -> Result<Vec<Exchange>, ActError> {
    let (callback, secret, templates) = gateway_setup(shared, gateway_id)?;
    let now_secs = crate::clock::now_secs();
    let bodies = compose(action, &templates, now_secs)?;
    if let AgentAction::Close { chat_id } = action {
        // The agent ended the chat on the server, whatever its callback answers.
        shared
            .lock()
            .open_chats
            .remove(&(gateway_id, chat_id.clone()));
    }
    send_all(shared, gateway_id, action, (&callback, &secret), bodies).await
}

/// Delivers `bodies` in order, each recorded in the transcript; no answer at all stops.
async fn send_all(
    shared: &Arc<Shared>,
    gateway_id: i64,
    action: &AgentAction,
    (callback, secret): (&str, &str),
    bodies: Vec<Vec<u8>>,
) -> Result<Vec<Exchange>, ActError> {
    let chat = action.transcript_chat();
    let client = shared
        .client
        .as_ref()
        .map_err(|e| ActError::NoClient(e.clone()))?;
    let delivered = deliver_in_order(client, callback, secret.as_bytes(), bodies, |exchange| {
        let mut inner = shared.lock();
        inner.record_chat(
            gateway_id,
            Direction::Outbound,
            &chat,
            exchange.request_body.clone(),
            exchange.status,
        );
        if let Some(entry) = inner.chats.last().filter(|entry| !entry.delivered()) {
            // Sent once, never again: Webitel does not retry a failed delivery.
            tracing::warn!(
                target: "textgate::emulator", gateway_id, chat_id = %chat,
                outcome = %entry.outcome(), "callback delivery failed"
            );
        }
        Ok::<_, std::convert::Infallible>(exchange)
    })
    .await;
    Ok(delivered.unwrap_or_else(|never| match never {}))
}

/// The callback URL, secret and templates Webitel would use for the gateway.
fn gateway_setup(
    shared: &Shared,
    gateway_id: i64,
) -> Result<(String, String, Templates), ActError> {
    let inner = shared.lock();
    let bot = inner
        .bots
        .get(&gateway_id)
        .ok_or(ActError::UnknownGateway(gateway_id))?;
    if bot.provider != "custom" {
        return Err(ActError::NotCustom(gateway_id));
    }
    if !bot.enabled {
        return Err(ActError::Stopped(gateway_id));
    }
    let callback = bot
        .metadata
        .get(Metadata::WEBHOOK)
        .filter(|url| !url.is_empty())
        .ok_or(ActError::NoCallback(gateway_id))?
        .to_string();
    let secret = bot.metadata.get(Metadata::SECRET).unwrap_or("").to_string();
    let templates = bot.updates.clone().map(Templates::from).unwrap_or_default();
    Ok((callback, secret, templates))
}

/// When auto-reply is on, answers an accepted inbound message in the background.
pub(crate) fn maybe_auto_reply(shared: &Arc<Shared>, gateway_id: i64, message: &Message) {
    if !shared.auto_reply.load(Ordering::Relaxed) {
        return;
    }
    let action = AgentAction::Text {
        chat_id: message.chat_id.clone(),
        text: auto_reply_text(message),
    };
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        // The outcome is in the transcript; there is no one else to tell.
        let _ = act(&shared, gateway_id, &action).await;
    });
}

/// A chat the client closed: Webitel sends the close notice (if any), not the close event.
pub(crate) fn notify_client_close(shared: &Arc<Shared>, gateway_id: i64, chat_id: &str) {
    let Ok((callback, secret, templates)) = gateway_setup(shared, gateway_id) else {
        return;
    };
    let action = AgentAction::Close {
        chat_id: chat_id.to_string(),
    };
    let now_secs = crate::clock::now_secs();
    let Ok(mut bodies) = compose(&action, &templates, now_secs) else {
        return;
    };
    // The last body is the close event itself.
    bodies.pop();
    if bodies.is_empty() {
        return;
    }
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        let _ = send_all(&shared, gateway_id, &action, (&callback, &secret), bodies).await;
    });
}
