//! What a field rule found, as a stable code and named parameters, so the UI can say it in the
//! admin's language while the CLI prints the English sentence Rust renders from the same data.
//! On the wire an issue is `{code, params?}` (ts-rs makes it a union the UI's renderer must
//! cover: a renamed code fails the TypeScript check). Parameters never hold a secret.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One finding of the profile rules; its `Display` is the English sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
pub enum Issue {
    NameRequired,
    NameTooLong {
        chars: u32,
        max: u32,
    },
    NameControl,
    UriRequired,
    UriNoSlash,
    UriNoPath,
    UriQuery,
    UriFragment,
    UriSpace,
    /// `char` is the first character outside the URL-safe set.
    UriBadChar {
        char: String,
    },
    UriDotSegment,
    UriTooLong {
        max: u32,
    },
    UriReadOnly,
    /// Another local profile uses the URI.
    UriTaken {
        profile: String,
    },
    /// The server already has a gateway with this URI, linked to another local profile.
    UriTakenOnServer {
        server: String,
        profile: String,
    },
    CallbackRequired,
    CallbackTooLong {
        max: u32,
    },
    CallbackNotAbsolute,
    /// `reason` is the URL parser's own (English) words.
    CallbackInvalid {
        reason: String,
    },
    CallbackScheme {
        scheme: String,
    },
    CallbackNoHost,
    CallbackUserInfo,
    /// A warning: plain http to a host other than this computer.
    CallbackPlainHttp,
    SecretRequired,
    SecretWhitespace,
    SecretTooLong {
        chars: u32,
        max: u32,
    },
    SecretNotInKeychain,
    /// A warning: saved, but the keychain did not take the secret: not reachable
    /// (`unavailable`) or it refused; `detail` is the keychain's own words.
    SecretNotSaved {
        unavailable: bool,
        detail: String,
    },
    FlowRequired,
    ServerReadOnly,
    NotesTooLong {
        chars: u32,
        max: u32,
    },
    /// Webitel's server would refuse the template; `go` is Go's error text, verbatim.
    TemplateRefused {
        go: String,
    },
    /// The template ran past one of Textgate's limits; `go` is the error text, verbatim.
    TemplateOverBudget {
        go: String,
    },
    /// `file_policy_fail` parses but fails without variables; `go` is Go's text, verbatim.
    TemplateUnsendable {
        go: String,
    },
    /// The server's (or Go's) own words, shown as they are, untranslated.
    ServerDetail {
        detail: String,
    },
}

const URI_CHARS_HINT: &str = "use letters, digits, and - . _ ~ /";

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Issue::NameRequired => f.write_str("Name is required"),
            Issue::NameTooLong { chars, max } => {
                write!(f, "Name is too long: {chars} characters (at most {max})")
            }
            Issue::NameControl => {
                f.write_str("Name must not contain line breaks or control characters")
            }
            Issue::UriRequired => f.write_str("URI is required"),
            Issue::UriNoSlash => f.write_str("URI must start with /"),
            Issue::UriNoPath => f.write_str("URI needs a path after the /"),
            Issue::UriQuery => f.write_str("URI must not contain a query (?)"),
            Issue::UriFragment => f.write_str("URI must not contain a fragment (#)"),
            Issue::UriSpace => write!(f, "URI contains a space: {URI_CHARS_HINT}"),
            Issue::UriBadChar { char } => write!(f, "URI contains '{char}': {URI_CHARS_HINT}"),
            Issue::UriDotSegment => f.write_str("URI must not contain . or .. segments"),
            Issue::UriTooLong { max } => write!(f, "URI is too long (at most {max} characters)"),
            Issue::UriReadOnly => {
                f.write_str("URI is read-only: this gateway already exists on a server")
            }
            Issue::UriTaken { profile } => {
                write!(f, "Profile \u{201c}{profile}\u{201d} already uses this URI")
            }
            Issue::UriTakenOnServer { server, profile } => write!(
                f,
                "{server} already has a gateway with this URI, linked to \u{201c}{profile}\u{201d}: \
                 duplicate the profile to get a fresh URI"
            ),
            Issue::CallbackRequired => f.write_str("Callback URL is required"),
            Issue::CallbackTooLong { max } => {
                write!(f, "Callback URL is too long (at most {max} characters)")
            }
            Issue::CallbackNotAbsolute => f.write_str(
                "Callback must be an absolute URL, like https://bot.example.com/webitel",
            ),
            Issue::CallbackInvalid { reason } => {
                write!(f, "Callback is not a valid URL: {reason}")
            }
            Issue::CallbackScheme { scheme } => {
                write!(f, "Callback must use http or https, not {scheme}")
            }
            Issue::CallbackNoHost => f.write_str("Callback URL needs a host"),
            Issue::CallbackUserInfo => {
                f.write_str("Callback URL must not contain a user name or password")
            }
            Issue::CallbackPlainHttp => f.write_str(
                "Plain http: Webitel will send chat messages to this host unencrypted. Use https \
                 outside local testing.",
            ),
            Issue::SecretRequired => {
                f.write_str("App secret is required: type one or press Generate")
            }
            Issue::SecretWhitespace => f.write_str(
                "App secret must not contain spaces, line breaks or control characters",
            ),
            Issue::SecretTooLong { chars, max } => write!(
                f,
                "App secret is too long: {chars} characters (at most {max})"
            ),
            Issue::SecretNotInKeychain => f.write_str(
                "The app secret is not in the keychain: set one and save before pushing",
            ),
            Issue::SecretNotSaved {
                unavailable,
                detail,
            } => {
                let error = if *unavailable {
                    crate::SecretError::Unavailable(detail.clone())
                } else {
                    crate::SecretError::Failed(detail.clone())
                };
                write!(
                    f,
                    "{error}. The profile was saved, but its app secret was not stored anywhere: \
                     save again once the keychain is available."
                )
            }
            Issue::FlowRequired => f.write_str("Pick a flow schema before enabling the gateway"),
            Issue::ServerReadOnly => f.write_str(
                "This gateway already exists on its server: duplicate it to use another server",
            ),
            Issue::NotesTooLong { chars, max } => {
                write!(f, "Notes are too long: {chars} characters (at most {max})")
            }
            Issue::TemplateRefused { go } => {
                write!(f, "Webitel will refuse this template: {go}")
            }
            Issue::TemplateOverBudget { go } => {
                write!(f, "Textgate will not push this template: {go}")
            }
            Issue::TemplateUnsendable { go } => write!(
                f,
                "Webitel accepts this template but cannot send it (it has no variables): {go}"
            ),
            Issue::ServerDetail { detail } => f.write_str(detail),
        }
    }
}

impl Issue {
    /// The stable code, as the UI and the JSON see it.
    pub fn code(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map
                .get("code")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_string(),
            _ => String::new(),
        }
    }
}

/// A count as an issue parameter (lengths are far below `u32::MAX`; saturates if not).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[path = "issue_tests.rs"]
mod tests;
