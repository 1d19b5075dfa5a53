//! The app secrets of an export, sealed with a passphrase: the map `{uri: secret}` as JSON,
//! encrypted to age's passphrase recipient (scrypt) and armored, so the document stays text and
//! every other field readable. A wrong passphrase is told apart from a damaged seal; neither
//! error repeats the passphrase or a secret.

use std::collections::BTreeMap;

use age::secrecy::SecretString;
use zeroize::Zeroize;

use super::document::SecretsByUri;
use crate::error::{CoreError, Result};
use crate::sensitive::Sensitive;

/// The armored age file holding `secrets`, opened only with `passphrase`.
pub fn seal(secrets: &SecretsByUri, passphrase: &Sensitive<String>) -> Result<String> {
    let passphrase = usable(passphrase, "Give a passphrase to export the secrets with")?;
    let plain: BTreeMap<&str, &str> = secrets
        .iter()
        .map(|(uri, secret)| (uri.as_str(), secret.expose().as_str()))
        .collect();
    let mut json = serde_json::to_vec(&plain).unwrap_or_default();
    let recipient = age::scrypt::Recipient::new(passphrase);
    let sealed = age::encrypt_and_armor(&recipient, &json);
    json.zeroize();
    sealed.map_err(|error| {
        CoreError::TransferFormat(format!("The secrets could not be encrypted: {error}"))
    })
}

/// The secrets in `armored`: [`CoreError::TransferPassphraseWrong`] when the passphrase does not
/// open them, [`CoreError::TransferFormat`] when the seal is damaged.
pub fn open(armored: &str, passphrase: &Sensitive<String>) -> Result<SecretsByUri> {
    let passphrase = usable(
        passphrase,
        "This file holds encrypted app secrets: give its passphrase to import it",
    )?;
    let identity = age::scrypt::Identity::new(passphrase);
    let mut plain = match age::decrypt(&identity, armored.as_bytes()) {
        Ok(plain) => plain,
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(CoreError::TransferPassphraseWrong)
        }
        Err(error) => {
            return Err(CoreError::TransferFormat(format!(
                "The secrets in this profile export are damaged: {error}"
            )))
        }
    };
    let parsed: std::result::Result<BTreeMap<String, Sensitive<String>>, _> =
        serde_json::from_slice(&plain);
    plain.zeroize();
    parsed.map_err(|_| {
        CoreError::TransferFormat(
            "The secrets in this profile export are damaged: they are not a map of URIs to \
             secrets"
                .into(),
        )
    })
}

fn usable(passphrase: &Sensitive<String>, missing: &str) -> Result<SecretString> {
    if passphrase.expose().is_empty() {
        return Err(CoreError::TransferPassphraseNeeded(missing.into()));
    }
    Ok(SecretString::from(passphrase.expose().clone()))
}

#[cfg(test)]
#[path = "secrets_tests.rs"]
mod tests;
