//! A local stand-in for the client's chat service at the callback URL: an HTTP server bound to
//! 127.0.0.1 that logs every request with its exact bytes and whether `X-Webitel-Sign` proves
//! them under the profile's secret, then answers as configured (status, body, delay, and a plan
//! that fails on purpose: `receiver_plan`) so the sender's handling of failures and slowness
//! can be tried. Only loopback Host headers are served (a web page cannot reach it through DNS
//! rebinding), bodies are size-limited, and the connections are capped and timed
//! (`receiver_serve`). Only the newest requests stay in memory (`log_window`); the live feed
//! hands every one on, in arrival order.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde::Serialize;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, oneshot, watch};

use super::receiver_plan::{self, Planner};
use super::receiver_serve::{self, Limits};
use crate::sensitive::Sensitive;
use crate::signature::{Scheme, Verdict};

pub use super::receiver_plan::{AnswerPlan, Answered, ReceiverAnswer};
pub use super::receiver_serve::{DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS};

/// The largest body the receiver accepts by default (Webitel's messages are small).
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;
/// How many of the newest requests [`RunningReceiver::log`] keeps by default.
pub const DEFAULT_LOG_WINDOW: usize = 1000;

#[derive(Debug, Clone)]
pub struct ReceiverConfig {
    /// 0 picks a free port.
    pub port: u16,
    /// The path that verifies and logs (`/hook`); other paths get 404 and are logged too.
    pub path: String,
    pub secret: Sensitive<String>,
    pub max_body: usize,
    pub answer: ReceiverAnswer,
    /// A client has this long to send a request's headers; then its connection is closed.
    pub header_read_timeout: Duration,
    /// At most this many connections are served at once; more wait their turn.
    pub max_connections: usize,
    /// How many of the newest requests stay in memory for [`RunningReceiver::log`].
    pub log_window: usize,
}

impl ReceiverConfig {
    /// A receiver on a free loopback port at `path`, verifying with `secret` and answering
    /// `{"success":true}` at once; change the fields for anything else.
    pub fn new(path: impl Into<String>, secret: impl Into<String>) -> Self {
        Self {
            port: 0,
            path: path.into(),
            secret: Sensitive::new(secret.into()),
            max_body: DEFAULT_MAX_BODY,
            answer: ReceiverAnswer::default(),
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            log_window: DEFAULT_LOG_WINDOW,
        }
    }
}

/// One request as the receiver saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedRequest {
    /// 1, 2, 3, ... in arrival order.
    pub seq: u64,
    /// Unix milliseconds.
    pub time: i64,
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    #[serde(skip)]
    pub body: Vec<u8>,
    pub verdict: Verdict,
    /// What the receiver answered: a status, or none (dropped, hung).
    pub answered: Answered,
}

impl ReceivedRequest {
    /// The status it was answered with, when it got an HTTP answer.
    pub fn status(&self) -> Option<u16> {
        self.answered.status()
    }
}

struct Shared {
    config: ReceiverConfig,
    port: u16,
    log: Mutex<Log>,
    live: mpsc::UnboundedSender<ReceivedRequest>,
    /// Turns true when the receiver stops: hung requests end then.
    stopping: watch::Sender<bool>,
}

/// The newest requests, how many arrived in all, and the plan deciding each one's answer.
struct Log {
    window: VecDeque<ReceivedRequest>,
    total: u64,
    planner: Planner,
}

/// A running receiver; dropping it stops the server.
pub struct RunningReceiver {
    address: SocketAddr,
    shared: Arc<Shared>,
    stop: oneshot::Sender<()>,
    server: tokio::task::JoinHandle<()>,
}

