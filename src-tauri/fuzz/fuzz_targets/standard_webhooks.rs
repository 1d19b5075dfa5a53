//! The Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`) and
//! the `whsec_` secret as a receiver or the signature lab gets them, plus the single-header
//! schemes (`X-Webitel-Sign`, hex SHA-1). What `sign` produces must verify at its own time.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use textgate_core::signature::{
    sha1_verify, standard_sign, standard_verify, webitel_sign, webitel_verify, StandardSecret,
    Verdict,
};

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    secret: &'a str,
    id: Option<&'a str>,
    timestamp: Option<&'a str>,
    signatures: Option<&'a str>,
    body: &'a [u8],
    now: i64,
    signed_at: i64,
}

fuzz_target!(|input: Input<'_>| {
    let _ = webitel_verify(input.secret.as_bytes(), input.body, input.signatures);
    let _ = sha1_verify(input.secret.as_bytes(), input.body, input.signatures);
    let correct = webitel_sign(input.secret.as_bytes(), input.body);
    assert!(webitel_verify(input.secret.as_bytes(), input.body, Some(&correct)).is_valid());

    let Ok(secret) = StandardSecret::parse(input.secret) else {
        return;
    };
    let _ = standard_verify(
        &secret,
        input.id,
        input.timestamp,
        input.signatures,
        input.body,
        input.now,
    );
    // The lab signs with any id and timestamp the admin types, then checks at "now".
    let id = input.id.unwrap_or("msg_1");
    let signed = standard_sign(&secret, id, input.signed_at, input.body);
    let verdict = standard_verify(
        &secret,
        Some(id),
        Some(&signed.timestamp.to_string()),
        Some(&signed.signature),
        input.body,
        input.now,
    );
    if !id.trim().is_empty() && id.trim() == id && input.now == input.signed_at {
        assert_eq!(verdict, Verdict::Valid);
    }
});
