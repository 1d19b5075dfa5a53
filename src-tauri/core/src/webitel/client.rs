//! The HTTP client for a Webitel admin API. It follows the protocol doc to the letter:
//! `X-Webitel-Access` auth, ids sent as numbers, `fields` asked explicitly, every page followed.
//! Transport rules: 15 s timeout, never follow redirects (they would carry the token), retry
//! idempotent GETs twice with backoff on connect errors and 5xx, never retry a POST/PUT/DELETE.
//! What is read of an answer is capped, and gateway answers are checked (`client_gateways`).

use std::time::Duration;

use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use url::Url;

use super::call_log;
use super::client_error::{ClientError, Credential};
use super::redact::{describe_parse_error, quote_reply};
use super::wire::{MicroError, Page, Schema, UserInfo};
use crate::error_text::error_chain;
use crate::http_setup;
use crate::sensitive::Sensitive;

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
pub(super) const PAGE_SIZE: u32 = 100;
/// Stops a server that always says `next: true` from looping forever.
pub(super) const MAX_PAGES: u32 = 1000;
const GET_ATTEMPTS: u32 = 3;
pub(super) const BOT_FIELDS: &[&str] = &[
    "id",
    "name",
    "uri",
    "enabled",
    "flow",
    "provider",
    "metadata",
    "updates",
    "created_at",
    "updated_at",
];

/// Where and how to reach one server.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// `https://host`: the API is at `/api`, webhooks at `/chat/`.
    pub base_url: String,
    /// Extra trusted CA certificates (PEM) for on-premise installs.
    pub ca_pem: Option<String>,
    pub timeout: Duration,
    /// First retry delay; doubles for the next one.
    pub retry_backoff: Duration,
}

impl ClientConfig {
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            ca_pem: None,
            timeout: DEFAULT_TIMEOUT,
            retry_backoff: Duration::from_millis(300),
        }
    }
}

pub struct WebitelClient {
    http: reqwest::Client,
    api: Url,
    pub(super) host: String,
    timeout: Duration,
    retry_backoff: Duration,
    token: Option<Sensitive<String>>,
    /// How the token was obtained: named in a 401 so the admin gets the fitting next step.
    credential: Credential,
}

impl WebitelClient {
    pub fn new(
        config: &ClientConfig,
        token: Option<Sensitive<String>>,
    ) -> Result<Self, ClientError> {
        let base = parse_base_url(&config.base_url)?;
        let host = base.host_str().unwrap_or_default().to_string();
        let loopback = http_setup::is_loopback(&base);
        let mut api = base;
        api.set_path(&format!("{}/api/", api.path().trim_end_matches('/')));
        let mut builder = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Textgate/", env!("CARGO_PKG_VERSION")));
        if loopback {
            builder = builder.no_proxy();
        }
        let http = http_setup::build_trusting(builder, config.ca_pem.as_deref())?;
        Ok(Self {
            http,
            api,
            host,
            timeout: config.timeout,
            retry_backoff: config.retry_backoff,
            token,
            credential: Credential::Token,
        })
    }

    /// Says how the token was obtained (a pasted token is the default), so a 401 names it.
    pub fn signed_in_with(mut self, credential: Credential) -> Self {
        self.credential = credential;
        self
    }

    /// `GET /api/userinfo`: whether the token is valid, and whose it is.
    pub async fn user_info(&self) -> Result<UserInfo, ClientError> {
        self.send(Method::GET, "userinfo", &[], None::<&()>).await
    }

    /// Chat and default flow schemas (what the gateway form offers), all pages.
    pub async fn list_schemas(&self, query: Option<&str>) -> Result<Vec<Schema>, ClientError> {
        let mut schemas = Vec::new();
        for page in 1..=MAX_PAGES {
            let mut params = vec![
                ("type", "chat".to_string()),
                ("type", "default".to_string()),
                ("fields", "id".to_string()),
                ("fields", "name".to_string()),
                ("fields", "type".to_string()),
                ("page", page.to_string()),
                ("size", PAGE_SIZE.to_string()),
            ];
            if let Some(q) = query.filter(|q| !q.trim().is_empty()) {
                params.push(("q", q.trim().to_string()));
            }
            let answer: Page<Schema> = self
                .send(Method::GET, "routing/schema", &params, None::<&()>)
                .await?;
            let done = !answer.next || answer.items.is_empty();
            schemas.extend(answer.items);
            if done {
                break;
            }
        }
        Ok(schemas)
    }

