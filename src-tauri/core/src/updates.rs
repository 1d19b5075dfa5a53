//! What the app's update check can say, kept in core (no Tauri) so its codes and sentences sit
//! with every other error's: the shell maps the updater plugin's errors onto these. Also which
//! feed is asked: `TEXTGATE_UPDATE_FEED` (admins, tests), else the feed in the settings, else
//! the release's own (the shell's configuration).

use crate::error_text::shown;

/// Replaces the update feed for this run (tests, admins with a mirror). Read once at start.
pub const FEED_ENV: &str = "TEXTGATE_UPDATE_FEED";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    /// The build has no update public key (a source or CI build): nothing can be verified.
    #[error(
        "Updates are not configured for this build: it was built without the release signing \
         key, so it cannot check for or install updates. Install a released package to get them."
    )]
    NotConfigured,

    /// The feed could not be reached or did not hold a usable release description.
    #[error("Could not check for updates at {feed}: {detail}")]
    Feed { feed: String, detail: String },

    /// The file the feed points at could not be downloaded.
    #[error("Could not download the update: {0}")]
    Download(String),

    /// The downloaded file does not match its signature for this build's key: tampered with,
    /// damaged, or signed by someone else. Never installed.
    #[error(
        "The update was refused: its signature does not match this build's update key (the file \
         was altered, or signed by someone else). Nothing was installed. ({0})"
    )]
    Signature(String),

    #[error("The update could not be installed: {0}")]
    Install(String),

    #[error("There is no newer version to download")]
    NoneAvailable,

    #[error("No update has been downloaded yet: download it first")]
    NotDownloaded,
}

impl UpdateError {
    pub fn code(&self) -> crate::ErrorCode {
        match self {
            UpdateError::NotConfigured => crate::ErrorCode::UpdateNotConfigured,
            UpdateError::Feed { .. } => crate::ErrorCode::UpdateFeed,
            UpdateError::Download(_) => crate::ErrorCode::UpdateDownload,
            UpdateError::Signature(_) => crate::ErrorCode::UpdateSignature,
            UpdateError::Install(_) => crate::ErrorCode::UpdateInstall,
            UpdateError::NoneAvailable => crate::ErrorCode::UpdateNone,
            UpdateError::NotDownloaded => crate::ErrorCode::UpdateNotDownloaded,
        }
    }
}

/// The feed replacing the release's, if any: `env` (the value of [`FEED_ENV`]) wins over the
/// settings' feed. `env` may be plain http (a test feed); whether that is allowed is the
/// updater's transport rule (https only in release builds). An unusable `env` is an error.
pub fn feed_override(
    env: Option<&str>,
    settings_feed: Option<&str>,
) -> Result<Option<url::Url>, UpdateError> {
    if let Some(env) = env.map(str::trim).filter(|env| !env.is_empty()) {
        let url = url::Url::parse(env).map_err(|error| UpdateError::Feed {
            feed: shown_feed(env),
            detail: format!("{FEED_ENV} is not a URL ({error})"),
        })?;
        return match url.scheme() {
            "https" | "http" => Ok(Some(url)),
            _ => Err(UpdateError::Feed {
                feed: shown_feed(env),
                detail: format!("{FEED_ENV} must be an http(s) address"),
            }),
        };
    }
    let Some(feed) = settings_feed else {
        return Ok(None);
    };
    let checked = check_update_feed(feed).map_err(|detail| UpdateError::Feed {
        feed: shown_feed(feed),
        detail,
    })?;
    Ok(checked.and_then(|feed| url::Url::parse(&feed).ok()))
}

/// A feed URL as messages show it: scheme, host, port and path (no user info, query or
/// fragment, which could carry a token).
pub fn shown_feed(feed: &str) -> String {
    match url::Url::parse(feed.trim()) {
        Ok(url) => {
            let host = url.host_str().unwrap_or_default();
            let port = url
                .port()
                .map(|port| format!(":{port}"))
                .unwrap_or_default();
            format!("{}://{host}{port}{}", url.scheme(), url.path())
        }
        Err(_) => crate::error_text::shown(feed.trim()).into_owned(),
    }
}

/// Longest update feed URL accepted.
pub const FEED_MAX_CHARS: usize = 2048;

/// Checks an update feed URL: empty means none; else an absolute https URL with a host.
pub fn check_update_feed(feed: &str) -> Result<Option<String>, String> {
    let feed = feed.trim();
    if feed.is_empty() {
        return Ok(None);
    }
    if feed.chars().count() > FEED_MAX_CHARS {
        return Err(format!(
            "The update feed URL is too long (at most {FEED_MAX_CHARS} characters)"
        ));
    }
    let url = url::Url::parse(feed).map_err(|error| {
        format!(
            "\u{201c}{}\u{201d} is not a URL ({error}): use an https:// address",
            shown(feed)
        )
    })?;
    if url.scheme() != "https" || url.host_str().is_none_or(str::is_empty) {
        return Err(format!(
            "The update feed must be an https:// address, not \u{201c}{}\u{201d}",
            shown(feed)
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("The update feed URL must not contain a user name or password".into());
    }
    Ok(Some(url.to_string()))
}

#[cfg(test)]
#[path = "updates_tests.rs"]
mod tests;
