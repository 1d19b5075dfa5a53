//! Every scheme checks what it signed, from a pasted value and from the request headers it
//! sends (looked up case-insensitively, as a receiver's are), and refuses a changed body.

use super::*;

const BODY: &[u8] = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"hi\"}}";

fn schemes() -> [(Scheme, &'static str); 3] {
    [
        (Scheme::Webitel, "s3cret"),
        (
            Scheme::Sha1 {
                header: "x-chatzuri-signature".into(),
            },
            "s3cret",
        ),
        (
            Scheme::Standard {
                id: "msg_1".into(),
                timestamp: 1_700_000_000,
            },
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ),
    ]
}

fn lookup<'h>(headers: &'h [(String, String)]) -> impl Fn(&str) -> Option<&'h str> {
    move |name| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

#[test]
fn each_scheme_verifies_its_own_headers_and_refuses_a_changed_body() {
    let now = 1_700_000_010;
    for (scheme, secret) in schemes() {
        let signed = scheme.sign(secret, BODY).unwrap();
        let name = scheme.name();
        let pasted = scheme.verify(secret, BODY, Some(&signed.signature), now);
        assert_eq!(pasted, Ok(Verdict::Valid), "{name}");
        // As a receiver gets them: header names in another case.
        let received: Vec<(String, String)> = signed
            .headers
            .iter()
            .map(|(key, value)| (key.to_ascii_uppercase(), value.clone()))
            .collect();
        let verdict = scheme.verify_request(secret, BODY, lookup(&received), now);
        assert_eq!(verdict, Ok(Verdict::Valid), "{name}");
        let changed = scheme.verify_request(secret, b"{}", lookup(&received), now);
        assert!(
            matches!(changed, Ok(Verdict::Invalid(_))),
            "{name}: {changed:?}"
        );
        let bare = scheme.verify_request(secret, BODY, lookup(&[]), now);
        assert_eq!(bare, Ok(Verdict::Missing), "{name}");
    }
}

#[test]
fn the_webitel_scheme_is_the_x_webitel_sign_hex_hmac_sha256() {
    let signed = Scheme::Webitel.sign("key", BODY).unwrap();
    assert_eq!(
        signed.headers,
        [(WEBITEL_HEADER.to_string(), webitel_sign(b"key", BODY))]
    );
    assert_eq!(signed.signature.len(), 64);
    assert!(signed.signature.bytes().all(|b| !b.is_ascii_uppercase()));
}

#[test]
fn a_bad_whsec_secret_is_refused_without_repeating_it() {
    let scheme = Scheme::Standard {
        id: "m".into(),
        timestamp: 1,
    };
    for error in [
        scheme.check_secret("whsec_!!notbase64!!").unwrap_err(),
        scheme.sign("whsec_!!notbase64!!", BODY).unwrap_err(),
    ] {
        assert!(!error.0.contains("notbase64"), "{error}");
    }
    assert_eq!(Scheme::Webitel.check_secret("anything"), Ok(()));
}
