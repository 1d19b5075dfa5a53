//! The emulator's in-memory server state: gateways, flow schemas, a clock that always moves
//! forward, the tokens and logins it accepts (`auth` serves them), the request log, the queue
//! of faults tests inject and the standing fault rule, the chat transcript and the auto-reply
//! switch.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::webitel::wire::{Bot, Schema};

/// A misbehaviour served instead of (or before) the next `/api` answer, in FIFO order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer this HTTP status with a micro error body.
    Status(u16),
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// Answer 200 with a body that is not JSON.
    Garbage,
}

/// One request as the emulator saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub method: String,
    pub path: String,
    pub query: String,
}

/// Which way a chat webhook went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Client's chat service -> Webitel (the gateway URI).
    Inbound,
    /// Webitel -> client's chat service (the callback URL).
    Outbound,
}

/// One webhook body in a chat's transcript: accepted from the client, or sent to its callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatEntry {
    pub gateway_id: i64,
    pub chat_id: String,
    pub direction: Direction,
    /// The exact bytes.
    pub body: Vec<u8>,
    /// Inbound: what the emulator answered. Outbound: what the callback answered, `None` when
    /// no answer came (nothing listening, timeout, ...).
    pub status: Option<u16>,
}

impl ChatEntry {
    /// Answered with a 2xx (for Webitel, anything else is a failed delivery).
    pub fn delivered(&self) -> bool {
        self.status
            .is_some_and(|status| (200..300).contains(&status))
    }
    /// What came of an outbound body, as the emulator reports it: `delivered (HTTP 200)`,
    /// `not delivered (HTTP 500)` (since release 26.4 a non-2xx is a delivery failure; Webitel
    /// sends each body once, with no retry) or `not delivered (no answer)`.
    pub fn outcome(&self) -> String {
        match self.status {
            Some(status) if self.delivered() => format!("delivered (HTTP {status})"),
            Some(status) => format!("not delivered (HTTP {status})"),
            None => "not delivered (no answer)".into(),
        }
    }
}

/// Thirty days: the lifetime of a token when none is configured.
pub const DEFAULT_TOKEN_LIFETIME_MS: i64 = 30 * 24 * 3600 * 1000;

/// A token the emulator accepts besides its main one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenGrant {
    pub token: String,
    /// What it may do with gateways, in Webitel's letters (`"r"` is read-only).
    pub access: String,
    /// Unix milliseconds; `None` lasts the emulator's token lifetime from its start.
    pub expires_at: Option<i64>,
}

/// A user with two-factor login on: after the password (the emulator's token, as for every
/// user) the login asks for `code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoFactorUser {
    pub username: String,
    pub code: String,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub bots: BTreeMap<i64, Bot>,
    pub schemas: Vec<Schema>,
    pub next_id: i64,
    pub last_time: i64,
    pub requests: Vec<RequestRecord>,
    pub faults: VecDeque<Fault>,
    /// The standing (or one-shot) fault on the gateway endpoints, if any.
    pub fault_rule: Option<super::faults::FaultRule>,
    /// Every chat webhook body accepted or sent, in order.
    pub chats: Vec<ChatEntry>,
    /// Chats open on the server, by gateway id and `chatId` (see `chat`).
    pub open_chats: BTreeSet<(i64, String)>,
    /// When the main token expires (unix ms); extra grants default to it.
    pub token_expires_at: i64,
    /// Tokens with limited gateway access (see `auth`).
    pub grants: Vec<TokenGrant>,
    /// The user whose login asks for a one-time code, if any.
    pub two_factor: Option<TwoFactorUser>,
    /// Two-factor sessions handed out by `POST /api/login`, waiting for their code.
    pub two_factor_sessions: Vec<String>,
}

impl Inner {
    pub fn record_chat(
        &mut self,
        gateway_id: i64,
        direction: Direction,
        chat_id: &str,
        body: Vec<u8>,
        status: Option<u16>,
    ) {
        self.chats.push(ChatEntry {
            gateway_id,
            chat_id: chat_id.to_string(),
            direction,
            body,
            status,
        });
    }

    /// The fault kind the standing rule serves to this request, clearing a one-shot rule.
    pub fn take_rule(&mut self, method: &str, path: &str) -> Option<super::faults::FaultKind> {
        let rule = self.fault_rule.as_ref()?;
        if !rule.hits(method, path) {
            return None;
        }
        let kind = rule.kind;
        if rule.once {
            self.fault_rule = None;
        }
        Some(kind)
    }

    /// Unix milliseconds, strictly increasing so every change gets a new `updated_at`.
    pub fn tick(&mut self) -> i64 {
        let now = crate::clock::now_millis();
        self.last_time = now.max(self.last_time + 1);
        self.last_time
    }
}

pub(crate) struct Shared {
    pub token: String,
    /// Answer every accepted inbound message with an agent text (see `outbound::auto_reply`).
    pub auto_reply: AtomicBool,
    /// What the emulator POSTs to callbacks with, or why it could not be set up.
    pub client: Result<crate::harness::delivery::HarnessClient, String>,
    inner: Mutex<Inner>,
}

impl Shared {
    pub fn new(token: String) -> Self {
        Self {
            token,
            auto_reply: AtomicBool::new(false),
            client: crate::harness::delivery::client().map_err(|error| error.to_string()),
            inner: Mutex::new(Inner {
                next_id: 1,
                token_expires_at: crate::clock::now_millis() + DEFAULT_TOKEN_LIFETIME_MS,
                ..Inner::default()
            }),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        // Handlers never panic while holding the lock; a poisoned one is still consistent.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
