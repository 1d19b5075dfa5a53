//! The one abstraction over signature schemes: what a scheme signs (its headers), how it checks
//! a pasted signature, and how it checks a received request's headers. The signature lab, the
//! CLI's `sign`/`verify` and the receiver's verdict all go through [`Scheme`], so adding a
//! scheme is a variant here (with its arms) and its registration where a front end names it
//! (the CLI's `--scheme` values, the lab's scheme select).

use serde::Deserialize;
use ts_rs::TS;

use super::{
    sha1_sign, sha1_verify, standard_sign, standard_verify, webitel_sign, webitel_verify,
    StandardSecret, Verdict, WEBITEL_HEADER,
};

/// The Standard Webhooks headers, in the order they are sent.
const STANDARD_HEADERS: [&str; 3] = ["webhook-id", "webhook-timestamp", "webhook-signature"];

/// Which scheme, with what it needs beyond the secret and body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "scheme", rename_all = "camelCase")]
#[ts(rename = "LabScheme")]
pub enum Scheme {
    /// `X-Webitel-Sign`: lowercase hex HMAC-SHA256.
    Webitel,
    /// Hex HMAC-SHA1 in a header of the caller's choosing (`x-chatzuri-signature`, ...).
    Sha1 { header: String },
    /// Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`.
    Standard {
        id: String,
        /// Unix seconds.
        #[ts(type = "number")]
        timestamp: i64,
    },
}

/// What signing produced: the signature value and every header the scheme sends, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub signature: String,
    pub headers: Vec<(String, String)>,
}

/// Why a scheme could not sign or check (a malformed `whsec_` secret); never contains the
/// secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SchemeError(pub String);

impl Scheme {
    /// The scheme's name, as `--scheme` takes it and the CLI's JSON prints it.
    pub fn name(&self) -> &'static str {
        match self {
            Scheme::Webitel => "webitel",
            Scheme::Sha1 { .. } => "sha1",
            Scheme::Standard { .. } => "standard",
        }
    }

    /// Whether the scheme can use `secret` at all (Standard's must be `whsec_` and base64).
    pub fn check_secret(&self, secret: &str) -> Result<(), SchemeError> {
        match self {
            Scheme::Webitel | Scheme::Sha1 { .. } => Ok(()),
            Scheme::Standard { .. } => standard_key(secret).map(|_| ()),
        }
    }

    /// Signs the exact `body` bytes with `secret`.
    pub fn sign(&self, secret: &str, body: &[u8]) -> Result<Signed, SchemeError> {
        Ok(match self {
            Scheme::Webitel => one_header(WEBITEL_HEADER, webitel_sign(secret.as_bytes(), body)),
            Scheme::Sha1 { header } => one_header(header, sha1_sign(secret.as_bytes(), body)),
            Scheme::Standard { id, timestamp } => {
                let signed = standard_sign(&standard_key(secret)?, id, *timestamp, body);
                let values = [signed.id, timestamp.to_string(), signed.signature.clone()];
                Signed {
                    headers: STANDARD_HEADERS
                        .iter()
                        .map(|name| name.to_string())
                        .zip(values)
                        .collect(),
                    signature: signed.signature,
                }
            }
        })
    }

    /// Checks the signature value `given` (for Standard: with this message's id and timestamp)
    /// against `body`; `now` is unix seconds, for the Standard tolerance.
    pub fn verify(
        &self,
        secret: &str,
        body: &[u8],
        given: Option<&str>,
        now: i64,
    ) -> Result<Verdict, SchemeError> {
        Ok(match self {
            Scheme::Webitel => webitel_verify(secret.as_bytes(), body, given),
            Scheme::Sha1 { .. } => sha1_verify(secret.as_bytes(), body, given),
            Scheme::Standard { id, timestamp } => standard_verify(
                &standard_key(secret)?,
                Some(id),
                Some(&timestamp.to_string()),
                given,
                body,
                now,
            ),
        })
    }

    /// Checks a received request: the scheme reads its own headers through `header` (a lookup
    /// by name, case-insensitive as HTTP's); the Standard id and timestamp come from the request.
    pub fn verify_request<'h>(
        &self,
        secret: &str,
        body: &[u8],
        header: impl Fn(&str) -> Option<&'h str>,
        now: i64,
    ) -> Result<Verdict, SchemeError> {
        Ok(match self {
            Scheme::Webitel => webitel_verify(secret.as_bytes(), body, header(WEBITEL_HEADER)),
            Scheme::Sha1 { header: name } => sha1_verify(secret.as_bytes(), body, header(name)),
            Scheme::Standard { .. } => {
                let [id, timestamp, signature] = STANDARD_HEADERS.map(&header);
                standard_verify(&standard_key(secret)?, id, timestamp, signature, body, now)
            }
        })
    }
}

fn one_header(name: &str, signature: String) -> Signed {
    Signed {
        headers: vec![(name.to_string(), signature.clone())],
        signature,
    }
}

fn standard_key(secret: &str) -> Result<StandardSecret, SchemeError> {
    StandardSecret::parse(secret).map_err(SchemeError)
}

#[cfg(test)]
#[path = "scheme_tests.rs"]
mod tests;
