//! Unit tests of `lab.rs`.

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
