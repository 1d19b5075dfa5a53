//! The document `textgate.profiles/1`: its shape, writing it and reading it back with a clear
//! refusal for anything else. A profile's fields are `ProfileDraft`'s own serialized fields (less
//! its id, secret and server id), so a field added to the draft is carried without a change here;
//! its server is named by name and address, never by id or token.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::profile::ProfileDraft;
use crate::sensitive::Sensitive;

/// The format this build writes and reads.
pub const FORMAT: &str = "textgate.profiles/1";

/// The family of formats; a later version of it is "newer", anything else "foreign".
const FORMAT_FAMILY: &str = "textgate.profiles/";

/// The draft's keys an export leaves out: the id is this machine's, the secret travels sealed
/// (`secrets`), the server by name and address.
const LEFT_OUT: [&str; 3] = ["id", "secret", "serverId"];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub format: String,
    /// When it was written, RFC 3339 in UTC.
    pub exported_at: String,
    pub app: AppInfo,
    pub profiles: Vec<ExportedProfile>,
    /// The app secrets, `{uri: secret}` as JSON sealed with a passphrase (an armored age file);
    /// absent when exported without secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AppInfo {
    pub version: String,
}

/// A server as the file names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServerRef {
    pub name: String,
    pub url: String,
}

/// One profile: the draft's fields, then its server (`null`: local only).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportedProfile {
    #[serde(flatten)]
    pub fields: Map<String, Value>,
    pub server: Option<ServerRef>,
}

impl ExportedProfile {
    /// The draft's content with its server (the draft's id, secret and server id are left out).
    pub fn new(draft: &ProfileDraft, server: Option<ServerRef>) -> Self {
        let mut fields = match serde_json::to_value(draft) {
            Ok(Value::Object(fields)) => fields,
            _ => Map::new(),
        };
        for key in LEFT_OUT {
            fields.remove(key);
        }
        Self { fields, server }
    }

    /// The profile as a draft without id, secret or server (the import adds those).
    pub fn draft(&self) -> std::result::Result<ProfileDraft, String> {
        let mut fields = self.fields.clone();
        for key in LEFT_OUT {
            fields.remove(key);
        }
        fields.insert("secret".into(), Value::String(String::new()));
        serde_json::from_value(Value::Object(fields)).map_err(|error| error.to_string())
    }
}

impl Document {
    pub fn new(app_version: &str, exported_at_millis: i64, profiles: Vec<ExportedProfile>) -> Self {
        Self {
            format: FORMAT.into(),
            exported_at: rfc3339(exported_at_millis),
            app: AppInfo {
                version: app_version.into(),
            },
            profiles,
            secrets: None,
        }
    }

    /// The document as people read it (indented, a newline at the end).
    pub fn to_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a document, refusing a foreign or damaged file and a newer format by name; every
    /// profile must read as a draft.
    pub fn parse(text: &str) -> Result<Self> {
        let value: Value = serde_json::from_str(text).map_err(|error| {
            CoreError::TransferFormat(format!(
                "This file is not a Textgate profile export: it is not valid JSON ({error})"
            ))
        })?;
        let format = value.get("format").and_then(Value::as_str);
        match format {
            Some(FORMAT) => {}
            Some(other) if other.starts_with(FORMAT_FAMILY) => {
                return Err(CoreError::TransferFormat(format!(
                    "This file is in the format \u{201c}{}\u{201d}, which this Textgate does not \
                     read (it reads {FORMAT}): update Textgate to import it",
                    crate::error_text::shown(other)
                )))
            }
            _ => {
                return Err(CoreError::TransferFormat(format!(
                    "This file is not a Textgate profile export: it has no \"format\": \
                     \"{FORMAT}\""
                )))
            }
        }
        let document: Document = serde_json::from_value(value).map_err(|error| {
            CoreError::TransferFormat(format!("This profile export is damaged: {error}"))
        })?;
        for (index, profile) in document.profiles.iter().enumerate() {
            profile.draft().map_err(|error| {
                CoreError::TransferFormat(format!(
                    "This profile export is damaged: profile {} cannot be read ({error})",
                    index + 1
                ))
            })?;
        }
        Ok(document)
    }
}

/// A secret as the sealed map holds it.
pub type SecretsByUri = std::collections::BTreeMap<String, Sensitive<String>>;

/// Milliseconds since the epoch as `2026-12-02T03:52:31Z` (days to civil date: H. Hinnant's
/// algorithm).
fn rfc3339(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
