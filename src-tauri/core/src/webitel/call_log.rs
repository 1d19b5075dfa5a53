//! One log line per admin API request: method, host, path (never the query: it may hold a
//! search the admin typed), status, time taken and attempt. Only these are taken, by type:
//! the request's headers (the `X-Webitel-Access` token) and bodies (a login password, a
//! gateway's `metadata.secret`) never reach this function. A failure is logged with its
//! message, which quotes a server's reply only with credentials redacted (`redact`).

use std::time::Instant;

use reqwest::{Method, StatusCode};
use url::Url;

use super::client_error::ClientError;

pub(super) fn record<T>(
    method: &Method,
    host: &str,
    url: &Url,
    status: Option<StatusCode>,
    started: Instant,
    attempt: u32,
    result: &Result<T, ClientError>,
) {
    let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let status = status.map(|status| status.as_u16());
    match result {
        Ok(_) => tracing::info!(
            target: "textgate::api",
            %method, host, path = url.path(), status, elapsed_ms, attempt,
            "admin API call"
        ),
        Err(error) => tracing::warn!(
            target: "textgate::api",
            %method, host, path = url.path(), status, elapsed_ms, attempt,
            code = %error.code(), %error,
            "admin API call failed"
        ),
    }
}
