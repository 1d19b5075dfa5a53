//! Standard Webhooks (standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
//! `webhook-signature: v1,<base64>` (several, space-separated, during secret rotation), HMAC-
//! SHA256 over `id.timestamp.body` keyed with the base64 part of a `whsec_` secret, and a
//! five-minute tolerance on the timestamp against replays.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::Mac;

use super::{hmac_sha256, Verdict};

/// How far the timestamp may be from now, either way.
pub const STANDARD_TOLERANCE_SECS: i64 = 5 * 60;

/// The key bytes of a `whsec_…` secret.
#[derive(Clone)]
pub struct StandardSecret(Vec<u8>);

impl std::fmt::Debug for StandardSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StandardSecret(<redacted>)")
    }
}

impl StandardSecret {
    /// `whsec_<base64>` (the prefix is optional). The error never repeats the secret.
    pub fn parse(secret: &str) -> Result<Self, String> {
        let encoded = secret.trim();
        let encoded = encoded.strip_prefix("whsec_").unwrap_or(encoded);
        match BASE64.decode(encoded) {
            Ok(key) if !key.is_empty() => Ok(Self(key)),
            Ok(_) => Err("the whsec_ secret is empty".into()),
            Err(_) => Err("a Standard Webhooks secret is whsec_ followed by base64".into()),
        }
    }
}

/// The three headers of one signed message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardSignature {
    pub id: String,
    pub timestamp: i64,
    /// `v1,<base64>`
    pub signature: String,
}

fn mac_for(secret: &StandardSecret, id: &str, timestamp: &str, body: &[u8]) -> impl Mac + Clone {
    let mut mac = hmac_sha256(&secret.0);
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// A header value that is there and not blank.
fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// Signs `body` as message `id` sent at `timestamp` (unix seconds).
pub fn sign(secret: &StandardSecret, id: &str, timestamp: i64, body: &[u8]) -> StandardSignature {
    let mac = mac_for(secret, id, &timestamp.to_string(), body);
    StandardSignature {
        id: id.to_string(),
        timestamp,
        signature: format!("v1,{}", BASE64.encode(mac.finalize().into_bytes())),
    }
}

/// Checks the three headers against `body` at time `now` (unix seconds).
pub fn verify(
    secret: &StandardSecret,
    id: Option<&str>,
    timestamp: Option<&str>,
    signatures: Option<&str>,
    body: &[u8],
    now: i64,
) -> Verdict {
    let (Some(id), Some(timestamp), Some(signatures)) =
        (present(id), present(timestamp), present(signatures))
    else {
        return Verdict::Missing;
    };
    let Ok(sent_at) = timestamp.parse::<i64>() else {
        return Verdict::Invalid(format!(
            "webhook-timestamp is not unix seconds: {timestamp:?}"
        ));
    };
    // In i128: any two i64 timestamps (a header's, an admin's `--at`) differ without overflow.
    let skew = i128::from(now) - i128::from(sent_at);
    if skew.abs() > i128::from(STANDARD_TOLERANCE_SECS) {
        return Verdict::Invalid(format!(
            "webhook-timestamp is {skew}s from now (tolerance {STANDARD_TOLERANCE_SECS}s)"
        ));
    }
    let mac = mac_for(secret, id, timestamp, body);
    let mut saw_v1 = false;
    for part in signatures.split(' ').filter(|p| !p.is_empty()) {
        let Some(("v1", encoded)) = part.split_once(',') else {
            continue;
        };
        saw_v1 = true;
        let Ok(decoded) = BASE64.decode(encoded) else {
            continue;
        };
        if mac.clone().verify_slice(&decoded).is_ok() {
            return Verdict::Valid;
        }
    }
    Verdict::Invalid(if saw_v1 {
        "no v1 signature matches the body and secret".into()
    } else {
        "no v1 signature given".into()
    })
}
