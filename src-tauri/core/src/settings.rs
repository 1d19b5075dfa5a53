//! The app's preferences (language, theme, update check, update feed, the receiver's default
//! port) and their rules, kept apart from where they are stored (`settings_file`) so the rules
//! are one place the app and its tests share. A value is read field by field: one bad value
//! costs that value only, never the others.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::error::CoreError;
use crate::error_text::shown;
pub use crate::settings_field::SettingsField;
pub use crate::updates::{check_update_feed, FEED_MAX_CHARS};

/// The Receive panel's port until the user picks another (`ui/src/lib/harness/receiver.svelte.ts`).
pub const DEFAULT_RECEIVER_PORT: u16 = 8790;

/// The UI languages: `system` follows the OS locale, the others are Webitel's admin languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    System,
    En,
    Es,
    Ru,
    Uk,
    Kk,
    Pl,
    Ro,
    Uz,
    Vi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the OS's light or dark appearance.
    #[default]
    System,
    Light,
    Dark,
}

/// The preferences, every one with its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
    /// Look for a newer version when the app starts: opt-in (default off), the app asks no
    /// server of its own accord until the admin turns it on.
    pub check_updates_on_start: bool,
    /// An https URL of an update feed (`latest.json`) replacing the release's; `null` = the
    /// release's own feed.
    pub update_feed: Option<String>,
    /// The port the Receive panel offers first (1-65535).
    pub receiver_port: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::System,
            theme: Theme::System,
            check_updates_on_start: false,
            update_feed: None,
            receiver_port: DEFAULT_RECEIVER_PORT,
        }
    }
}

fn invalid(field: SettingsField, message: String) -> CoreError {
    CoreError::InvalidSetting {
        field: Some(field),
        message,
    }
}

fn named<T: for<'de> Deserialize<'de>>(
    field: SettingsField,
    value: &Value,
    allowed: &str,
) -> Result<T, CoreError> {
    serde_json::from_value(value.clone()).map_err(|_| {
        let given = match value {
            Value::String(text) => format!("\u{201c}{}\u{201d}", shown(text)),
            other => shown(&other.to_string()).into_owned(),
        };
        invalid(
            field,
            format!("{given} is not a {}: use {allowed}", label(field)),
        )
    })
}

fn label(field: SettingsField) -> &'static str {
    match field {
        SettingsField::Language => "language",
        SettingsField::Theme => "theme",
        SettingsField::CheckUpdatesOnStart => "yes/no value for the update check at start",
        SettingsField::UpdateFeed => "update feed URL",
        SettingsField::ReceiverPort => "receiver port",
    }
}

impl Settings {
    /// Sets `field` from a JSON value, or says why it cannot be.
    pub fn set(&mut self, field: SettingsField, value: &Value) -> Result<(), CoreError> {
        match field {
            SettingsField::Language => {
                self.language = named(field, value, "system, en, es, ru, uk, kk, pl, ro, uz or vi")?
            }
            SettingsField::Theme => self.theme = named(field, value, "system, light or dark")?,
            SettingsField::CheckUpdatesOnStart => {
                self.check_updates_on_start = named(field, value, "true or false")?
            }
            SettingsField::UpdateFeed => {
                self.update_feed = match value {
                    Value::Null => None,
                    Value::String(feed) => {
                        check_update_feed(feed).map_err(|message| invalid(field, message))?
                    }
                    other => {
                        return Err(invalid(
                            field,
                            format!(
                                "{} is not an update feed URL: use an https:// address or null",
                                shown(&other.to_string())
                            ),
                        ))
                    }
                }
            }
            SettingsField::ReceiverPort => {
                self.receiver_port = match value.as_u64() {
                    Some(port @ 1..=65535) => port as u16,
                    _ => {
                        return Err(invalid(
                            field,
                            format!(
                                "{} is not a receiver port: use a number from 1 to 65535",
                                shown(&value.to_string())
                            ),
                        ))
                    }
                }
            }
        }
        Ok(())
    }

    /// Applies every known key of `changes` (others are ignored) or none: the first bad value
    /// is the error and `self` is left as it was.
    pub fn apply(&mut self, changes: &Value) -> Result<(), CoreError> {
        let Some(changes) = changes.as_object() else {
            return Err(CoreError::InvalidSetting {
                field: None,
                message: "Settings must be an object of named values".into(),
            });
        };
        let mut next = self.clone();
        for field in SettingsField::ALL {
            if let Some(value) = changes.get(field.key()) {
                next.set(field, value)?;
            }
        }
        *self = next;
        Ok(())
    }

    /// Reads stored settings leniently: a missing key keeps its default, a bad value keeps its
    /// default and adds a warning; the other values are kept.
    pub fn from_stored(object: &Map<String, Value>) -> (Settings, Vec<String>) {
        let mut settings = Settings::default();
        let mut warnings = Vec::new();
        for field in SettingsField::ALL {
            if let Some(value) = object.get(field.key()) {
                if let Err(error) = settings.set(field, value) {
                    warnings.push(format!(
                        "The saved {} was not usable ({error}): the default is used instead",
                        field.key()
                    ));
                }
            }
        }
        (settings, warnings)
    }
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
