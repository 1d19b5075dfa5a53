//! Where Textgate keeps its data, in one place so the desktop app and the CLI open the same
//! database: the OS app-data dir Tauri gives the app's identifier (`dirs::data_dir()` joined
//! with `com.textgate.desktop`), unless `TEXTGATE_DATA_DIR` or an explicit dir says otherwise.
//! The log folder follows: the data folder's `logs/` when the data folder was chosen (tests,
//! portable installs: nothing then lands in the real home), else the OS log folder Tauri's
//! `app_log_dir()` names.

use std::path::PathBuf;

/// The app's bundle identifier (tauri.conf.json), which names its data dir.
pub const APP_IDENTIFIER: &str = "com.textgate.desktop";

/// Overrides the data dir (tests, scripts, portable installs).
pub const DATA_DIR_ENV: &str = "TEXTGATE_DATA_DIR";

/// The OS app-data dir of the desktop app, as Tauri's `app_data_dir()` computes it:
/// `~/.local/share/com.textgate.desktop` on Linux, `~/Library/Application Support/…` on macOS,
/// `%APPDATA%\…` on Windows. `None` when the OS reports no home/data folder.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER))
}

/// `explicit` if given, else `TEXTGATE_DATA_DIR` when set and non-empty, else [`default_data_dir`].
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    chosen_data_dir(explicit).or_else(default_data_dir)
}

/// The desktop app's data folder: [`resolve_data_dir`] without an explicit dir, else the dir
/// the shell's platform layer names (`os_app_data_dir`, Tauri's), else the working directory,
/// so the window can still show and explain a storage problem.
pub fn app_data_dir(os_app_data_dir: impl FnOnce() -> Option<PathBuf>) -> PathBuf {
    resolve_data_dir(None)
        .or_else(os_app_data_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The OS log folder of the app, as Tauri's `app_log_dir()` computes it:
/// `~/.local/share/com.textgate.desktop/logs` on Linux, `~/Library/Logs/com.textgate.desktop`
/// on macOS, `%LOCALAPPDATA%\com.textgate.desktop\logs` on Windows.
pub fn default_log_dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        dirs::home_dir().map(|home| home.join("Library/Logs").join(APP_IDENTIFIER))
    } else {
        dirs::data_local_dir().map(|dir| dir.join(APP_IDENTIFIER).join("logs"))
    }
}

/// Where logs go: `logs/` in the data folder when one was chosen (`explicit`, else a non-empty
/// `TEXTGATE_DATA_DIR`), else [`default_log_dir`].
pub fn resolve_log_dir(explicit_data_dir: Option<PathBuf>) -> Option<PathBuf> {
    chosen_data_dir(explicit_data_dir)
        .map(|dir| dir.join("logs"))
        .or_else(default_log_dir)
}

fn chosen_data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .filter(|dir| !dir.as_os_str().is_empty())
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|dir| !dir.is_empty())
                .map(PathBuf::from)
        })
}

#[cfg(test)]
#[path = "paths_tests.rs"]
mod tests;
