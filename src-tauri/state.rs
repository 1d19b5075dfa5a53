//! What the app holds while running: the profile service (or why it could not start) and where
//! its data lives. A database that cannot be opened does not stop the window from showing: the
//! UI asks for the status and explains the problem instead.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tauri::async_runtime::{JoinHandle, Mutex};
use textgate_core::harness::receiver::RunningReceiver;
use textgate_core::{SecretStore, Store, Workspace};
use ts_rs::TS;

use crate::error::IpcError;

pub struct AppState {
    data_dir: PathBuf,
    workspace: Result<Workspace, IpcError>,
    secrets: Arc<dyn SecretStore>,
    /// Where the log files go (`None`: nowhere known, as in tests).
    log_dir: Option<PathBuf>,
    /// The harness's one local receiver per app (`commands::harness_receiver`).
    pub receiver: Mutex<Option<ActiveReceiver>>,
}

/// A running receiver, the profile whose secret checks its signatures, and the task that
/// stores and streams each request.
pub struct ActiveReceiver {
    pub running: RunningReceiver,
    pub profile_id: String,
    pub forward: JoinHandle<()>,
}

impl ActiveReceiver {
    /// Stops listening (answers in flight finish within `grace`, then their connections are
    /// cut), which closes the feed; returns once the forwarding task has stored and sent what
    /// was still queued and ended, so nothing of the receiver outlives the stop.
    pub async fn stop(self, grace: Duration) {
        self.running.stop(grace).await;
        let _ = self.forward.await;
    }
}

/// Shown by the UI at start: where data lives and whether storage and keychain work.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub data_dir: String,
    /// Why the database could not be opened; `null` when it is fine.
    pub storage_error: Option<IpcError>,
    /// Why the OS keychain cannot be used; `null` when it answers.
    pub keychain_error: Option<String>,
}

impl AppState {
    pub fn open(data_dir: PathBuf, secrets: Arc<dyn SecretStore>) -> Self {
        let workspace = Store::open_in(&data_dir)
            .map(|store| Workspace::new(store, secrets.clone()))
            .map_err(IpcError::from);
        Self {
            data_dir,
            workspace,
            secrets,
            log_dir: None,
            receiver: Mutex::new(None),
        }
    }

    /// The same state, knowing where its log files go (the About dialog shows and opens it).
    pub fn with_log_dir(mut self, log_dir: Option<PathBuf>) -> Self {
        self.log_dir = log_dir;
        self
    }

    pub fn log_dir(&self) -> Option<&std::path::Path> {
        self.log_dir.as_deref()
    }

    /// Where the database and the settings file live.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Why the keychain cannot be used now; `None` when it answers.
    pub fn keychain_problem(&self) -> Option<String> {
        textgate_core::secrets::keychain_problem(self.secrets.as_ref())
    }

    pub fn workspace(&self) -> Result<&Workspace, IpcError> {
        self.workspace.as_ref().map_err(Clone::clone)
    }

    pub fn status(&self) -> AppStatus {
        let keychain_error = self.keychain_problem();
        AppStatus {
            data_dir: self.data_dir.display().to_string(),
            storage_error: self.workspace.as_ref().err().cloned(),
            keychain_error,
        }
    }
}
