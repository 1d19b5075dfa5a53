//! An in-process emulator of the Webitel admin API subset Textgate uses (login with two-factor,
//! userinfo with expiry and access, tokens with limited access, chat
//! bots CRUD with paging/fields/q/provider, routing schemas), strict like the real server. Tests
//! and `textgate-cli emulator` run it on loopback; hooks let tests change state "on the
//! server", read the request log and inject faults. It also speaks as Webitel to a gateway's
//! callback (`act`, auto-reply), so both directions of a custom gateway can be exercised.

mod api;
mod auth;
mod bots;
mod chat;
mod fault_listener;
mod faults;
mod outbound;
mod query;
mod reply;
mod state;

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use faults::{FaultKind, FaultRule, HUGE_ANSWER_BYTES};
pub use outbound::{auto_reply_text, ActError};
pub use state::{
    ChatEntry, Direction, Fault, RequestRecord, TokenGrant, TwoFactorUser,
    DEFAULT_TOKEN_LIFETIME_MS,
};

use crate::harness::delivery::Exchange;
use crate::harness::outbound::AgentAction;
use crate::webitel::wire::{Bot, Schema};
use state::Shared;

/// A handle on the emulator's state; cheap to clone, shared with the running server.
#[derive(Clone)]
pub struct Emulator {
    shared: Arc<Shared>,
}

impl Emulator {
    /// An empty server that accepts `token` in `X-Webitel-Access` (and as the login password).
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            shared: Arc::new(Shared::new(token.into())),
        }
    }

    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// Accepts another token, with limited gateway access (e.g. `"r"`: read-only).
    pub fn add_token(&self, grant: TokenGrant) -> &Self {
        self.shared.lock().grants.push(grant);
        self
    }

    /// Sets when the main token (and every grant without its own expiry) expires, unix ms.
    pub fn set_token_expiry(&self, expires_at: i64) -> &Self {
        self.shared.lock().token_expires_at = expires_at;
        self
    }

    /// Turns two-factor login on for one user (with `None`, off).
    pub fn set_two_factor(&self, user: Option<TwoFactorUser>) -> &Self {
        self.shared.lock().two_factor = user;
        self
    }

    /// Adds a routing schema (`kind`: chat, default, voice, ...).
    pub fn add_schema(&self, id: i64, name: &str, kind: &str) -> &Self {
        self.shared.lock().schemas.push(Schema {
            id: Some(id),
            name: name.into(),
            kind: kind.into(),
        });
        self
    }

    /// Every gateway, with all fields.
    pub fn bots(&self) -> Vec<Bot> {
        self.shared.lock().bots.values().cloned().collect()
    }

    pub fn bot(&self, id: i64) -> Option<Bot> {
        self.shared.lock().bots.get(&id).cloned()
    }

    /// Stores a gateway as if created on the server (no rules applied); returns its id.
    pub fn insert_bot(&self, mut bot: Bot) -> i64 {
        let mut inner = self.shared.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        let now = inner.tick();
        bot.id = Some(id);
        bot.created_at = Some(now);
        bot.updated_at = Some(now);
        inner.bots.insert(id, bot);
        id
    }

    /// Changes a gateway "on the server" (someone else's edit); bumps `updated_at` and names
    /// another admin as `updated_by` (unless `change` names someone).
    pub fn modify_bot(&self, id: i64, change: impl FnOnce(&mut Bot)) -> bool {
        let mut inner = self.shared.lock();
        let now = inner.tick();
        match inner.bots.get_mut(&id) {
            Some(bot) => {
                bot.updated_by = Some(crate::webitel::wire::Lookup {
                    id: Some(2),
                    name: Some("Another admin".into()),
                });
                change(bot);
                bot.updated_at = Some(now);
                true
            }
            None => false,
        }
    }

    /// Deletes a gateway "on the server" (someone else deleted it); whether it was there.
    pub fn remove_bot(&self, id: i64) -> bool {
        self.shared.lock().bots.remove(&id).is_some()
    }

    /// Queues a fault for the next `/api` request.
    pub fn push_fault(&self, fault: Fault) {
        self.shared.lock().faults.push_back(fault);
    }

    /// Sets (or with `None` clears) the fault rule for the gateway endpoints (`/api/chat/…`).
    pub fn set_fault(&self, rule: Option<FaultRule>) {
        self.shared.lock().fault_rule = rule;
    }

    /// The fault rule in force (a one-shot rule is gone once it hit).
    pub fn fault(&self) -> Option<FaultRule> {
        self.shared.lock().fault_rule.clone()
    }

    /// Every chat webhook body accepted (inbound) or sent (outbound), in order.
    pub fn chat_log(&self) -> Vec<ChatEntry> {
        self.shared.lock().chats.clone()
    }

    /// Acts as Webitel for gateway `gateway_id`: composes `action` from the gateway's templates
    /// and POSTs each body, signed with its secret, to its callback URL; every body joins the
    /// transcript with the callback's answer.
    pub async fn act(
        &self,
        gateway_id: i64,
        action: &AgentAction,
    ) -> Result<Vec<Exchange>, ActError> {
        outbound::act(&self.shared, gateway_id, action).await
    }

    /// Turns auto-reply on or off: each accepted inbound message is then answered with the
    /// agent text [`auto_reply_text`] on the gateway's callback.
    pub fn set_auto_reply(&self, on: bool) {
        self.shared.auto_reply.store(on, Ordering::Relaxed);
    }

    pub fn auto_reply(&self) -> bool {
        self.shared.auto_reply.load(Ordering::Relaxed)
    }

    /// Every `/api` request received so far.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.lock().requests.clone()
    }

    pub fn router(&self) -> axum::Router {
        api::router(self.shared.clone())
    }

    /// Serves on `listener` until the process ends (for `textgate-cli emulator`).
    pub async fn serve(&self, listener: TcpListener) -> std::io::Result<()> {
        if let Ok(address) = listener.local_addr() {
            tracing::info!(target: "textgate::emulator", %address, "emulator listening");
        }
        let service = self
            .router()
            .into_make_service_with_connect_info::<faults::ConnKill>();
        axum::serve(faults::FaultListener(listener), service).await
    }

    /// Starts serving on 127.0.0.1 at a free port; stops when the handle is dropped.
    pub async fn spawn(&self) -> std::io::Result<RunningEmulator> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let address = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let service = self
            .router()
            .into_make_service_with_connect_info::<faults::ConnKill>();
        tracing::info!(target: "textgate::emulator", %address, "emulator listening");
        tokio::spawn(async move {
            let _ = axum::serve(faults::FaultListener(listener), service)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
            tracing::info!(target: "textgate::emulator", %address, "emulator stopped");
        });
        Ok(RunningEmulator {
            emulator: self.clone(),
            address,
            _stop: stop,
        })
    }
}

/// A running emulator; dropping it shuts the server down.
pub struct RunningEmulator {
    emulator: Emulator,
    address: SocketAddr,
    _stop: oneshot::Sender<()>,
}

impl RunningEmulator {
    /// `http://127.0.0.1:PORT`; the API is under `/api`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn emulator(&self) -> &Emulator {
        &self.emulator
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod auth_tests;

#[cfg(test)]
mod chat_tests;

#[cfg(test)]
mod chat_stopped_tests;

#[cfg(test)]
mod outbound_tests;
