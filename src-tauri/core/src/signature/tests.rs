//! Known answers (RFC 4231, GitHub's published example, the Standard Webhooks example) and the
//! cases Webitel's server decides: tampered body, wrong secret, truncated, upper-case hex,
//! trailing newline.

use super::*;

#[test]
fn rfc_4231_hmac_sha256_cases() {
    let long_key = vec![0xaa; 131];
    let cases: [(Vec<u8>, Vec<u8>, &str); 6] = [
        (vec![0x0b; 20], b"Hi There".to_vec(), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (vec![0xaa; 20], vec![0xdd; 50], "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        ((1..=25).collect(), vec![0xcd; 50], "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        (long_key.clone(), b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        (long_key, b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".to_vec(), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ];
    for (key, data, expected) in cases {
        assert_eq!(webitel_sign(&key, &data), expected);
        assert_eq!(webitel_verify(&key, &data, Some(expected)), Verdict::Valid);
    }
    // Case 5 publishes only the first 128 bits: a truncated signature must not verify.
    let full = webitel_sign(&[0x0c; 20], b"Test With Truncation");
    assert!(full.starts_with("a3b6167473100ee06e0c796c2955552b"));
    assert!(matches!(
        webitel_verify(
            &[0x0c; 20],
            b"Test With Truncation",
            Some("a3b6167473100ee06e0c796c2955552b")
        ),
        Verdict::Invalid(_)
    ));
}

#[test]
fn a_key_reused_for_many_bodies_signs_each_as_if_keyed_afresh() {
    let key = WebitelKey::new(b"Jefe");
    let jefe = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    // The keyed state is copied, never advanced: the same body signs the same after others.
    assert_eq!(key.sign(b"what do ya want for nothing?"), jefe);
    assert_eq!(
        key.sign(b"Hello, World!"),
        webitel_sign(b"Jefe", b"Hello, World!")
    );
    assert_eq!(key.sign(b"what do ya want for nothing?"), jefe);
    assert_eq!(
        key.verify(b"what do ya want for nothing?", Some(jefe)),
        Verdict::Valid
    );
    assert!(matches!(
        key.verify(b"what do ya want for nothing!", Some(jefe)),
        Verdict::Invalid(_)
    ));
    assert_eq!(key.verify(b"", None), Verdict::Missing);
    assert_eq!(
        format!("{key:?}"),
        "WebitelKey(…)",
        "the secret must not reach a log"
    );
}

#[test]
fn githubs_published_example() {
    let (secret, body) = (b"It's a Secret to Everybody", b"Hello, World!");
    let expected = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    assert_eq!(webitel_sign(secret, body), expected);
    assert_eq!(webitel_verify(secret, body, Some(expected)), Verdict::Valid);
    // The same pair under hex HMAC-SHA1 (GitHub's legacy X-Hub-Signature, Chatzuri's scheme).
    let sha1 = "01dc10d0c83e72ed246219cdd91669667fe2ca59";
    assert_eq!(sha1_sign(secret, body), sha1);
    assert_eq!(sha1_verify(secret, body, Some(sha1)), Verdict::Valid);
    assert_eq!(
        sha1_verify(secret, body, Some(&format!("sha1={}", sha1.to_uppercase()))),
        Verdict::Valid
    );
}

#[test]
fn the_standard_webhooks_example() {
    let secret = StandardSecret::parse("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
    let (id, ts) = ("msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", 1_649_367_553);
    let body = br#"{"email":"test@example.com","username":"test_user"}"#;
    let expected = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";
    assert_eq!(standard_sign(&secret, id, ts, body).signature, expected);
    let at = |now: i64, sig: &str| {
        standard_verify(&secret, Some(id), Some("1649367553"), Some(sig), body, now)
    };
    assert_eq!(at(ts, expected), Verdict::Valid);
    // Several signatures (a rotated secret): any match is enough.
    assert_eq!(
        at(ts + 60, &format!("v1,AAAA {expected} v2,zzz")),
        Verdict::Valid
    );
    // Five minutes either way, not more.
    assert_eq!(at(ts + STANDARD_TOLERANCE_SECS, expected), Verdict::Valid);
    assert!(matches!(
        at(ts + STANDARD_TOLERANCE_SECS + 1, expected),
        Verdict::Invalid(_)
    ));
    assert!(matches!(
        at(ts - STANDARD_TOLERANCE_SECS - 1, expected),
        Verdict::Invalid(_)
    ));
    assert!(matches!(
        at(ts, "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw"),
        Verdict::Invalid(_)
    ));
    assert!(matches!(
        at(ts, "v2,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="),
        Verdict::Invalid(_)
    ));
    let tampered = br#"{"email":"test@example.com","username":"test_user2"}"#;
    assert!(matches!(
        standard_verify(
            &secret,
            Some(id),
            Some("1649367553"),
            Some(expected),
            tampered,
            ts
        ),
        Verdict::Invalid(_)
    ));
    assert_eq!(
        standard_verify(&secret, None, Some("1649367553"), Some(expected), body, ts),
        Verdict::Missing
    );
    assert!(StandardSecret::parse("whsec_not base64!").is_err());
}

#[test]
fn webitel_decides_tampering_secrets_truncation_case_and_newlines() {
    let secret = b"appSecret123";
    let body = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"Hi\"}}\n";
    let good = webitel_sign(secret, body);
    assert_eq!(good.len(), 64);
    assert!(good
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    assert_eq!(webitel_verify(secret, body, Some(&good)), Verdict::Valid);
    // Header whitespace is not part of the value.
    assert_eq!(
        webitel_verify(secret, body, Some(&format!(" {good} "))),
        Verdict::Valid
    );

    let mut tampered = body.to_vec();
    tampered[25] ^= 1;
    assert!(matches!(
        webitel_verify(secret, &tampered, Some(&good)),
        Verdict::Invalid(_)
    ));
    assert!(matches!(
        webitel_verify(b"appSecret124", body, Some(&good)),
        Verdict::Invalid(_)
    ));
    assert!(matches!(
        webitel_verify(secret, body, Some(&good[..63])),
        Verdict::Invalid(_)
    ));
    assert!(matches!(
        webitel_verify(secret, body, Some(&good[..32])),
        Verdict::Invalid(_)
    ));
    assert!(matches!(
        webitel_verify(secret, body, Some(&format!("{good}00"))),
        Verdict::Invalid(_)
    ));
    // Webitel compares its lowercase hex string: the same digest in upper case is refused.
    assert!(matches!(
        webitel_verify(secret, body, Some(&good.to_uppercase())),
        Verdict::Invalid(_)
    ));
    // Webitel's bodies end with "\n" and the signature covers it.
    assert!(matches!(
        webitel_verify(secret, &body[..body.len() - 1], Some(&good)),
        Verdict::Invalid(_)
    ));
    assert_ne!(webitel_sign(secret, &body[..body.len() - 1]), good);
    assert_eq!(webitel_verify(secret, body, None), Verdict::Missing);
    assert_eq!(webitel_verify(secret, body, Some("  ")), Verdict::Missing);
    assert!(matches!(
        webitel_verify(secret, body, Some(&"zz".repeat(32))),
        Verdict::Invalid(_)
    ));
}

#[test]
fn ours_and_the_standardwebhooks_crate_agree_both_ways() {
    let text = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let ours = StandardSecret::parse(text).unwrap();
    let theirs = standardwebhooks::Webhook::new(text).unwrap();
    let now = crate::clock::now_secs();
    // The crate takes only UTF-8 payloads; ours signs any bytes (covered above).
    for body in [&b""[..], b"{}", "привіт \u{1F600}\n".as_bytes()] {
        let signed = standard_sign(&ours, "msg_1", now, body);
        assert_eq!(theirs.sign("msg_1", now, body).unwrap(), signed.signature);
        let mut headers = http::HeaderMap::new();
        headers.insert("webhook-id", "msg_1".parse().unwrap());
        headers.insert("webhook-timestamp", now.to_string().parse().unwrap());
        headers.insert("webhook-signature", signed.signature.parse().unwrap());
        theirs.verify(body, &headers).unwrap();
    }
}

/// Found by the CLI's bad-input catalogue (`verify --timestamp=-9223372036854775808 --at 1`);
/// the `standard_webhooks` fuzz target finds it too on the old code, within its first minute:
/// the skew between the header's time and "now" overflowed i64 (a panic in debug builds; in
/// release `abs` of the wrapped value let a message signed at i64::MAX pass the tolerance at
/// now = -1).
#[test]
fn timestamps_at_the_ends_of_i64_are_outside_the_tolerance_not_a_panic() {
    let secret = StandardSecret::parse("whsec_dGVzdA==").unwrap();
    let body = b"{}";
    for (sent_at, now) in [
        (i64::MIN, 1),
        (i64::MAX, -1),
        (i64::MIN, i64::MAX),
        (1, i64::MIN),
    ] {
        let signed = standard_sign(&secret, "msg_1", sent_at, body);
        let verdict = standard_verify(
            &secret,
            Some("msg_1"),
            Some(&sent_at.to_string()),
            Some(&signed.signature),
            body,
            now,
        );
        let Verdict::Invalid(reason) = verdict else {
            panic!("{sent_at} at {now}: {verdict:?}");
        };
        assert!(reason.contains("tolerance"), "{reason}");
    }
}
