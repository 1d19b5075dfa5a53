//! `sign` and `verify` on stdin: the published known answers, Webitel's rules, the secret file.

use crate::support::DataDir;

const GITHUB_SECRET: &str = "It's a Secret to Everybody";
const GITHUB_SIGNATURE: &str = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

#[test]
fn sign_and_verify_webitels_scheme() {
    let dir = DataDir::new();
    let run = dir.run_stdin(&["sign", "--secret", GITHUB_SECRET], "Hello, World!");
    assert_eq!(run.ok(), format!("{GITHUB_SIGNATURE}\n"));
    let run = dir.run_stdin(
        &[
            "verify",
            "--secret",
            GITHUB_SECRET,
            "--signature",
            GITHUB_SIGNATURE,
        ],
        "Hello, World!",
    );
    assert_eq!(run.ok(), "valid\n");
    // A trailing newline is part of the signed bytes; upper-case hex is refused as by Webitel.
    let run = dir.run_stdin(
        &[
            "verify",
            "--secret",
            GITHUB_SECRET,
            "--signature",
            GITHUB_SIGNATURE,
        ],
        "Hello, World!\n",
    );
    assert!(
        run.failure_line().starts_with("error: invalid: "),
        "{run:#?}"
    );
    let upper = GITHUB_SIGNATURE.to_uppercase();
    let run = dir.run_stdin(
        &["verify", "--secret", GITHUB_SECRET, "--signature", &upper],
        "Hello, World!",
    );
    assert!(run.failure_line().contains("upper-case"), "{run:#?}");
    let run = dir.run_stdin(
        &[
            "--json",
            "verify",
            "--secret",
            GITHUB_SECRET,
            "--signature",
            &GITHUB_SIGNATURE[..40],
        ],
        "Hello, World!",
    );
    assert_eq!(run.json_error().0, "signature_invalid");
}

#[test]
fn the_secret_can_come_from_a_file_and_sha1_is_hex() {
    let dir = DataDir::new();
    let file = dir.path().join("secret.txt");
    std::fs::write(&file, format!("{GITHUB_SECRET}\n")).unwrap();
    let file = file.to_str().unwrap();
    let run = dir.run_stdin(&["sign", "--secret-stdin-file", file], "Hello, World!");
    assert_eq!(run.ok(), format!("{GITHUB_SIGNATURE}\n"));
    let run = dir.run_stdin(
        &[
            "--json",
            "sign",
            "--scheme",
            "sha1",
            "--secret-stdin-file",
            file,
        ],
        "Hello, World!",
    );
    assert_eq!(
        run.json(),
        serde_json::json!({"scheme": "sha1", "header": "x-chatzuri-signature",
            "signature": "01dc10d0c83e72ed246219cdd91669667fe2ca59"})
    );
    dir.assert_never_printed(GITHUB_SECRET);
}

#[test]
fn standard_webhooks_example_with_its_timestamp() {
    let dir = DataDir::new();
    let body = r#"{"email":"test@example.com","username":"test_user"}"#;
    let common = [
        "--scheme",
        "standard",
        "--secret",
        "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
        "--id",
        "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
        "--timestamp",
        "1649367553",
    ];
    let run = dir.run_stdin(&[&["sign"][..], &common].concat(), body);
    assert!(run
        .ok()
        .contains("webhook-signature: v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=\n"));
    let signature = [
        "--signature",
        "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=",
    ];
    let run = dir.run_stdin(
        &[
            &["verify"][..],
            &common,
            &signature,
            &["--at", "1649367600"],
        ]
        .concat(),
        body,
    );
    assert_eq!(run.ok(), "valid\n");
    // Today the 2022 timestamp is far outside the five-minute tolerance.
    let run = dir.run_stdin(&[&["verify"][..], &common, &signature].concat(), body);
    assert!(run.failure_line().contains("tolerance"), "{run:#?}");
}
