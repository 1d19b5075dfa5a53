//! The names of the settings, as errors and warnings name them: a leaf of its own, so that the
//! error enum can say which setting an error is about without depending on the settings' rules.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One field of the settings, as errors and warnings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SettingsField {
    Language,
    Theme,
    CheckUpdatesOnStart,
    UpdateFeed,
    ReceiverPort,
}

impl SettingsField {
    pub const ALL: [SettingsField; 5] = [
        SettingsField::Language,
        SettingsField::Theme,
        SettingsField::CheckUpdatesOnStart,
        SettingsField::UpdateFeed,
        SettingsField::ReceiverPort,
    ];

    /// The key in the settings file and in `save_settings`' object.
    pub fn key(self) -> &'static str {
        match self {
            SettingsField::Language => "language",
            SettingsField::Theme => "theme",
            SettingsField::CheckUpdatesOnStart => "checkUpdatesOnStart",
            SettingsField::UpdateFeed => "updateFeed",
            SettingsField::ReceiverPort => "receiverPort",
        }
    }
}
