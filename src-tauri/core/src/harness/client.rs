//! The HTTP client every harness request goes out with (send, replay, burst, emulated agent
//! actions, the emulator's auto-reply). No cookies, no redirects (a webhook answer is final),
//! the target server's private CA trusted when it has one (an on-premise gateway is served
//! with the same certificate as its admin API), and loopback targets never proxied. Setting it
//! up can fail (a broken CA, no usable TLS roots): that is an error for the caller, never a
//! panic or a silently different client.

use std::time::Duration;

use url::Url;

use crate::http_setup;
use crate::webitel::client_error::ClientError;

/// How long one delivery may take before it counts as a timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// Two clients with the same settings: one that may use the system's proxy, one that never
/// does, for addresses on this computer.
#[derive(Debug, Clone)]
pub struct HarnessClient {
    proxied: reqwest::Client,
    direct: reqwest::Client,
}

impl HarnessClient {
    /// A client that trusts the system's roots and, when given, the CA certificates in
    /// `ca_pem` (the server's private CA).
    pub fn new(ca_pem: Option<&str>) -> Result<Self, ClientError> {
        Self::with_timeout(ca_pem, DEFAULT_TIMEOUT)
    }

    /// The same with another limit on how long one request may take.
    pub fn with_timeout(ca_pem: Option<&str>, timeout: Duration) -> Result<Self, ClientError> {
        let build = |direct: bool| {
            let mut builder = reqwest::Client::builder()
                .timeout(timeout)
                .connect_timeout(Duration::from_secs(5))
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(concat!("Textgate/", env!("CARGO_PKG_VERSION")));
            if direct {
                builder = builder.no_proxy();
            }
            http_setup::build_trusting(builder, ca_pem).map_err(ClientError::from)
        };
        Ok(Self {
            proxied: build(false)?,
            direct: build(true)?,
        })
    }

    /// The client for a request to `url`.
    pub(crate) fn for_url(&self, url: &Url) -> &reqwest::Client {
        if http_setup::is_loopback(url) {
            &self.direct
        } else {
            &self.proxied
        }
    }
}

/// The harness's client with the system's trust roots only.
pub fn client() -> Result<HarnessClient, ClientError> {
    HarnessClient::new(None)
}
