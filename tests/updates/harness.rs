//! The app the update tests drive: the mock runtime with the updater plugin configured as a
//! release build is (a public key, `requireSignedVersion`), plus plain http for the test feed,
//! and the update commands called as the window calls them.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::{App, Manager};
use textgate_app::commands::settings::save_settings;
use textgate_app::commands::updates::{
    check_for_update, download_update, install_update, startup_update_check,
};
use textgate_app::error::IpcError;
use textgate_app::state::AppState;
use textgate_app::updater::{self, AvailableUpdate, DownloadedUpdate, UpdateProgress, Updates};
use textgate_core::MemorySecretStore;

pub const RUNNING: &str = "1.2.0";

pub struct TestApp {
    app: App<MockRuntime>,
    _dir: tempfile::TempDir,
}

/// The app at version 1.2.0 with the updater asking `feed` and trusting `pubkey`.
pub fn app(pubkey: &str, feed: &str, feed_env: Option<String>) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut context = mock_context(noop_assets());
    context.package_info_mut().version = RUNNING.parse().unwrap();
    context.config_mut().plugins.0.insert(
        "updater".into(),
        json!({
            "pubkey": pubkey,
            "endpoints": [feed],
            "requireSignedVersion": true,
            "dangerousInsecureTransportProtocol": true
        }),
    );
    let app = mock_builder()
        .plugin(updater::plugin())
        .manage(AppState::open(
            dir.path().to_path_buf(),
            Arc::new(MemorySecretStore::new()),
        ))
        .manage(Updates::new(feed_env))
        .build(context)
        .unwrap();
    TestApp { app, _dir: dir }
}

impl TestApp {
    pub fn check(&self) -> Result<Option<AvailableUpdate>, IpcError> {
        let handle = self.app.handle().clone();
        tauri::async_runtime::block_on(check_for_update(handle, self.app.state(), self.app.state()))
    }

    pub fn startup_check(&self) -> Result<Option<AvailableUpdate>, IpcError> {
        let handle = self.app.handle().clone();
        tauri::async_runtime::block_on(startup_update_check(
            handle,
            self.app.state(),
            self.app.state(),
        ))
    }

    /// Downloads, returning the outcome and every progress report.
    pub fn download(&self) -> (Result<DownloadedUpdate, IpcError>, Vec<UpdateProgress>) {
        let reports: Arc<Mutex<Vec<Value>>> = Default::default();
        let heard = reports.clone();
        let channel = Channel::new(move |body| {
            if let InvokeResponseBody::Json(text) = body {
                heard
                    .lock()
                    .unwrap()
                    .push(serde_json::from_str(&text).unwrap());
            }
            Ok(())
        });
        let handle = self.app.handle().clone();
        let outcome = tauri::async_runtime::block_on(download_update(
            handle,
            self.app.state(),
            self.app.state(),
            channel,
        ));
        let reports = reports.lock().unwrap().clone();
        let progress = reports
            .into_iter()
            .map(|report| UpdateProgress {
                downloaded: report["downloaded"].as_u64().unwrap(),
                total: report["total"].as_u64(),
            })
            .collect();
        (outcome, progress)
    }

    pub fn install(&self) -> Result<(), IpcError> {
        let handle = self.app.handle().clone();
        tauri::async_runtime::block_on(install_update(handle, self.app.state()))
    }

    pub fn save_settings(&self, settings: Value) {
        save_settings(self.app.state(), settings).unwrap();
    }
}
