//! Settling a conflict field by field: which synced fields differ between this computer and the
//! server, and the merged content a set of per-field choices makes ("keep mine" / "take the
//! server's"). Pure: reading the server and writing the result is `conflict_resolve`'s.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sync::KeepVersion;
use crate::error::{CoreError, Result};
use crate::profile_field::ProfileField;
use crate::sync_state::SyncContent;

/// One field's side in a per-field resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChoice {
    pub field: ProfileField,
    pub keep: KeepVersion,
}

/// What a set of choices makes of a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// The synced content the profile gets here.
    pub content: SyncContent,
    /// The server's app secret replaces the local one.
    pub take_secret: bool,
    /// Some differing field keeps this computer's value: the result is pushed over the
    /// server's. Otherwise the server's version is simply taken.
    pub push: bool,
}

/// The synced fields whose values differ, in the conflict view's order (the secret last, when
/// `secrets_differ`). Flows are compared by id (the two sides may name one flow differently),
/// URIs without their leading slash, as the server stores them.
pub fn differing(
    local: &SyncContent,
    remote: &SyncContent,
    secrets_differ: bool,
) -> Vec<ProfileField> {
    let mut fields: Vec<ProfileField> = ProfileField::synced()
        .filter(|field| !same(*field, local, remote))
        .collect();
    if secrets_differ {
        fields.push(ProfileField::Secret);
    }
    fields
}

fn same(field: ProfileField, a: &SyncContent, b: &SyncContent) -> bool {
    match field {
        ProfileField::Name => a.name == b.name,
        ProfileField::Uri => a.uri.trim_start_matches('/') == b.uri.trim_start_matches('/'),
        ProfileField::Callback => a.callback == b.callback,
        ProfileField::Flow => a.flow.as_ref().map(|f| f.id) == b.flow.as_ref().map(|f| f.id),
        ProfileField::Enabled => a.enabled == b.enabled,
        ProfileField::TemplateTitle => a.templates.title == b.templates.title,
        ProfileField::TemplateClose => a.templates.close == b.templates.close,
        ProfileField::TemplateJoin => a.templates.join == b.templates.join,
        ProfileField::TemplateLeft => a.templates.left == b.templates.left,
        ProfileField::TemplateFilePolicyFail => {
            a.templates.file_policy_fail == b.templates.file_policy_fail
        }
        ProfileField::Secret | ProfileField::Server | ProfileField::Notes => true,
    }
}

/// Copies `field` from `from` into `into`.
fn take(field: ProfileField, into: &mut SyncContent, from: &SyncContent) {
    match field {
        ProfileField::Name => into.name = from.name.clone(),
        ProfileField::Uri => into.uri = from.uri.clone(),
        ProfileField::Callback => into.callback = from.callback.clone(),
        ProfileField::Flow => into.flow = from.flow.clone(),
        ProfileField::Enabled => into.enabled = from.enabled,
        ProfileField::TemplateTitle => into.templates.title = from.templates.title.clone(),
        ProfileField::TemplateClose => into.templates.close = from.templates.close.clone(),
        ProfileField::TemplateJoin => into.templates.join = from.templates.join.clone(),
        ProfileField::TemplateLeft => into.templates.left = from.templates.left.clone(),
        ProfileField::TemplateFilePolicyFail => {
            into.templates.file_policy_fail = from.templates.file_policy_fail.clone()
        }
        ProfileField::Secret | ProfileField::Server | ProfileField::Notes => {}
    }
}

/// Merges the two versions as `choices` say; a differing field without a choice takes `rest`,
/// and without `rest` the merge is refused (nothing is decided for the admin). A choice for a
/// field the server does not hold (notes, server), or two choices for one field, are refused.
pub fn merge(
    local: &SyncContent,
    remote: &SyncContent,
    secrets_differ: bool,
    choices: &[FieldChoice],
    rest: Option<KeepVersion>,
) -> Result<Merge> {
    for (index, choice) in choices.iter().enumerate() {
        let field = choice.field;
        if !field.label().synced && field != ProfileField::Secret {
            return Err(CoreError::ConflictChoice(format!(
                "{} is kept on this computer only: there is no server version to choose",
                field.wire_name()
            )));
        }
        if choices[..index].iter().any(|other| other.field == field) {
            return Err(CoreError::ConflictChoice(format!(
                "{} is chosen twice: choose once per field",
                field.wire_name()
            )));
        }
    }
    let fields = differing(local, remote, secrets_differ);
    let mut missing = Vec::new();
    let mut content = local.clone();
    let mut push = false;
    let mut take_secret = false;
    for field in fields {
        let chosen = choices.iter().find(|c| c.field == field).map(|c| c.keep);
        match chosen.or(rest) {
            Some(KeepVersion::Local) => push = true,
            Some(KeepVersion::Remote) if field == ProfileField::Secret => take_secret = true,
            Some(KeepVersion::Remote) => take(field, &mut content, remote),
            None => missing.push(field.wire_name()),
        }
    }
    if !missing.is_empty() {
        return Err(CoreError::ConflictChoice(format!(
            "Choose a version for every field that differs: {} (keep local or take the server's)",
            missing.join(", ")
        )));
    }
    Ok(Merge {
        content,
        take_secret,
        push,
    })
}

#[cfg(test)]
#[path = "conflict_merge_tests.rs"]
mod tests;
