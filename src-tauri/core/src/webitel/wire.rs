//! The JSON shapes of Webitel's admin API (protocol doc, section 1), shared by the client and
//! the in-repo emulator. Webitel speaks protobuf-JSON: snake_case, and 64-bit integers that may
//! arrive as strings (`"id":"42"`) or numbers. We accept both and always send numbers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// Accepts an i64 written as a JSON number or a JSON string; `null` and absence become `None`.
pub mod int64 {
    use serde::{de, Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(i64),
        Text(String),
    }

    pub fn option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
        match Option::<Raw>::deserialize(deserializer)? {
            None => Ok(None),
            Some(Raw::Number(n)) => Ok(Some(n)),
            Some(Raw::Text(text)) if text.trim().is_empty() => Ok(None),
            Some(Raw::Text(text)) => text.trim().parse().map(Some).map_err(|_| {
                de::Error::custom(format!("expected a 64-bit integer, got \"{text}\""))
            }),
        }
    }
}

/// A `{id, name}` reference (flow schema, user).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lookup {
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The Templates tab on the wire.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotUpdates {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub close: String,
    #[serde(default)]
    pub join: String,
    #[serde(default)]
    pub left: String,
    #[serde(default)]
    pub file_policy_fail: String,
}

/// `metadata` of a gateway: string map holding `secret` and `webhook` for custom gateways.
/// Its `Debug` hides the secret so a logged `Bot` never leaks it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Metadata(pub BTreeMap<String, String>);

impl Metadata {
    pub const SECRET: &'static str = "secret";
    pub const WEBHOOK: &'static str = "webhook";

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The gateway's secret is wiped from memory with the metadata that carried it.
impl Drop for Metadata {
    fn drop(&mut self) {
        if let Some(secret) = self.0.get_mut(Self::SECRET) {
            secret.zeroize();
        }
    }
}

impl std::fmt::Debug for Metadata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut map = f.debug_map();
        for (key, value) in &self.0 {
            if key == Self::SECRET {
                map.entry(key, &"<redacted>");
            } else {
                map.entry(key, value);
            }
        }
        map.finish()
    }
}

/// A text gateway ("chat bot"). The flat body of create and update, and the list item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bot {
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<i64>,
    #[serde(default)]
    pub uri: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Lookup>,
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub provider: String,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updates: Option<BotUpdates>,
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<i64>,
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Lookup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<Lookup>,
}

/// One page of a list answer: `{"page":1,"next":true,"items":[...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub page: Option<i64>,
    #[serde(default)]
    pub next: bool,
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
}

/// A routing (flow) schema as listed by `GET /api/routing/schema`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<i64>,
    #[serde(default)]
    pub name: String,
    #[serde(default, rename = "type")]
    pub kind: String,
}

/// A `scope` entry of `GET /api/userinfo`: an object class and the access granted on it, as
/// Webitel's letters (`x` create, `r` read, `w` update, `d` delete; doubled = may grant).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjClass {
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<i64>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub class: String,
    #[serde(default)]
    pub access: String,
    #[serde(default)]
    pub obac: bool,
    #[serde(default)]
    pub rbac: bool,
}

/// A `permissions` entry of `GET /api/userinfo`; `add`, `read`, `write` and `delete` bypass
/// the object classes' access letters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPermission {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// `GET /api/userinfo` answer: only what Textgate shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo {
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_id: Option<i64>,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub domain: String,
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub dc: Option<i64>,
    /// When the token expires, in milliseconds since the epoch (`0` or absent: unknown).
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub exp: Option<i64>,
    /// The object classes the token may use; absent on servers that do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Vec<ObjClass>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<UserPermission>,
}

/// Webitel's ("micro") error body: `{"id":"chat.bot.…","code":400,"detail":"…","status":"Bad Request"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MicroError {
    #[serde(default)]
    pub id: String,
    #[serde(
        default,
        deserialize_with = "int64::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<i64>,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub status: String,
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
