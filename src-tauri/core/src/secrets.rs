//! Where app secrets live: behind [`SecretStore`], so the app uses the OS keychain (macOS
//! Keychain, Windows Credential Manager, Linux Secret Service) and tests use memory. Entries
//! are keyed by service `textgate` and account = profile id. Errors describe the keychain, never
//! the secret.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::sensitive::Sensitive;

/// The keychain service name every Textgate secret is filed under.
pub const KEYCHAIN_SERVICE: &str = "textgate";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// No keychain could be reached (no Secret Service running, locked, access refused).
    #[error("The OS keychain is not available: {0}")]
    Unavailable(String),
    /// The keychain answered with an error.
    #[error("The OS keychain refused the request: {0}")]
    Failed(String),
}

pub trait SecretStore: Send + Sync {
    /// The secret for `account`, or `None` when the keychain has no entry.
    fn read(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError>;
    /// Creates or replaces the secret for `account`.
    fn write(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError>;
    /// Removes the entry; removing an absent entry succeeds.
    fn remove(&self, account: &str) -> Result<(), SecretError>;
}

/// The keychain [`KeyringStore`] talks to on this OS, as the About dialog names it.
pub const KEYCHAIN_BACKEND: &str = if cfg!(target_os = "macos") {
    "macOS Keychain"
} else if cfg!(target_os = "windows") {
    "Windows Credential Manager"
} else {
    "Secret Service (D-Bus)"
};

/// Why `store` cannot be used now (`None` when it answers): reading an account that never
/// exists tells whether the keychain answers at all.
pub fn keychain_problem(store: &dyn SecretStore) -> Option<String> {
    match store.read("textgate-availability-probe") {
        Ok(_) => None,
        Err(SecretError::Unavailable(message) | SecretError::Failed(message)) => Some(message),
    }
}

/// The OS keychain through the `keyring` crate's native stores.
#[derive(Debug, Clone)]
pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    pub fn new() -> Self {
        Self::with_service(KEYCHAIN_SERVICE)
    }

    pub fn with_service(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, account).map_err(map_keyring_error)
    }
}

impl Default for KeyringStore {
    fn default() -> Self {
        Self::new()
    }
}

impl SecretStore for KeyringStore {
    fn read(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        match self.entry(account)?.get_password() {
            Ok(secret) => Ok(Some(Sensitive::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(other) => Err(map_keyring_error(other)),
        }
    }

    fn write(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError> {
        self.entry(account)?
            .set_password(secret.expose())
            .map_err(map_keyring_error)
    }

    fn remove(&self, account: &str) -> Result<(), SecretError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(other) => Err(map_keyring_error(other)),
        }
    }
}

fn map_keyring_error(error: keyring::Error) -> SecretError {
    match error {
        keyring::Error::NoStorageAccess(_) | keyring::Error::PlatformFailure(_) => {
            SecretError::Unavailable(error.to_string())
        }
        other => SecretError::Failed(other.to_string()),
    }
}

/// An in-memory store for tests, with a switch that makes it behave like an unreachable keychain.
#[derive(Debug, Default)]
pub struct MemorySecretStore {
    entries: Mutex<HashMap<String, String>>,
    unavailable: AtomicBool,
}

impl MemorySecretStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every call fail as if no keychain were running.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.unavailable.store(unavailable, Ordering::SeqCst);
    }

    /// How many entries are held (for tests that check clean-up).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self) -> Result<(), SecretError> {
        if self.unavailable.load(Ordering::SeqCst) {
            return Err(SecretError::Unavailable(
                "no keychain service is running (test store switched off)".into(),
            ));
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        // A panic while holding this lock cannot leave the map half-written, so poisoning is safe to ignore.
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl SecretStore for MemorySecretStore {
    fn read(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        self.check()?;
        Ok(self.lock().get(account).cloned().map(Sensitive::new))
    }

    fn write(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError> {
        self.check()?;
        self.lock()
            .insert(account.to_string(), secret.expose().clone());
        Ok(())
    }

    fn remove(&self, account: &str) -> Result<(), SecretError> {
        self.check()?;
        self.lock().remove(account);
        Ok(())
    }
}

#[cfg(test)]
#[path = "secrets_tests.rs"]
mod tests;
