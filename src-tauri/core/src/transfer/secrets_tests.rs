//! The sealed secrets open with their passphrase only; a wrong one and a damaged seal are told
//! apart, and an empty passphrase is refused before any work.

use super::*;
use crate::error_code::ErrorCode;

fn secrets() -> SecretsByUri {
    let mut secrets = SecretsByUri::new();
    secrets.insert("/support-bot".into(), Sensitive::new("s3cret-one".into()));
    secrets.insert("sales-bot".into(), Sensitive::new("s3cret-two".into()));
    secrets
}

#[test]
fn sealed_secrets_open_with_their_passphrase_only() {
    let passphrase = Sensitive::new("correct horse".to_string());
    let sealed = seal(&secrets(), &passphrase).unwrap();
    assert!(
        sealed.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"),
        "{sealed}"
    );
    assert!(!sealed.contains("s3cret"));
    let opened = open(&sealed, &passphrase).unwrap();
    assert_eq!(opened, secrets());

    let wrong = open(&sealed, &Sensitive::new("battery staple".into())).unwrap_err();
    assert_eq!(wrong.code(), ErrorCode::TransferPassphraseWrong);
    assert!(!wrong.to_string().contains("battery"));

    let none = open(&sealed, &Sensitive::default()).unwrap_err();
    assert_eq!(none.code(), ErrorCode::TransferPassphraseNeeded);
    let no_export = seal(&secrets(), &Sensitive::default()).unwrap_err();
    assert_eq!(no_export.code(), ErrorCode::TransferPassphraseNeeded);
}

#[test]
fn a_damaged_seal_is_not_called_a_wrong_passphrase() {
    let damaged = open(
        "-----BEGIN AGE ENCRYPTED FILE-----\nnot age\n",
        &Sensitive::new("x".into()),
    )
    .unwrap_err();
    assert_eq!(damaged.code(), ErrorCode::TransferFormat, "{damaged}");
}
