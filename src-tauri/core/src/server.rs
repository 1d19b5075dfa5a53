//! A Webitel server Textgate talks to: name, base URL (API at `/api`, webhooks at `/chat/`) and
//! an optional private CA. Its access token is kept in the OS keychain, never here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::sensitive::Sensitive;
pub use crate::webitel::access::GatewayPermissions;

/// Keychain account that holds a server's access token (profiles use their bare id).
pub fn token_account(server_id: &str) -> String {
    format!("server:{server_id}")
}

/// A server row as stored in SQLite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub id: String,
    pub name: String,
    pub base_url: String,
    /// Extra trusted CA certificate(s) in PEM, for on-premise installs.
    pub ca_pem: Option<String>,
    /// Who logged in, when the token came from a login (shown, never used to log in again).
    pub username: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// What the server said about its token when it was last checked.
    pub token: TokenFacts,
}

/// What `GET /api/userinfo` said about a token: when it expires and what it may do with
/// gateways. `None` where the server did not say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenFacts {
    /// Unix milliseconds.
    pub expires_at: Option<i64>,
    pub permissions: Option<GatewayPermissions>,
}

impl TokenFacts {
    pub fn from_user_info(info: &crate::webitel::wire::UserInfo) -> Self {
        Self {
            expires_at: info.exp.filter(|exp| *exp > 0),
            permissions: GatewayPermissions::from_user_info(info),
        }
    }
}

/// A server as the UI and the CLI list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerView {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub has_custom_ca: bool,
    pub username: Option<String>,
    /// Whether the keychain holds a token for it.
    pub has_token: bool,
    /// A plain-http address off this computer: the token travels unencrypted.
    pub warning: Option<String>,
    /// When the stored token expires (unix ms), as the server said at the last check.
    pub token_expires_at: Option<i64>,
    /// What the token may do with gateways; `null` when the server did not say (then nothing
    /// is held back).
    pub permissions: Option<GatewayPermissions>,
    /// How many local profiles are on this server (they become local only when it is removed).
    pub profiles: u32,
    /// How many of them were pushed to it (then its address cannot change).
    pub pushed: u32,
}

/// How many local profiles are on a server, and how many of them were pushed to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProfileCounts {
    pub profiles: u32,
    pub pushed: u32,
}

/// What a plain-http server address deserves, as a callback URL gets it: every request
/// carries the access token in `X-Webitel-Access`, readable on the way. Loopback is fine.
pub fn plain_http_warning(base_url: &str) -> Option<String> {
    let url = url::Url::parse(base_url.trim()).ok()?;
    let local = url.host_str().is_some_and(crate::validation::is_local_host);
    (url.scheme() == "http" && !local).then(|| {
        "Plain http: the access token, a login password and every gateway's app secret travel to this server unencrypted. Use https outside local testing.".to_string()
    })
}

/// How a new server proves who we are.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ServerAuth {
    /// An access token pasted by the user.
    Token { token: Sensitive<String> },
    /// `POST /api/login`; the password is used once and never stored.
    Login {
        username: String,
        password: Sensitive<String>,
        domain: String,
    },
    /// The second step of a two-factor login: the session the login answered and the
    /// one-time code, for `POST /api/login/2fa`.
    TwoFactor {
        username: String,
        session: Sensitive<String>,
        code: Sensitive<String>,
    },
}

/// What adding a server (or logging in to one again) came to.
#[derive(Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ConnectOutcome {
    /// Done: the token is checked and stored.
    #[serde(rename_all = "camelCase")]
    Connected { server: ServerView },
    /// Two-factor login is on: send the code with this session (`ServerAuth::TwoFactor`).
    /// Nothing is stored yet.
    #[serde(rename_all = "camelCase")]
    CodeRequired {
        #[serde(with = "crate::sensitive::reveal_one")]
        #[ts(type = "string")]
        session: Sensitive<String>,
    },
}

/// The "Add server" form.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewServer {
    pub name: String,
    pub base_url: String,
    /// Extra trusted CA certificate(s) in PEM, or `null`.
    pub ca_pem: Option<String>,
    pub auth: ServerAuth,
}

/// "Edit server": what changes; every part left at its default stays as it is. Nothing is
/// stored until the whole edit is checked (a new token, address or CA against the server).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ServerEdit {
    /// A new name (unique, as when adding).
    pub name: Option<String>,
    /// A new address; refused once a profile was pushed to the old one.
    pub base_url: Option<String>,
    /// A new access token, checked against the server (userinfo) before it replaces the old.
    pub token: Option<Sensitive<String>>,
    pub ca: CaChange,
}

/// What an edit does to the server's private CA.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum CaChange {
    #[default]
    Keep,
    /// Trust these PEM certificate(s) instead.
    Replace { pem: String },
    /// Trust only the system's certificates again.
    Remove,
}

/// A server address as the client reaches it, to tell two spellings of one server apart from
/// two servers: scheme, host (lower case, IDN as punycode), port (the scheme's default dropped)
/// and the path the client puts `/api/` after (trailing slashes dropped). `None` when the
/// address is not usable at all.
pub fn address_key(base_url: &str) -> Option<String> {
    let url = crate::webitel::client::parse_base_url(base_url).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let port = url
        .port()
        .map(|port| format!(":{port}"))
        .unwrap_or_default();
    let path = url.path().trim_end_matches('/');
    Some(format!("{}://{host}{port}{path}", url.scheme()))
}

/// The result of "Test connection".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    pub ok: bool,
    /// `ok`, or the error code (`unauthorized`, `unreachable`, `tls`, `timeout`, `not_webitel`, ...).
    pub code: crate::ErrorCode,
    /// One sentence for a person: "Connected as Ann (ann@example)" or what went wrong.
    pub message: String,
    pub user: Option<String>,
    /// When the token expires (unix ms), when the test passed and the server said.
    pub token_expires_at: Option<i64>,
    /// What the token may do with gateways, when the test passed and the server said.
    pub permissions: Option<GatewayPermissions>,
}

#[cfg(test)]
#[path = "server_tests.rs"]
mod tests;
