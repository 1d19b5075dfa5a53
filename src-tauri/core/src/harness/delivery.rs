//! One signed webhook POST, the single way the harness sends anything: the client's events to
//! a gateway URI (send, replay, burst) and Webitel's events to a callback URL (emulation). The
//! body goes out byte for byte as given and `X-Webitel-Sign` is computed over exactly those
//! bytes (or deliberately spoiled, to show the server's 403). What came back, how long it took
//! and why it failed are kept for the history and the burst statistics.

use std::time::Instant;

pub use super::client::{client, HarnessClient, DEFAULT_TIMEOUT};
pub use super::target::{check_target, without_userinfo};

use serde::Serialize;
use ts_rs::TS;

use crate::error_text::error_chain;
use crate::signature::{webitel_sign, WEBITEL_HEADER};

/// Bytes of an answer body kept; longer answers are cut (`response_truncated`).
pub const MAX_KEPT_ANSWER: usize = 256 * 1024;

/// How the request is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Signing {
    /// `X-Webitel-Sign` over the exact bytes with the secret.
    Correct,
    /// A well-formed signature that does not match (the right one with its last digit changed).
    Wrong,
    /// No `X-Webitel-Sign` header at all.
    Unsigned,
}

impl Signing {
    /// The name as serialised (`correct`, `wrong`, `unsigned`), for storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Signing::Correct => "correct",
            Signing::Wrong => "wrong",
            Signing::Unsigned => "unsigned",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Signing::Correct, Signing::Wrong, Signing::Unsigned]
            .into_iter()
            .find(|signing| signing.as_str() == text)
    }
}

/// Why no HTTP answer came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FailureKind {
    /// Nothing listens there, or the connection was refused or reset before an answer.
    Connect,
    Timeout,
    /// The URL cannot be requested (bad scheme, host, ...).
    InvalidUrl,
    /// Anything else on the way (a broken answer, TLS, ...).
    Other,
    /// The local receiver closed the connection without answering, on purpose (its plan).
    Dropped,
    /// The local receiver never answered, on purpose (its plan).
    Hung,
}

impl FailureKind {
    /// The name as serialised (`connect`, `timeout`, `invalidUrl`, `other`, `dropped`, `hung`).
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Connect => "connect",
            FailureKind::Timeout => "timeout",
            FailureKind::InvalidUrl => "invalidUrl",
            FailureKind::Other => "other",
            FailureKind::Dropped => "dropped",
            FailureKind::Hung => "hung",
        }
    }

    /// The error code a front end gives for this failure (the CLI's `send`).
    pub fn code(self) -> crate::ErrorCode {
        match self {
            FailureKind::Connect => crate::ErrorCode::Connect,
            FailureKind::Timeout => crate::ErrorCode::Timeout,
            FailureKind::InvalidUrl => crate::ErrorCode::InvalidUrl,
            FailureKind::Other | FailureKind::Dropped | FailureKind::Hung => {
                crate::ErrorCode::Other
            }
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            FailureKind::Connect,
            FailureKind::Timeout,
            FailureKind::InvalidUrl,
            FailureKind::Other,
            FailureKind::Dropped,
            FailureKind::Hung,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
    }
}

/// A delivery that got no HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeliveryFailure {
    pub kind: FailureKind,
    pub message: String,
}

/// One request and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    pub url: String,
    /// The headers sent (none of them secret: the signature is a MAC, not the key).
    pub request_headers: Vec<(String, String)>,
    /// The exact bytes sent.
    #[serde(skip)]
    pub request_body: Vec<u8>,
    /// The HTTP status, when an answer came.
    pub status: Option<u16>,
    pub response_headers: Vec<(String, String)>,
    #[serde(skip)]
    pub response_body: Vec<u8>,
    pub response_truncated: bool,
    /// From the start of the request to the end of the answer's body.
    #[ts(type = "number")]
    pub elapsed_micros: u64,
    pub failure: Option<DeliveryFailure>,
}

impl Exchange {
    /// An answer came and it was 2xx (Webitel counts anything else as a failed delivery).
    pub fn delivered(&self) -> bool {
        self.status
            .is_some_and(|status| (200..300).contains(&status))
    }
}

/// The headers a request carries: JSON content type and, unless unsigned, `X-Webitel-Sign`.
pub fn signed_headers(secret: &[u8], body: &[u8], signing: Signing) -> Vec<(String, String)> {
    let mut headers = vec![("Content-Type".to_string(), "application/json".to_string())];
    match signing {
        Signing::Correct => headers.push((WEBITEL_HEADER.into(), webitel_sign(secret, body))),
        Signing::Wrong => headers.push((WEBITEL_HEADER.into(), spoil(&webitel_sign(secret, body)))),
        Signing::Unsigned => {}
    }
    headers
}

