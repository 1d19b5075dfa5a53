//! The emulator's in-memory server state: gateways, flow schemas, a clock that always moves
//! forward, the request log, and the queue of faults tests inject.

use std::collections::{BTreeMap, VecDeque};
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

/// One accepted webhook body in a chat's transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatEntry {
    pub gateway_id: i64,
    pub chat_id: String,
    pub direction: Direction,
    /// The exact bytes.
    pub body: Vec<u8>,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub bots: BTreeMap<i64, Bot>,
    pub schemas: Vec<Schema>,
    pub next_id: i64,
    pub last_time: i64,
    pub requests: Vec<RequestRecord>,
    pub faults: VecDeque<Fault>,
    /// Every chat webhook body accepted or sent, in order.
    pub chats: Vec<ChatEntry>,
}

impl Inner {
    pub fn record_chat(
        &mut self,
        gateway_id: i64,
        direction: Direction,
        chat_id: &str,
        body: Vec<u8>,
    ) {
        self.chats.push(ChatEntry {
            gateway_id,
            chat_id: chat_id.to_string(),
            direction,
            body,
        });
    }

    /// Unix milliseconds, strictly increasing so every change gets a new `updated_at`.
    pub fn tick(&mut self) -> i64 {
        let now = crate::store::now_millis();
        self.last_time = now.max(self.last_time + 1);
        self.last_time
    }
}

pub(crate) struct Shared {
    pub token: String,
    inner: Mutex<Inner>,
}

impl Shared {
    pub fn new(token: String) -> Self {
        Self {
            token,
            inner: Mutex::new(Inner {
                next_id: 1,
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
