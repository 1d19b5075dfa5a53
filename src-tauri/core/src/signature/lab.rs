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
