//! The signature lab: one request names a scheme, a secret and a body, and gets back the
//! headers that scheme would send and, when a signature was pasted, the verdict on it. The
//! scheme dispatch is [`Scheme`](super::scheme::Scheme)'s, shared with the CLI and the receiver. The
//! secret is [`Sensitive`]: it never reaches a log, and errors never repeat it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Verdict;
use crate::sensitive::Sensitive;

/// The lab's scheme is the one [`Scheme`] (its TypeScript name stays `LabScheme`).
pub use super::scheme::Scheme as LabScheme;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabRequest {
    pub scheme: LabScheme,
    #[ts(type = "string")]
    pub secret: Sensitive<String>,
    /// The exact body; signed byte for byte as UTF-8.
    pub body: String,
    /// A signature to check; `null` or empty only computes.
    pub given: Option<String>,
}

/// What the lab found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabResult {
    /// The signature value (the header's value).
    pub signature: String,
    /// Every header the scheme sends with the body, in order.
    pub headers: Vec<(String, String)>,
    /// The verdict on `given`, when one was given.
    pub verdict: Option<Verdict>,
}

/// Why the lab could not compute (a malformed `whsec_` secret); never contains the secret.
pub use super::scheme::SchemeError as LabError;

/// Computes (and checks) for `request`; `now` is unix seconds, for the Standard tolerance.
pub fn run(request: &LabRequest, now: i64) -> Result<LabResult, LabError> {
    let secret = request.secret.expose();
    let body = request.body.as_bytes();
    let given = request
        .given
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty());
    let scheme = match &request.scheme {
        LabScheme::Sha1 { header } if header.trim().is_empty() => {
            return Err(LabError(
                "Name the header the SHA1 signature goes in".into(),
            ));
        }
        LabScheme::Sha1 { header } => LabScheme::Sha1 {
            header: header.trim().into(),
        },
        other => other.clone(),
    };
    let signed = scheme.sign(secret, body)?;
    let verdict = match given {
        Some(given) => Some(scheme.verify(secret, body, Some(given), now)?),
        None => None,
    };
    Ok(LabResult {
        signature: signed.signature,
        headers: signed.headers,
        verdict,
    })
}

#[cfg(test)]
#[path = "lab_tests.rs"]
mod tests;
