//! What the pulls say they did, as the app, the CLI and scripts read it: a whole server's
//! report by profile name, each picked gateway's outcome (with why one failed), and one
//! refreshed profile's outcome.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error_code::ErrorCode;

/// What a pull did, by profile name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PullReport {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    /// Changed on both sides: left as they are until the user picks a version.
    pub conflicts: Vec<String>,
    /// Linked locally but gone from the server.
    pub missing: Vec<String>,
}

/// What pulling one picked gateway did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PullOutcome {
    /// A new local profile.
    Created,
    /// The local profile took the server's version.
    Updated,
    /// Already the same here (or a local profile with its URI was linked to it).
    Unchanged,
    /// Changed on both sides: nothing overwritten, resolve it in the editor.
    Conflict,
    /// The server has no gateway with that id.
    Missing,
    /// Another provider's gateway: Textgate pulls only custom gateways.
    NotCustom,
    /// The server could not be asked, or the profile not written (`error` says why).
    Failed,
}

/// One picked gateway's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GatewayPull {
    pub remote_id: i64,
    /// Its name (the server's, or the linked profile's when the server could not say).
    pub name: Option<String>,
    /// The local profile it is linked to now, if any.
    pub profile_id: Option<String>,
    pub outcome: PullOutcome,
    /// Why it failed, when `outcome` is `failed`.
    pub error: Option<PullFailure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PullFailure {
    pub code: ErrorCode,
    pub message: String,
}

/// What re-reading one pushed profile from its server did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RefreshOutcome {
    /// The server's version did not move since the last sync.
    Unchanged,
    /// The server changed it and this computer did not: the server's version was applied.
    Updated,
    /// Both changed: left as it is, noted as a conflict.
    Conflict,
    /// The server no longer has the gateway.
    Missing,
}
