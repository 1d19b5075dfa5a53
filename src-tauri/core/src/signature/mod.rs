//! Webhook signatures over the exact body bytes, for the harness's signature lab, sender and
//! receiver (issue D). Three schemes: Webitel's own (`X-Webitel-Sign`, lowercase hex
//! HMAC-SHA256, compared by the server as a lowercase hex string, so upper-case hex fails
//! there and here), hex HMAC-SHA1 in a named header (as Chatzuri's `x-chatzuri-signature`),
//! and Standard Webhooks (`standard.rs`), behind the one [`Scheme`] (`scheme.rs`) the lab, the
//! CLI and the receiver use. Every check decodes the given signature first and
//! then compares MACs in constant time (`Mac::verify_slice`); a missing, empty, truncated or
//! malformed signature never matches.

pub mod lab;
mod scheme;
mod standard;

use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha1::Sha1;
use sha2::Sha256;
use ts_rs::TS;

pub use scheme::{Scheme, SchemeError, Signed};
pub use standard::{
    sign as standard_sign, verify as standard_verify, StandardSecret, StandardSignature,
    STANDARD_TOLERANCE_SECS,
};

/// Webitel's signature header, both directions.
pub const WEBITEL_HEADER: &str = "X-Webitel-Sign";

/// What a signature check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "verdict", content = "reason", rename_all = "camelCase")]
pub enum Verdict {
    Valid,
    /// No signature (or an empty one) was given.
    Missing,
    /// A signature was given and does not prove the body: why, for a person.
    Invalid(String),
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid)
    }

    /// `valid`, `invalid` or `missing`, as the receiver log and `listen` print it.
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Missing => "missing",
            Verdict::Invalid(_) => "invalid",
        }
    }
}

fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length, so this cannot fail.
    <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
}

fn hmac_sha1(key: &[u8]) -> Hmac<Sha1> {
    <Hmac<Sha1> as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
}

/// `X-Webitel-Sign` for `body`: lowercase hex of HMAC-SHA256 keyed with the app secret.
/// Signing many bodies with one secret? [`WebitelKey`] keys it once.
pub fn webitel_sign(secret: &[u8], body: &[u8]) -> String {
    WebitelKey::new(secret).sign(body)
}

/// Checks an `X-Webitel-Sign` value as Webitel does: exactly 64 lowercase hex digits.
pub fn webitel_verify(secret: &[u8], body: &[u8], given: Option<&str>) -> Verdict {
    WebitelKey::new(secret).verify(body, given)
}

/// An app secret keyed once for HMAC-SHA256: HMAC's inner and outer key blocks are hashed here,
/// and every signature starts from a copy of that state instead of hashing them again (two
/// SHA-256 blocks per message saved, most of the cost of a short one). The burst sender and the
/// receiver keep one per secret.
#[derive(Clone)]
pub struct WebitelKey(Hmac<Sha256>);

impl WebitelKey {
    pub fn new(secret: &[u8]) -> Self {
        Self(hmac_sha256(secret))
    }

    /// The `X-Webitel-Sign` value for `body`.
    pub fn sign(&self, body: &[u8]) -> String {
        let mut mac = self.0.clone();
        mac.update(body);
        let mut digits = [0u8; 64];
        // 32 bytes always fit 64 hex digits.
        hex::encode_to_slice(mac.finalize().into_bytes(), &mut digits)
            .unwrap_or_else(|_| unreachable!());
        digits.iter().map(|&digit| char::from(digit)).collect()
    }

    /// Checks an `X-Webitel-Sign` value as Webitel does: exactly 64 lowercase hex digits.
    pub fn verify(&self, body: &[u8], given: Option<&str>) -> Verdict {
        let given = match given.map(str::trim) {
            None | Some("") => return Verdict::Missing,
            Some(given) => given,
        };
        if given.bytes().any(|b| b.is_ascii_uppercase()) {
            return Verdict::Invalid(
                "upper-case hex: Webitel compares the lowercase hex digest".into(),
            );
        }
        let mut mac = self.0.clone();
        mac.update(body);
        verify_hex(mac, given, 64)
    }
}

impl std::fmt::Debug for WebitelKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebitelKey(…)")
    }
}

/// Hex HMAC-SHA1 of `body` (lowercase), for a named header such as `x-chatzuri-signature`.
pub fn sha1_sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = hmac_sha1(secret);
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Checks a hex HMAC-SHA1 (either case; an optional `sha1=` prefix is accepted).
pub fn sha1_verify(secret: &[u8], body: &[u8], given: Option<&str>) -> Verdict {
    let given = match given.map(str::trim) {
        None | Some("") => return Verdict::Missing,
        Some(given) => given.strip_prefix("sha1=").unwrap_or(given),
    };
    let mut mac = hmac_sha1(secret);
    mac.update(body);
    verify_hex(mac, given, 40)
}

/// Decodes `given` and compares it with the MAC in constant time.
fn verify_hex<M: Mac>(mac: M, given: &str, hex_len: usize) -> Verdict {
    if given.len() != hex_len {
        return Verdict::Invalid(format!(
            "expected {hex_len} hex digits, got {}",
            given.chars().count()
        ));
    }
    let Ok(decoded) = hex::decode(given) else {
        return Verdict::Invalid("not hex".into());
    };
    match mac.verify_slice(&decoded) {
        Ok(()) => Verdict::Valid,
        Err(_) => Verdict::Invalid("signature does not match the body and secret".into()),
    }
}

#[cfg(test)]
mod tests;