/// The same hex with its last digit changed: looks right, proves nothing.
fn spoil(signature: &str) -> String {
    let mut spoiled = signature.to_string();
    let last = match spoiled.pop() {
        Some('0') => '1',
        _ => '0',
    };
    spoiled.push(last);
    spoiled
}

/// POSTs `body` to `url`, signed as asked, and reports what happened. Never fails: a network
/// problem is an [`Exchange`] with a `failure`.
pub async fn deliver(
    client: &HarnessClient,
    url: &str,
    body: &[u8],
    secret: &[u8],
    signing: Signing,
) -> Exchange {
    let headers = signed_headers(secret, body, signing);
    post(client, url, body.to_vec(), headers).await
}

/// POSTs `body` with exactly `headers` (a replay of a recorded request).
pub async fn post(
    client: &HarnessClient,
    url: &str,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
) -> Exchange {
    let shown = without_userinfo(url);
    let mut exchange = Exchange {
        url: shown.clone(),
        request_headers: headers,
        request_body: body,
        status: None,
        response_headers: Vec::new(),
        response_body: Vec::new(),
        response_truncated: false,
        elapsed_micros: 0,
        failure: None,
    };
    let parsed = match check_target(url) {
        Ok(parsed) => parsed,
        Err(message) => {
            exchange.failure = Some(DeliveryFailure {
                kind: FailureKind::InvalidUrl,
                message,
            });
            return exchange;
        }
    };
    // Where it went, for the log (`-vv`): host and path only, never the query or a header.
    let target = tracing::enabled!(target: "textgate::harness", tracing::Level::DEBUG).then(|| {
        let host = parsed.host_str().unwrap_or_default().to_string();
        (host, parsed.path().to_string())
    });
    let mut request = client
        .for_url(&parsed)
        .post(parsed)
        .body(exchange.request_body.clone());
    for (name, value) in &exchange.request_headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let started = Instant::now();
    let outcome = match request.send().await {
        Ok(mut response) => {
            exchange.status = Some(response.status().as_u16());
            exchange.response_headers = response
                .headers()
                .iter()
                .map(|(k, v)| (k.to_string(), String::from_utf8_lossy(v.as_bytes()).into()))
                .collect();
            read_answer(&mut response, &mut exchange).await
        }
        Err(error) => Err(error),
    };
    exchange.elapsed_micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    if let Err(error) = outcome {
        exchange.failure = Some(describe(&error, &shown));
    }
    if let Some((host, path)) = target {
        tracing::debug!(
            target: "textgate::harness",
            host, path, status = exchange.status, elapsed_ms = exchange.elapsed_micros / 1000,
            failure = exchange.failure.as_ref().map(|failure| failure.message.as_str()),
            "harness delivery"
        );
    }
    exchange
}

async fn read_answer(
    response: &mut reqwest::Response,
    exchange: &mut Exchange,
) -> Result<(), reqwest::Error> {
    while let Some(chunk) = response.chunk().await? {
        let room = MAX_KEPT_ANSWER.saturating_sub(exchange.response_body.len());
        if chunk.len() > room {
            exchange.response_truncated = true;
        }
        exchange
            .response_body
            .extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    Ok(())
}

fn describe(error: &reqwest::Error, url: &str) -> DeliveryFailure {
    let chain = error_chain(error);
    let lower = chain.to_ascii_lowercase();
    // A refused certificate is a connect error to reqwest, but "nothing answers" would be false.
    let tls = lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake");
    let kind = if error.is_timeout() {
        FailureKind::Timeout
    } else if tls {
        FailureKind::Other
    } else if error.is_connect() {
        FailureKind::Connect
    } else if error.is_builder() {
        FailureKind::InvalidUrl
    } else {
        FailureKind::Other
    };
    let message = match kind {
        FailureKind::Timeout => format!("No answer from {url} in time"),
        FailureKind::Connect => format!("Cannot connect to {url}: nothing answers there"),
        _ if tls => format!(
            "TLS failure talking to {url}: {chain}. If the server uses a private CA, add its \
             certificate to the server settings."
        ),
        _ => format!("Request to {url} failed: {chain}"),
    };
    DeliveryFailure { kind, message }
}

#[cfg(test)]
#[path = "delivery_tests.rs"]
mod tests;
