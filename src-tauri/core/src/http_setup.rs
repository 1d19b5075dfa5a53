//! What every HTTP client Textgate builds shares, whether it talks to a server's admin API or
//! posts webhooks to its gateway: the server's private CA (on-premise installs) is trusted
//! beside the system's roots, and a loopback address is never sent through a proxy. reqwest
//! reads `HTTP_PROXY`/`HTTPS_PROXY` and does not exempt 127.0.0.1 unless `NO_PROXY` says so;
//! the emulator, the local receiver and a server on this computer would otherwise be reached
//! through (or refused by) the corporate proxy.

use reqwest::ClientBuilder;
use url::Url;

use crate::error_text::error_chain;

/// Why a client could not be built; the Webitel client and the harness say it in their own
/// errors (`ClientError` converts from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HttpSetupError {
    /// The private CA given is not usable PEM (or the TLS stack refused it).
    InvalidCertificate(String),
    /// The TLS stack could not be set up at all.
    Setup(String),
}

/// Builds the client trusting the certificates of `ca_pem` (one or more PEM blocks, blank is
/// none) beside the system's roots. A failure is an error, never a panic or a silently
/// different client: the certificate's fault when one was given, else the TLS set-up's.
pub(crate) fn build_trusting(
    builder: ClientBuilder,
    ca_pem: Option<&str>,
) -> Result<reqwest::Client, HttpSetupError> {
    let custom = ca_pem.is_some_and(|pem| !pem.trim().is_empty());
    trust_ca(builder, ca_pem)?.build().map_err(|error| {
        let chain = error_chain(&error);
        if custom {
            HttpSetupError::InvalidCertificate(chain)
        } else {
            HttpSetupError::Setup(chain)
        }
    })
}

/// Adds the certificates of `ca_pem` as trusted roots.
fn trust_ca(
    mut builder: ClientBuilder,
    ca_pem: Option<&str>,
) -> Result<ClientBuilder, HttpSetupError> {
    let Some(pem) = ca_pem.filter(|pem| !pem.trim().is_empty()) else {
        return Ok(builder);
    };
    let certificates = reqwest::Certificate::from_pem_bundle(pem.as_bytes())
        .map_err(|error| HttpSetupError::InvalidCertificate(error.to_string()))?;
    if certificates.is_empty() {
        return Err(HttpSetupError::InvalidCertificate(
            "no certificate found in the PEM text".into(),
        ));
    }
    for certificate in certificates {
        builder = builder.add_root_certificate(certificate);
    }
    Ok(builder)
}

/// Whether `url` points at this computer (127.0.0.0/8, ::1, `localhost`), which no proxy
/// should ever stand between.
pub(crate) fn is_loopback(url: &Url) -> bool {
    url.host_str().is_some_and(crate::validation::is_local_host)
}

#[cfg(test)]
#[path = "http_setup_tests.rs"]
mod tests;