impl RunningReceiver {
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:PORT/path`: the callback URL to configure.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.address, self.shared.config.path)
    }

    /// Stops accepting, lets requests in flight get their answers (up to `grace`), then ends:
    /// connections still open after `grace` are cut, so nothing of the receiver outlives this.
    pub async fn stop(self, grace: Duration) {
        tracing::info!(target: "textgate::receiver", address = %self.address, "receiver stopping");
        let _ = self.stop.send(());
        let mut server = self.server;
        if tokio::time::timeout(grace, &mut server).await.is_err() {
            server.abort();
            let _ = server.await;
        }
        tracing::info!(target: "textgate::receiver", address = %self.address, "receiver stopped");
    }

    /// The newest requests (at most `log_window`), oldest first.
    pub fn log(&self) -> Vec<ReceivedRequest> {
        lock(&self.shared.log).window.iter().cloned().collect()
    }

    /// How many requests were logged in all, including those no longer in [`Self::log`].
    pub fn received(&self) -> u64 {
        lock(&self.shared.log).total
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Starts the receiver; the returned channel yields each request as it is logged.
pub async fn start(
    mut config: ReceiverConfig,
) -> std::io::Result<(RunningReceiver, mpsc::UnboundedReceiver<ReceivedRequest>)> {
    if !config.path.starts_with('/') {
        config.path.insert(0, '/');
    }
    let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
    let address = listener.local_addr()?;
    let (live, events) = mpsc::unbounded_channel();
    let max_body = config.max_body;
    let limits = Limits {
        header_read_timeout: config.header_read_timeout,
        max_connections: config.max_connections,
    };
    let shared = Arc::new(Shared {
        log: Mutex::new(Log {
            window: VecDeque::with_capacity(config.log_window.min(DEFAULT_LOG_WINDOW)),
            total: 0,
            planner: Planner::new(&config.answer.plan),
        }),
        config,
        port: address.port(),
        live,
        stopping: watch::Sender::new(false),
    });
    let router = Router::new()
        .fallback(receive)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(shared.clone());
    let (stop, stopped) = oneshot::channel::<()>();
    let stopping = shared.clone();
    let on_stop = move || {
        stopping.stopping.send_replace(true);
    };
    let server = tokio::spawn(receiver_serve::serve(
        listener, router, limits, stopped, on_stop,
    ));
    tracing::info!(
        target: "textgate::receiver",
        %address, path = %shared.config.path, "receiver listening"
    );
    Ok((
        RunningReceiver {
            address,
            shared,
            stop,
            server,
        },
        events,
    ))
}

async fn receive(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Response {
    let started = Instant::now();
    if !is_loopback_host(&headers, shared.port) {
        return (StatusCode::MISDIRECTED_REQUEST, "unexpected Host header").into_response();
    }
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return rejection.into_response(),
    };
    let config = &shared.config;
    let on_path = uri.path() == config.path;
    // Webitel signs its callbacks with its own scheme, which never fails to check.
    let verdict = Scheme::Webitel
        .verify_request(
            config.secret.expose(),
            &body,
            |name| headers.get(name).and_then(|v| v.to_str().ok()),
            crate::clock::now_secs(),
        )
        .unwrap_or_else(|error| Verdict::Invalid(error.0));
    let answered = {
        let mut log = lock(&shared.log);
        let answered = if on_path {
            log.planner.next(config.answer.status)
        } else {
            Answered::Status(404)
        };
        log.total += 1;
        let entry = ReceivedRequest {
            seq: log.total,
            time: crate::clock::now_millis(),
            method: method.to_string(),
            path: uri.path().to_string(),
            headers: headers
                .iter()
                .map(|(k, v)| {
                    (
                        k.to_string(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body: body.to_vec(),
            verdict,
            answered,
        };
        if config.log_window > 0 {
            if log.window.len() == config.log_window {
                log.window.pop_front();
            }
            log.window.push_back(entry.clone());
        }
        // Sent under the lock, so the feed's order is the order of `seq`.
        let _ = shared.live.send(entry);
        answered
    };
    if !on_path {
        return StatusCode::NOT_FOUND.into_response();
    }
    receiver_plan::give(&config.answer, answered, started, &shared.stopping).await
}

/// The Host header names this loopback port (127.0.0.1, localhost or [::1]).
fn is_loopback_host(headers: &HeaderMap, port: u16) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|name| host.eq_ignore_ascii_case(&format!("{name}:{port}")))
}

#[cfg(test)]
#[path = "receiver_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "receiver_fail_tests.rs"]
mod fail_tests;
