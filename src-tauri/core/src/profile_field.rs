//! The fields of a gateway profile, declared once: the names the rules attach issues to, the
//! order the front ends present them in, the UI message key of each label (the conflict dialog
//! and the General tab read it, in the admin's language) and the English label the CLI prints.
//! A leaf: it knows no other module, so the model, the rules and the views can all name fields.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProfileField {
    Name,
    Uri,
    Callback,
    Secret,
    Flow,
    Enabled,
    Server,
    Notes,
    TemplateTitle,
    TemplateClose,
    TemplateJoin,
    TemplateLeft,
    TemplateFilePolicyFail,
}

/// How the front ends name and compare one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLabel {
    /// The Paraglide message key of the label (`ui/messages/*.json`, every locale).
    pub key: &'static str,
    /// The label in English, as the CLI prints it.
    pub english: &'static str,
    /// The server's gateway holds it too, so a conflict compares it side by side (the secret
    /// is compared through a flag instead, the server link is not content).
    pub synced: bool,
}

const fn label(key: &'static str, english: &'static str, synced: bool) -> FieldLabel {
    FieldLabel {
        key,
        english,
        synced,
    }
}

impl ProfileField {
    /// Every field, in the order the editor, the conflict dialog and `profiles show` use.
    pub const ALL: [ProfileField; 13] = [
        Self::Name,
        Self::Uri,
        Self::Callback,
        Self::Flow,
        Self::Enabled,
        Self::Server,
        Self::Secret,
        Self::Notes,
        Self::TemplateTitle,
        Self::TemplateClose,
        Self::TemplateJoin,
        Self::TemplateLeft,
        Self::TemplateFilePolicyFail,
    ];

    /// The one label table.
    pub const fn label(self) -> FieldLabel {
        match self {
            Self::Name => label("general_name", "Name", true),
            Self::Uri => label("general_uri", "URI", true),
            Self::Callback => label("general_callback", "Callback", true),
            Self::Flow => label("general_flow", "Flow", true),
            Self::Enabled => label("editor_enabled", "Enabled", true),
            Self::Server => label("general_server", "Server", false),
            Self::Secret => label("conflict_app_secret", "Secret", false),
            Self::Notes => label("general_notes", "Notes", false),
            Self::TemplateTitle => label("template_title_label", "Workspace member's name", true),
            Self::TemplateClose => label("template_close_label", "Chat complete message", true),
            Self::TemplateJoin => label("template_join_label", "Agent joining message", true),
            Self::TemplateLeft => label("template_left_label", "Agent disconnection message", true),
            Self::TemplateFilePolicyFail => label(
                "template_file_policy_label",
                "File policy violation message",
                true,
            ),
        }
    }

    /// The fields a conflict compares side by side, in order.
    pub fn synced() -> impl Iterator<Item = ProfileField> {
        Self::ALL.into_iter().filter(|field| field.label().synced)
    }

    /// The serde (and TypeScript) name of the field.
    pub fn wire_name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

#[cfg(test)]
#[path = "profile_field_tests.rs"]
mod tests;