    pub(super) async fn send<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        params: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<T, ClientError> {
        let url = self
            .api
            .join(path)
            .map_err(|error| ClientError::InvalidBaseUrl(error.to_string()))?;
        let attempts = if method == Method::GET {
            GET_ATTEMPTS
        } else {
            1
        };
        let mut delay = self.retry_backoff;
        let mut attempt = 1;
        loop {
            let mut request: RequestBuilder =
                self.http.request(method.clone(), url.clone()).query(params);
            if let Some(token) = &self.token {
                request = request.header("X-Webitel-Access", token.expose());
            }
            if let Some(body) = body {
                request = request.json(body);
            }
            let started = std::time::Instant::now();
            let (status, result) = match request.send().await {
                Ok(response) => (Some(response.status()), self.read(response).await),
                Err(error) => (None, Err(self.transport_error(&error))),
            };
            call_log::record(&method, &self.host, &url, status, started, attempt, &result);
            match result {
                Err(error) if error.is_transient() && attempt < attempts => {
                    tokio::time::sleep(delay).await;
                    delay *= 2;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn read<T: DeserializeOwned>(&self, response: Response) -> Result<T, ClientError> {
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("another address")
                .to_string();
            return Err(ClientError::Redirect { location });
        }
        let bytes = self.read_capped(response).await?;
        if status.is_success() {
            return serde_json::from_slice(&bytes).map_err(|error| {
                self.not_webitel(&format!(
                    "unexpected answer ({}): {}",
                    describe_parse_error(&error),
                    snippet(&bytes)
                ))
            });
        }
        let error = serde_json::from_slice::<MicroError>(&bytes)
            .ok()
            .filter(|e| !e.id.is_empty() || !e.detail.is_empty());
        match (status, error) {
            // chat_manager's refusal of an action the token may not do: not a login problem.
            (StatusCode::FORBIDDEN, Some(error))
                if error.id.ends_with(".access.forbidden")
                    || error.id.ends_with(".access.denied") =>
            {
                Err(ClientError::Forbidden {
                    host: self.host.clone(),
                    detail: error.detail,
                })
            }
            (StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN, error) => {
                Err(ClientError::Unauthorized {
                    host: self.host.clone(),
                    status: status.as_u16(),
                    detail: error.map(|e| e.detail).unwrap_or_default(),
                    credential: self.credential,
                })
            }
            (_, Some(error)) => Err(ClientError::Api {
                status: status.as_u16(),
                error,
            }),
            (status, None) if status.is_server_error() => Err(ClientError::Api {
                status: status.as_u16(),
                error: MicroError {
                    detail: format!("{} failed (HTTP {status})", self.host),
                    ..MicroError::default()
                },
            }),
            (status, None) => Err(self.not_webitel(&format!("HTTP {status}: {}", snippet(&bytes)))),
        }
    }

    pub(super) fn transport_error(&self, error: &reqwest::Error) -> ClientError {
        let host = self.host.clone();
        if error.is_timeout() {
            return ClientError::Timeout {
                host,
                seconds: self.timeout.as_secs().max(1),
            };
        }
        let mut chain = error_chain(error);
        if let Some(url) = error.url() {
            // The host is named already; the full URL (every query parameter) only adds noise.
            chain = chain.replace(&format!(" for url ({url})"), "");
        }
        let lower = chain.to_ascii_lowercase();
        if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
            return ClientError::Tls {
                host,
                detail: chain,
            };
        }
        if error.is_connect() || error.is_request() {
            return ClientError::Unreachable {
                host,
                detail: chain,
            };
        }
        ClientError::NotWebitel {
            host,
            detail: chain,
        }
    }

    pub(super) fn not_webitel(&self, detail: &str) -> ClientError {
        ClientError::NotWebitel {
            host: self.host.clone(),
            detail: detail.to_string(),
        }
    }
}

/// The longest host name DNS allows (RFC 1035: 253 characters written out).
const MAX_HOST_LEN: usize = 253;

/// Checks a server base URL: absolute http(s) with a host, no query, fragment or credentials.
pub fn parse_base_url(text: &str) -> Result<Url, ClientError> {
    let text = text.trim();
    let url = Url::parse(text)
        .map_err(|error| ClientError::InvalidBaseUrl(format!("{text}: {error}")))?;
    if url.scheme() != "https" && url.scheme() != "http" {
        return Err(ClientError::InvalidBaseUrl(format!(
            "use https:// (got {}://)",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ClientError::InvalidBaseUrl(
            "the address needs a host".into(),
        ));
    }
    // Longer than DNS allows: it could never be reached, and the error would quote it whole.
    if url.host_str().is_some_and(|host| host.len() > MAX_HOST_LEN) {
        return Err(ClientError::InvalidBaseUrl(format!(
            "the host name is longer than {MAX_HOST_LEN} characters"
        )));
    }
    if url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return Err(ClientError::InvalidBaseUrl(
            "use only scheme, host and port, like https://cloud.example.com".into(),
        ));
    }
    Ok(url)
}

/// The start of a reply for an error message, credentials redacted.
fn snippet(bytes: &[u8]) -> String {
    quote_reply(bytes)
}

#[cfg(test)]
#[path = "client_tests.rs"]
mod tests;
