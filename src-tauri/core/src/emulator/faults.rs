//! Fault injection: the ways a real server (or what stands in front of it) misbehaves, served
//! instead of the admin API's answer, so tests and `textgate-cli emulator --fault KIND` can show
//! that Textgate loses nothing and says what went wrong. A standing fault hits the gateway
//! endpoints (`/api/chat/…`) only: login and userinfo stay healthy, so a server can still be
//! added. Resetting a connection needs the socket: see `fault_listener`.

use std::sync::OnceLock;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub(crate) use super::fault_listener::{ConnKill, FaultListener};
use super::reply;

/// The size of the [`FaultKind::Huge`] answer.
pub const HUGE_ANSWER_BYTES: usize = 64 << 20;

/// One way of answering badly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaultKind {
    /// HTTP 500 with a body that is not JSON.
    Garbage500,
    /// HTTP 200 with an HTML page (a proxy's login page, a captive portal).
    Html200,
    /// HTTP 200 with JSON cut off in the middle.
    TruncatedJson,
    /// HTTP 401 with Webitel's error body (the token was revoked).
    Unauthorized,
    /// The connection is reset before any answer.
    Reset,
    /// The request is accepted and never answered.
    Hang,
    /// HTTP 200 with a 64 MiB body.
    Huge,
    /// HTTP 200 with `{"items":[]}`: valid JSON, but not a gateway.
    NotAGateway,
    /// The request is carried out, then the connection is reset: the answer is lost.
    ResetAfter,
}

impl FaultKind {
    pub const ALL: [FaultKind; 9] = [
        FaultKind::Garbage500,
        FaultKind::Html200,
        FaultKind::TruncatedJson,
        FaultKind::Unauthorized,
        FaultKind::Reset,
        FaultKind::Hang,
        FaultKind::Huge,
        FaultKind::NotAGateway,
        FaultKind::ResetAfter,
    ];

    /// The name `--fault` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            FaultKind::Garbage500 => "500-garbage",
            FaultKind::Html200 => "html-200",
            FaultKind::TruncatedJson => "truncated-json",
            FaultKind::Unauthorized => "401",
            FaultKind::Reset => "reset",
            FaultKind::Hang => "hang",
            FaultKind::Huge => "huge",
            FaultKind::NotAGateway => "not-a-gateway",
            FaultKind::ResetAfter => "reset-after",
        }
    }
}

impl std::fmt::Display for FaultKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for FaultKind {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase();
        FaultKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == wanted)
            .ok_or_else(|| {
                let names: Vec<_> = FaultKind::ALL.iter().map(|kind| kind.as_str()).collect();
                format!(
                    "\u{201c}{}\u{201d} is not a fault: use one of {}",
                    text.trim(),
                    names.join(", ")
                )
            })
    }
}

/// Which gateway requests a fault hits: all of them (or one method's), for ever or once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    pub kind: FaultKind,
    /// `POST`, `PUT`, `PATCH`, `DELETE`, `GET`; `None` for every method.
    pub method: Option<String>,
    /// Cleared after the first request it hits.
    pub once: bool,
}

impl FaultRule {
    /// Every gateway request gets `kind` until the rule is cleared.
    pub fn every(kind: FaultKind) -> Self {
        Self {
            kind,
            method: None,
            once: false,
        }
    }

    /// Only the next matching request gets the fault.
    pub fn once(mut self) -> Self {
        self.once = true;
        self
    }

    /// Only requests with this HTTP method.
    pub fn on(mut self, method: &str) -> Self {
        self.method = Some(method.to_ascii_uppercase());
        self
    }

    /// Whether the rule hits a request (path inside `/api`).
    pub(crate) fn hits(&self, method: &str, path: &str) -> bool {
        path.starts_with("/chat/")
            && self
                .method
                .as_deref()
                .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method))
    }
}

/// Serves `kind` in place of the answer; `run` is the real handler (used by `reset-after`).
pub(crate) async fn serve<F>(kind: FaultKind, kill: Option<ConnKill>, run: F) -> Response
where
    F: std::future::Future<Output = Response>,
{
    match kind {
        FaultKind::Garbage500 => plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/plain",
            "\u{1}\u{2} upstream exploded <<< not json >>>",
        ),
        FaultKind::Html200 => plain(
            StatusCode::OK,
            "text/html; charset=utf-8",
            "<!doctype html><html><body><h1>Please sign in</h1></body></html>",
        ),
        FaultKind::TruncatedJson => plain(
            StatusCode::OK,
            "application/json",
            r#"{"id":"1","name":"Support","uri":"/abc","metad"#,
        ),
        FaultKind::Unauthorized => reply::error(
            StatusCode::UNAUTHORIZED,
            "app.context.authorization.invalid",
            "token expired",
        ),
        FaultKind::Reset => reset(kill),
        FaultKind::Hang => {
            // Long enough for any client timeout; the test or process ends first.
            tokio::time::sleep(Duration::from_secs(3600)).await;
            reset(kill)
        }
        FaultKind::Huge => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            Body::from(huge_answer()),
        )
            .into_response(),
        FaultKind::NotAGateway => plain(StatusCode::OK, "application/json", r#"{"items":[]}"#),
        FaultKind::ResetAfter => {
            let _ = run.await;
            reset(kill)
        }
    }
}

fn plain(status: StatusCode, content_type: &'static str, body: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

fn reset(kill: Option<ConnKill>) -> Response {
    match kill {
        Some(kill) => {
            kill.trigger();
            // Never written: the connection fails its next write and is dropped with an RST.
            StatusCode::OK.into_response()
        }
        // Served without a [`FaultListener`] (a router in a test): the nearest thing.
        None => StatusCode::BAD_GATEWAY.into_response(),
    }
}

/// `{"name":"xxx…"}`, 64 MiB, built once per process and shared by every answer.
fn huge_answer() -> Bytes {
    static HUGE: OnceLock<Bytes> = OnceLock::new();
    HUGE.get_or_init(|| {
        // One fill (a memset), then the JSON around it.
        let mut body = vec![b'x'; HUGE_ANSWER_BYTES];
        let head = br#"{"name":""#;
        body[..head.len()].copy_from_slice(head);
        body[HUGE_ANSWER_BYTES - 2..].copy_from_slice(br#""}"#);
        Bytes::from(body)
    })
    .clone()
}

#[cfg(test)]
#[path = "faults_tests.rs"]
mod tests;
