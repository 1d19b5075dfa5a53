//! Where the settings live: `settings.json` in the data folder (beside the database, so
//! `TEXTGATE_DATA_DIR` moves both). Saved atomically (a temp file in the same folder, synced,
//! then renamed over the old one), so a crash or a second save at the same moment leaves either
//! the old file or the new one, never half of each. Reading never fails: a damaged file gives
//! the defaults and a warning, and is kept aside (`settings.json.bak`) before it is replaced.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::settings::{Settings, SettingsField};

pub const SETTINGS_FILE: &str = "settings.json";

/// A settings file larger than this is not read (it cannot be ours).
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Saves in this process one at a time, so two saves of different values both land.
static SAVE_LOCK: Mutex<()> = Mutex::new(());

/// The settings as the UI gets them, with what was wrong in the file (empty when all is well).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub settings: Settings,
    /// Sentences about values of the file that were replaced by their defaults.
    pub warnings: Vec<String>,
}

pub fn settings_path(dir: &Path) -> PathBuf {
    dir.join(SETTINGS_FILE)
}

/// What the file holds.
enum Stored {
    Missing,
    Object(Map<String, Value>),
    /// Not a JSON object we can read; the sentence says why.
    Unusable(String),
}

fn read_stored(path: &Path) -> Stored {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Stored::Missing,
        Err(error) => return Stored::Unusable(format!("it cannot be read: {error}")),
    };
    let mut text = String::new();
    let read = std::io::Read::read_to_string(
        &mut std::io::Read::take(file, MAX_FILE_BYTES + 1),
        &mut text,
    );
    match read {
        Err(error) => Stored::Unusable(format!("it cannot be read: {error}")),
        Ok(len) if len as u64 > MAX_FILE_BYTES => Stored::Unusable("it is larger than 1 MB".into()),
        Ok(_) => match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(object)) => Stored::Object(object),
            Ok(_) => Stored::Unusable("it does not hold a JSON object".into()),
            Err(error) => Stored::Unusable(format!("it is not valid JSON ({error})")),
        },
    }
}

fn unusable_warning(path: &Path, why: &str) -> String {
    format!(
        "The settings file {} was not used because {why}: the defaults are shown, and the file \
         is kept as {SETTINGS_FILE}.bak when the settings are next saved",
        path.display()
    )
}

/// The saved settings (defaults for what is missing or unusable) and what was wrong.
pub fn load(dir: &Path) -> SettingsView {
    let path = settings_path(dir);
    match read_stored(&path) {
        Stored::Missing => SettingsView {
            settings: Settings::default(),
            warnings: Vec::new(),
        },
        Stored::Object(object) => {
            let (settings, warnings) = Settings::from_stored(&object);
            SettingsView { settings, warnings }
        }
        Stored::Unusable(why) => SettingsView {
            settings: Settings::default(),
            warnings: vec![unusable_warning(&path, &why)],
        },
    }
}

/// Applies `changes` (an object of some or all settings keys) to the saved settings and writes
/// them. A bad value is refused with its field and nothing is written. Keys this version does
/// not know are kept in the file as they were.
pub fn save(dir: &Path, changes: &Value) -> Result<SettingsView> {
    let _one_at_a_time = SAVE_LOCK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let path = settings_path(dir);
    let stored = read_stored(&path);
    let (mut settings, mut object) = match &stored {
        Stored::Object(object) => (Settings::from_stored(object).0, object.clone()),
        Stored::Missing | Stored::Unusable(_) => (Settings::default(), Map::new()),
    };
    settings.apply(changes)?;
    let written_error = |source: std::io::Error| CoreError::SettingsFile {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(written_error)?;
    if let Stored::Unusable(_) = stored {
        let backup = dir.join(format!("{SETTINGS_FILE}.bak"));
        // Best effort: an unreadable file may not be copyable either.
        let _ = std::fs::copy(&path, backup);
    }
    let Value::Object(known) = serde_json::to_value(&settings).expect("settings serialize") else {
        unreachable!("settings serialize as an object")
    };
    for field in SettingsField::ALL {
        object.remove(field.key());
    }
    object.extend(known);
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(object)).expect("JSON serializes");
    bytes.push(b'\n');
    write_atomically(dir, &path, &bytes).map_err(written_error)?;
    Ok(SettingsView {
        settings,
        warnings: Vec::new(),
    })
}

/// Writes `bytes` to a temp file in `dir`, syncs it, and renames it over `path`.
fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".settings-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(test)]
#[path = "settings_file_tests.rs"]
mod tests;
