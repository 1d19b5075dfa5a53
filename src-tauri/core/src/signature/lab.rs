//! The signature lab: one request names a scheme, a secret and a body, and gets back the
//! headers that scheme would send and, when a signature was pasted, the verdict on it. The
//! scheme dispatch lives here (not in the app's IPC layer) so the app and tests share it. The
//! secret is [`Sensitive`]: it never reaches a log, and errors never repeat it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    sha1_sign, sha1_verify, standard_sign, standard_verify, webitel_sign, webitel_verify,
    StandardSecret, Verdict, WEBITEL_HEADER,
};
use crate::sensitive::Sensitive;

/// Which scheme, with what it needs beyond the secret and body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "scheme", rename_all = "camelCase")]
pub enum LabScheme {
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LabError(pub String);

/// Computes (and checks) for `request`; `now` is unix seconds, for the Standard tolerance.
pub fn run(request: &LabRequest, now: i64) -> Result<LabResult, LabError> {
    let secret = request.secret.expose().as_bytes();
    let body = request.body.as_bytes();
    let given = request
        .given
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty());
    match &request.scheme {
        LabScheme::Webitel => {
            let signature = webitel_sign(secret, body);
            Ok(LabResult {
                headers: vec![(WEBITEL_HEADER.into(), signature.clone())],
                signature,
                verdict: given.map(|g| webitel_verify(secret, body, Some(g))),
            })
        }
        LabScheme::Sha1 { header } => {
            let header = header.trim();
            if header.is_empty() {
                return Err(LabError(
                    "Name the header the SHA1 signature goes in".into(),
                ));
            }
            let signature = sha1_sign(secret, body);
            Ok(LabResult {
                headers: vec![(header.into(), signature.clone())],
                signature,
                verdict: given.map(|g| sha1_verify(secret, body, Some(g))),
            })
        }
        LabScheme::Standard { id, timestamp } => {
            let key = StandardSecret::parse(request.secret.expose()).map_err(LabError)?;
            let signed = standard_sign(&key, id, *timestamp, body);
            let stamp = timestamp.to_string();
            let verdict =
                given.map(|g| standard_verify(&key, Some(id), Some(&stamp), Some(g), body, now));
            Ok(LabResult {
                headers: vec![
                    ("webhook-id".into(), signed.id),
                    ("webhook-timestamp".into(), stamp),
                    ("webhook-signature".into(), signed.signature.clone()),
                ],
                signature: signed.signature,
                verdict,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(scheme: LabScheme, secret: &str, given: Option<&str>) -> LabRequest {
        LabRequest {
            scheme,
            secret: Sensitive::new(secret.into()),
            body: "{\"close\":{\"chatId\":\"c-1\"}}\n".into(),
            given: given.map(str::to_string),
        }
    }

    #[test]
    fn each_scheme_verifies_what_it_computed_and_refuses_a_change() {
        let schemes = [
            (LabScheme::Webitel, "s3cret"),
            (
                LabScheme::Sha1 {
                    header: "x-chatzuri-signature".into(),
                },
                "s3cret",
            ),
            (
                LabScheme::Standard {
                    id: "msg_1".into(),
                    timestamp: 1_700_000_000,
                },
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            ),
        ];
        for (scheme, secret) in schemes {
            let computed = run(&request(scheme.clone(), secret, None), 1_700_000_000).unwrap();
            assert_eq!(computed.verdict, None);
            let checked = request(scheme.clone(), secret, Some(&computed.signature));
            assert_eq!(
                run(&checked, 1_700_000_000).unwrap().verdict,
                Some(Verdict::Valid)
            );
            let mut spoiled = computed.signature.clone();
            spoiled.pop();
            spoiled.push('A');
            let checked = request(scheme, secret, Some(&spoiled));
            assert!(matches!(
                run(&checked, 1_700_000_000).unwrap().verdict,
                Some(Verdict::Invalid(_))
            ));
        }
    }

    #[test]
    fn webitel_matches_the_known_header_and_a_bad_whsec_is_refused_without_echo() {
        let result = run(&request(LabScheme::Webitel, "key", None), 0).unwrap();
        assert_eq!(result.headers[0].0, "X-Webitel-Sign");
        assert_eq!(result.signature.len(), 64);
        let scheme = LabScheme::Standard {
            id: "m".into(),
            timestamp: 1,
        };
        let error = run(&request(scheme, "whsec_!!notbase64!!", None), 1).unwrap_err();
        assert!(!error.0.contains("notbase64"));
        assert!(!format!("{:?}", request(LabScheme::Webitel, "key", None)).contains("key\""));
    }
}
