//! What a bug report needs to say about the installation, gathered in one place so the About
//! dialog's "Copy diagnostics" and `textgate-cli diagnostics` print the same text: version and
//! commit, operating system, web view, keychain, data and log folders. Nothing here is a
//! secret: no token, password, app secret or server address is among these facts.

use serde::Serialize;
use ts_rs::TS;

/// The commit this build was made from (`build.rs`: git, else `GITHUB_SHA`, else `unknown`).
pub const COMMIT: &str = env!("TEXTGATE_COMMIT");

/// The facts, as the About dialog shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostics {
    /// `Textgate` (the app) or `textgate-cli`.
    pub program: String,
    pub version: String,
    /// Short git commit, or `unknown`.
    pub commit: String,
    /// e.g. `Ubuntu 24.04 (64-bit)`.
    pub os: String,
    /// CPU architecture the build runs on, e.g. `x86_64`.
    pub arch: String,
    /// The web view engine and version (`WebKitGTK 2.48.1`); `null` for the CLI.
    pub webview: Option<String>,
    /// The OS keychain Textgate stores secrets in.
    pub keychain: String,
    /// Why that keychain cannot be used now; `null` when it answers.
    pub keychain_error: Option<String>,
    pub data_dir: Option<String>,
    pub log_dir: Option<String>,
}

/// What only the caller knows; the rest is read from the build and the OS.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub program: String,
    pub webview: Option<String>,
    pub keychain: String,
    pub keychain_error: Option<String>,
    pub data_dir: Option<String>,
    pub log_dir: Option<String>,
}

impl Diagnostics {
    pub fn collect(facts: Facts) -> Self {
        let info = os_info::get();
        let os = match info.bitness() {
            os_info::Bitness::Unknown => format!("{} {}", info.os_type(), info.version()),
            bits => format!("{} {} ({bits})", info.os_type(), info.version()),
        };
        Self {
            program: facts.program,
            version: env!("CARGO_PKG_VERSION").to_string(),
            commit: COMMIT.to_string(),
            os,
            arch: std::env::consts::ARCH.to_string(),
            webview: facts.webview,
            keychain: facts.keychain,
            keychain_error: facts.keychain_error,
            data_dir: facts.data_dir,
            log_dir: facts.log_dir,
        }
    }

    /// The plain text "Copy diagnostics" puts on the clipboard, one fact a line.
    pub fn to_text(&self) -> String {
        let unknown = || "unknown".to_string();
        let keychain = match &self.keychain_error {
            None => format!("{}: available", self.keychain),
            Some(error) => format!("{}: not available: {error}", self.keychain),
        };
        [
            format!("{} {} (commit {})", self.program, self.version, self.commit),
            format!("OS: {} {}", self.os, self.arch),
            format!(
                "Web view: {}",
                self.webview
                    .clone()
                    .unwrap_or_else(|| "none (command line)".into())
            ),
            format!("Keychain: {keychain}"),
            format!(
                "Data folder: {}",
                self.data_dir.clone().unwrap_or_else(unknown)
            ),
            format!(
                "Log folder: {}",
                self.log_dir.clone().unwrap_or_else(unknown)
            ),
        ]
        .join("\n")
            + "\n"
    }
}

#[cfg(test)]
#[path = "diagnostics_tests.rs"]
mod tests;
