//! Updates in the app shell: Tauri's updater plugin (it fetches the feed, downloads, checks the
//! minisign signature against the build's public key and installs), asked at the feed core
//! chooses (`TEXTGATE_UPDATE_FEED`, else the settings' feed, else the release's), with its
//! errors turned into core's `UpdateError` codes. What a check found and what was downloaded
//! are kept here between the check, the download and the install.
//!
//! The public key is `plugins.updater.pubkey` of tauri.conf.json: empty in the repository (its
//! private half is a CI secret) and filled in by the release workflow with `--config`, so a
//! build without it answers `update_not_configured` instead of failing at a signature.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;
use tauri::async_runtime::Mutex;
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Error as PluginError, Update, UpdaterExt};
use textgate_core::error::error_chain;
use textgate_core::settings_file;
use textgate_core::updates::{feed_override, shown_feed, UpdateError, FEED_ENV};
use ts_rs::TS;

/// How long a feed may take to answer.
const CHECK_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a whole download may take.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// Progress is reported at most every this many bytes (and at the end).
const PROGRESS_STEP: u64 = 256 * 1024;

/// The updater plugin, configured from tauri.conf.json's `plugins.updater`.
pub fn plugin<R: Runtime>() -> TauriPlugin<R, tauri_plugin_updater::Config> {
    tauri_plugin_updater::Builder::new().build()
}

/// What the update commands keep while the app runs.
pub struct Updates {
    /// [`FEED_ENV`] as it was at start.
    feed_env: Option<String>,
    found: Mutex<Option<Update>>,
    downloaded: Mutex<Option<(Update, Vec<u8>)>>,
}

impl Updates {
    pub fn new(feed_env: Option<String>) -> Self {
        Self {
            feed_env,
            found: Mutex::new(None),
            downloaded: Mutex::new(None),
        }
    }

    pub fn from_env() -> Self {
        Self::new(std::env::var(FEED_ENV).ok())
    }
}

/// A newer version the feed offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AvailableUpdate {
    pub version: String,
    pub current_version: String,
    /// The release notes, as the feed has them.
    pub notes: Option<String>,
    /// The release date (RFC 3339), when the feed gives one.
    pub date: Option<String>,
}

impl From<&Update> for AvailableUpdate {
    fn from(update: &Update) -> Self {
        Self {
            version: update.version.clone(),
            current_version: update.current_version.clone(),
            notes: update.body.clone(),
            date: update.raw_json["pub_date"].as_str().map(str::to_string),
        }
    }
}

/// How far a download is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProgress {
    /// Bytes received so far.
    pub downloaded: u64,
    /// The file's size, when the server says it.
    pub total: Option<u64>,
}

/// A downloaded update whose signature checked out, ready to install.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DownloadedUpdate {
    pub version: String,
    pub bytes: u64,
}

/// The release's feed as messages show it (tauri.conf.json's first updater endpoint).
fn configured_feed<R: Runtime>(app: &AppHandle<R>) -> String {
    app.config()
        .plugins
        .0
        .get("updater")
        .and_then(|updater| updater["endpoints"][0].as_str())
        .map(shown_feed)
        .unwrap_or_else(|| "the release feed".into())
}

/// Whether this build carries the public key updates are verified with.
pub fn is_configured<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.config()
        .plugins
        .0
        .get("updater")
        .and_then(|updater| updater.get("pubkey"))
        .and_then(serde_json::Value::as_str)
        .is_some_and(|key| !key.trim().is_empty())
}

/// The plugin's error as one line; its transport errors without their URL (the feed is named
/// separately, without a query that could carry a token).
fn plugin_error(error: PluginError) -> String {
    match error {
        PluginError::Reqwest(error) => error_chain(&error.without_url()),
        other => error_chain(&other),
    }
}

fn is_signature_error(error: &PluginError) -> bool {
    matches!(
        error,
        PluginError::Minisign(_)
            | PluginError::Base64(_)
            | PluginError::SignatureUtf8(_)
            | PluginError::SignedVersionMismatch { .. }
            | PluginError::MissingSignedVersion
    )
}

/// Asks the feed whether a newer version exists; remembers it for [`download`].
pub async fn check<R: Runtime>(
    app: &AppHandle<R>,
    data_dir: &Path,
    updates: &Updates,
) -> Result<Option<AvailableUpdate>, UpdateError> {
    if !is_configured(app) {
        return Err(UpdateError::NotConfigured);
    }
    let settings = settings_file::load(data_dir).settings;
    let feed = feed_override(updates.feed_env.as_deref(), settings.update_feed.as_deref())?;
    let shown = match &feed {
        Some(feed) => shown_feed(feed.as_str()),
        None => configured_feed(app),
    };
    let feed_error = |error: PluginError| UpdateError::Feed {
        feed: shown.clone(),
        detail: plugin_error(error),
    };
    let mut builder = app.updater_builder().timeout(CHECK_TIMEOUT);
    if let Some(feed) = feed {
        builder = builder.endpoints(vec![feed]).map_err(feed_error)?;
    }
    let found = builder
        .build()
        .map_err(feed_error)?
        .check()
        .await
        .map_err(feed_error)?;
    let offered = found.as_ref().map(AvailableUpdate::from);
    *updates.found.lock().await = found;
    Ok(offered)
}

/// Downloads the update the last check found (checking first when there was none) and keeps
/// it once its signature is verified; `progress` hears how far it is.
pub async fn download<R: Runtime>(
    app: &AppHandle<R>,
    data_dir: &Path,
    updates: &Updates,
    mut progress: impl FnMut(UpdateProgress),
) -> Result<DownloadedUpdate, UpdateError> {
    let found = updates.found.lock().await.clone();
    let mut update = match found {
        Some(update) => update,
        None => {
            check(app, data_dir, updates).await?;
            updates
                .found
                .lock()
                .await
                .clone()
                .ok_or(UpdateError::NoneAvailable)?
        }
    };
    update.timeout = Some(DOWNLOAD_TIMEOUT);
    let (mut received, mut reported) = (0u64, 0u64);
    let mut size = None;
    let bytes = update
        .download(
            |chunk, total| {
                received += chunk as u64;
                size = total;
                if received - reported >= PROGRESS_STEP {
                    reported = received;
                    progress(UpdateProgress {
                        downloaded: received,
                        total,
                    });
                }
            },
            || {},
        )
        .await
        .map_err(|error| match is_signature_error(&error) {
            true => UpdateError::Signature(plugin_error(error)),
            false => UpdateError::Download(plugin_error(error)),
        })?;
    progress(UpdateProgress {
        downloaded: bytes.len() as u64,
        total: size,
    });
    let downloaded = DownloadedUpdate {
        version: update.version.clone(),
        bytes: bytes.len() as u64,
    };
    *updates.downloaded.lock().await = Some((update, bytes));
    Ok(downloaded)
}

/// Installs the downloaded update (its signature is checked again first). On Windows the
/// installer takes over and the app exits; elsewhere the caller restarts the app.
pub async fn install(updates: &Updates) -> Result<String, UpdateError> {
    let (update, bytes) = updates
        .downloaded
        .lock()
        .await
        .take()
        .ok_or(UpdateError::NotDownloaded)?;
    let version = update.version.clone();
    tauri::async_runtime::spawn_blocking(move || update.install(bytes))
        .await
        .map_err(|error| UpdateError::Install(error.to_string()))?
        .map_err(|error| match is_signature_error(&error) {
            true => UpdateError::Signature(plugin_error(error)),
            false => UpdateError::Install(plugin_error(error)),
        })?;
    Ok(version)
}
