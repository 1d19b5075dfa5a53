//! The workspace: one SQLite store and one secret store, and every operation the app and the
//! CLI offer on them, split by concern across this module's files and reached through one handle
//! per concern (`profiles()`, `servers()`, `sync()`, `harness()`, `bulk()`, see `handles`).

mod bulk;
mod conflict_merge;
mod conflict_resolve;
mod curl;
mod emulate;
mod handles;
mod harness;
mod harness_setup;
mod history_export;
mod lookup;
mod profiles;
mod pull;
mod pull_outcome;
pub mod remote;
pub mod replay_edit;
mod scenarios;
mod secret_proof;
mod server_edit;
mod server_login;
mod servers;
mod sync;
mod sync_check;
mod sync_log;
mod sync_record;
mod template_verdicts;
#[cfg(test)]
pub(crate) mod test_support;
mod transfer;

use std::sync::{Arc, Mutex, MutexGuard};

use std::time::Duration;

use crate::secrets::SecretStore;
use crate::sensitive::Sensitive;
use crate::store::Store;
use crate::webitel::client::ClientConfig;

pub use bulk::{BulkAction, BulkFailure, BulkOutcome, BulkProgress, BULK_CONCURRENCY};
pub use conflict_merge::FieldChoice;
pub use conflict_resolve::ConflictView;
pub use handles::{Bulk, Harness, Profiles, ServerSync, Servers, Transfer};
pub use profiles::SaveOutcome;
pub use pull::{GatewayPull, PullFailure, PullOutcome, PullReport, RefreshOutcome};
pub use remote::{LinkedProfile, MissingProfile, ServerGateway, ServerGateways};
pub use scenarios::{ScenarioDraft, ScenarioRender};
pub use secret_proof::{ProofOutcome, SecretProof, PROOF_CHAT_ID};
pub use sync::{KeepVersion, PushAction};
pub use sync_check::ServerCheck;
pub use transfer::{ExportOutcome, ImportFile};

pub struct Workspace {
    store: Mutex<Store>,
    secrets: Arc<dyn SecretStore>,
    /// Used instead of every stored server token when set (`TEXTGATE_TOKEN` in CI pipelines).
    token_override: Option<Sensitive<String>>,
    /// Transport settings for every server (tests shorten timeouts and backoff).
    client_defaults: ClientConfig,
}

impl Workspace {
    pub fn new(store: Store, secrets: Arc<dyn SecretStore>) -> Self {
        Self {
            store: Mutex::new(store),
            secrets,
            token_override: None,
            client_defaults: ClientConfig::new(""),
        }
    }

    /// Uses `token` for every server instead of the stored tokens.
    pub fn with_token_override(mut self, token: Option<Sensitive<String>>) -> Self {
        self.token_override = token.filter(|token| !token.expose().is_empty());
        self
    }

    /// Timeout and retry backoff for server requests.
    pub fn with_client_timing(mut self, timeout: Duration, retry_backoff: Duration) -> Self {
        self.client_defaults.timeout = timeout;
        self.client_defaults.retry_backoff = retry_backoff;
        self
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // Every write is one SQLite transaction, so a panic elsewhere cannot leave the store
        // half-updated: a poisoned lock is safe to keep using.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
