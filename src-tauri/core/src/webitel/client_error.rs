//! What can go wrong talking to a Webitel server, sorted into the cases an admin can act on:
//! a bad token (log in again), an unreachable host, a TLS problem, something that is not a
//! Webitel API, or the server's own micro error (mapped to a form field where possible).
//! No variant carries a token, password or secret.

use crate::validation::ProfileField;
use crate::webitel::wire::MicroError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("Server address is not valid: {0}")]
    InvalidBaseUrl(String),

    #[error("The CA certificate is not valid PEM: {0}")]
    InvalidCertificate(String),

    #[error("{host} refused the access token (HTTP {status}): log in again")]
    Unauthorized {
        host: String,
        status: u16,
        detail: String,
        /// How the refused credential was obtained, so the next step fits it.
        credential: Credential,
    },

    /// HTTP 403 `….access.forbidden` / `….access.denied`: the token may not do this.
    #[error("{host} refused: this token may not do that ({detail})")]
    Forbidden { host: String, detail: String },

    #[error("{host} refused the two-factor code: check the code in your authenticator app and try again")]
    TwoFactorInvalid { host: String },

    #[error("The password of this user on {host} has expired: set a new one in Webitel, then log in again")]
    PasswordExpired { host: String },

    #[error("{host} asks this user to change the password first: set a new one in Webitel, then log in again")]
    PasswordChangeRequired { host: String },

    #[error("Cannot reach {host}: {detail}")]
    Unreachable { host: String, detail: String },

    #[error("TLS failure talking to {host}: {detail}. If the server uses a private CA, add its certificate to the server settings.")]
    Tls { host: String, detail: String },

    /// The HTTP client could not be set up (the TLS library, the system's certificate store).
    #[error("Cannot set up HTTPS on this computer: {0}")]
    Setup(String),

    #[error("No answer from {host} within {seconds} s")]
    Timeout { host: String, seconds: u64 },

    #[error("{host} answered, but not like a Webitel API: {detail}")]
    NotWebitel { host: String, detail: String },

    #[error("The server redirected to {location}; Textgate does not follow redirects with credentials. Use the final address as the server URL.")]
    Redirect { location: String },

    #[error("{}", api_message(.status, .error))]
    Api { status: u16, error: MicroError },
}

/// What the server refused, so an admin is told the step that fits: a pasted personal access
/// token is replaced by pasting a new one, a token from a login by logging in again, and a
/// refused login by checking the user name and password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Credential {
    /// A personal access token the admin pasted.
    #[default]
    Token,
    /// A token Textgate got by logging in with a user name and password.
    Login,
    /// The login itself: the user name, password or domain.
    Password,
}

impl Credential {
    /// The name the UI branches on (`credential` parameter).
    pub fn wire(self) -> &'static str {
        match self {
            Credential::Token => "token",
            Credential::Login => "login",
            Credential::Password => "password",
        }
    }
}

/// Why a server could not be reached, from the transport's error chain: `dns` (no such host
/// name), `refused` (nothing listens at that port), else `other`. The UI words its next step
/// by it; the chain itself stays the detail.
pub fn unreachable_reason(detail: &str) -> &'static str {
    let lower = detail.to_ascii_lowercase();
    let dns = [
        "dns error",
        "failed to lookup address",
        "name or service not known",
        "no such host",
        "nodename nor servname",
        "temporary failure in name resolution",
    ];
    if dns.iter().any(|sign| lower.contains(sign)) {
        "dns"
    } else if lower.contains("connection refused") || lower.contains("os error 111") {
        "refused"
    } else {
        "other"
    }
}

fn api_message(status: &u16, error: &MicroError) -> String {
    match (error.detail.is_empty(), error.id.is_empty()) {
        (false, _) => error.detail.clone(),
        (true, false) => format!("{} (HTTP {status})", error.id),
        (true, true) => format!("The server answered HTTP {status}"),
    }
}

impl ClientError {
    /// Stable code for the UI and scripts.
    pub fn code(&self) -> crate::ErrorCode {
        match self {
            ClientError::InvalidBaseUrl(_) => crate::ErrorCode::InvalidServerUrl,
            ClientError::InvalidCertificate(_) => crate::ErrorCode::InvalidCertificate,
            ClientError::Unauthorized { .. } => crate::ErrorCode::Unauthorized,
            ClientError::Forbidden { .. } => crate::ErrorCode::Forbidden,
            ClientError::TwoFactorInvalid { .. } => crate::ErrorCode::TwoFactorInvalid,
            ClientError::PasswordExpired { .. } => crate::ErrorCode::PasswordExpired,
            ClientError::PasswordChangeRequired { .. } => crate::ErrorCode::PasswordChangeRequired,
            ClientError::Unreachable { .. } => crate::ErrorCode::Unreachable,
            ClientError::Tls { .. } => crate::ErrorCode::Tls,
            ClientError::Setup(_) => crate::ErrorCode::TlsSetup,
            ClientError::Timeout { .. } => crate::ErrorCode::Timeout,
            ClientError::NotWebitel { .. } => crate::ErrorCode::NotWebitel,
            ClientError::Redirect { .. } => crate::ErrorCode::Redirect,
            ClientError::Api { .. } => crate::ErrorCode::ServerError,
        }
    }

    /// Whether a retry of an idempotent request may help (connect errors and 5xx).
    pub(crate) fn is_transient(&self) -> bool {
        match self {
            ClientError::Unreachable { .. } => true,
            ClientError::Api { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// The profile form field a server error is about, so the UI can show it there.
    pub fn field(&self) -> Option<ProfileField> {
        let ClientError::Api { error, .. } = self else {
            return None;
        };
        let detail = error.detail.to_ascii_lowercase();
        let id = error.id.to_ascii_lowercase();
        let about = |word: &str| detail.starts_with(word) || id.contains(word);
        if id == crate::gateway_templates::REFUSAL_ID {
            template_field(&error.detail)
        } else if about("custom: webhook") || id.contains("webhook") {
            Some(ProfileField::Callback)
        } else if about("custom: secret") || id.contains("secret") {
            Some(ProfileField::Secret)
        } else if about("uri") {
            Some(ProfileField::Uri)
        } else if about("name") {
            Some(ProfileField::Name)
        } else if about("flow") || about("enabled") {
            Some(ProfileField::Flow)
        } else {
            None
        }
    }
}

/// The template a `chat.bot.custom.updates.invalid` detail names: `updates.join: …` after a
/// test render, `template: join:1: …` after a parse error.
fn template_field(detail: &str) -> Option<ProfileField> {
    let name = detail
        .strip_prefix("updates.")
        .or_else(|| detail.strip_prefix("template: "))?;
    let end = name.find(':')?;
    crate::gateway_templates::TemplateKey::from_wire_name(&name[..end]).map(|key| key.field())
}

impl From<crate::http_setup::HttpSetupError> for ClientError {
    fn from(error: crate::http_setup::HttpSetupError) -> Self {
        match error {
            crate::http_setup::HttpSetupError::InvalidCertificate(detail) => {
                ClientError::InvalidCertificate(detail)
            }
            crate::http_setup::HttpSetupError::Setup(detail) => ClientError::Setup(detail),
        }
    }
}

#[cfg(test)]
#[path = "client_error_tests.rs"]
mod tests;
