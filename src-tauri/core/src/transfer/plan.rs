//! What an import would do, decided once for the preview and the apply alike: each profile of
//! the file is matched against the local ones by the rule in this module's parent (same server
//! and URI; one never-pushed local-only profile of the same name), checked by the same field rules
//! as a save, and becomes an add, an update, nothing (unchanged), a conflict (kept here) or a
//! refusal (its issues said). The rows to write come with it; nothing here touches a store.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Value};
use ts_rs::TS;

use super::document::ServerRef;
use crate::field_issue::FieldIssue;
use crate::generate::generate_secret;
use crate::profile::{Profile, ProfileDraft};
use crate::profile_field::ProfileField;
use crate::sensitive::Sensitive;
use crate::server::{address_key, Server};
use crate::sync_state::changed_here;
use crate::template_verdict::TemplatesVerdict;
use crate::validation::{validate_fields, DraftContext};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportAction {
    /// New here: added.
    Add,
    /// The same gateway here, with other content: overwritten with the file's.
    Update,
    /// The same gateway here, already equal: left alone.
    Unchanged,
    /// Kept as it is here: see [`ConflictReason`].
    Conflict,
    /// Breaks a field rule (its issues say which): not imported.
    Invalid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ConflictReason {
    /// The local one has edits not pushed yet that the file would overwrite.
    LocalEdits,
    /// The URI is used here by a profile of another server (or a local-only one).
    OtherServer,
}

/// One profile of the file and what the import does with it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportItem {
    pub name: String,
    pub uri: String,
    pub action: ImportAction,
    /// The local profile it matched.
    pub local_id: Option<String>,
    pub local_name: Option<String>,
    /// Its server as the file names it (`null`: local only).
    pub server: Option<ServerRef>,
    /// That server is not here: the profile comes in as local only.
    pub server_missing: bool,
    /// The fields an update (or the conflict) would change.
    pub changed: Vec<ProfileField>,
    pub conflict: Option<ConflictReason>,
    /// Why it is refused.
    pub issues: Vec<FieldIssue>,
    /// The file carries its app secret.
    pub has_secret: bool,
}

/// What an import would do (or did), profile by profile.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub exported_at: String,
    pub app_version: String,
    /// The file holds sealed secrets (the passphrase opened them).
    pub with_secrets: bool,
    pub items: Vec<ImportItem>,
    /// Servers the file names that are not here (their profiles come in as local only).
    pub missing_servers: Vec<ServerRef>,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub preview: ImportPreview,
    /// Profiles whose secret could not be put in the keychain (the rest of them was imported).
    pub secrets_not_saved: Vec<String>,
}

/// A profile read from the file, its templates judged (before the store is locked).
pub struct Incoming {
    pub draft: ProfileDraft,
    pub server: Option<ServerRef>,
    pub secret: Option<Sensitive<String>>,
    pub template_issues: Vec<FieldIssue>,
    pub verdict: TemplatesVerdict,
}

/// A row an import writes, with the secret that goes to the keychain.
pub struct PlannedWrite {
    pub profile: Profile,
    pub verdict: TemplatesVerdict,
    pub secret: Option<Sensitive<String>>,
    pub is_new: bool,
}

/// What is here: the profiles, the servers and the keychain's secret of a profile.
pub struct Local<'a> {
    pub profiles: &'a [Profile],
    pub servers: &'a [Server],
    pub secret_of: &'a dyn Fn(&str) -> Option<Sensitive<String>>,
}

/// The items of the preview and the rows an apply writes.
pub fn plan(
    incoming: &[Incoming],
    local: &Local<'_>,
    now: i64,
) -> (Vec<ImportItem>, Vec<PlannedWrite>) {
    let mut items = Vec::new();
    let mut writes = Vec::new();
    // URIs taken by earlier profiles of the same file, with their names.
    let mut file_uris: HashMap<String, String> = HashMap::new();
    for entry in incoming {
        let server = entry.server.as_ref().and_then(|wanted| {
            let key = address_key(&wanted.url);
            local
                .servers
                .iter()
                .find(|here| key.is_some() && address_key(&here.base_url) == key)
        });
        let server_id = server.map(|server| server.id.clone());
        let uri = entry.draft.uri.trim().to_string();
        let mut item = ImportItem {
            name: entry.draft.name.clone(),
            uri: uri.clone(),
            action: ImportAction::Add,
            local_id: None,
            local_name: None,
            server: entry.server.clone(),
            server_missing: entry.server.is_some() && server.is_none(),
            changed: Vec::new(),
            conflict: None,
            issues: Vec::new(),
            has_secret: entry.secret.is_some(),
        };
        let by_uri = local.profiles.iter().find(|here| here.uri == uri);
        let matched = match by_uri {
            Some(here) if here.server_id != server_id => {
                item.local_id = Some(here.id.clone());
                item.local_name = Some(here.name.clone());
                item.action = ImportAction::Conflict;
                item.conflict = Some(ConflictReason::OtherServer);
                items.push(item);
                continue;
            }
            Some(here) => Some(here),
            None if server_id.is_none() => {
                let name = entry.draft.name.trim().to_lowercase();
                let mut same_name = local.profiles.iter().filter(|here| {
                    here.server_id.is_none()
                        && !here.is_pushed()
                        && here.name.to_lowercase() == name
                });
                match (same_name.next(), same_name.next()) {
                    (Some(here), None) => Some(here),
                    _ => None,
                }
            }
            None => None,
        };
        let kept_secret = matched.and_then(|here| (local.secret_of)(&here.id));
        let secret = entry.secret.clone().or_else(|| kept_secret.clone());
        let draft = ProfileDraft {
            id: matched.map(|here| here.id.clone()),
            // Checked as a save would be; a profile without a secret is checked with a stand-in
            // (it comes in without one: nothing is stored for it).
            secret: secret
                .clone()
                .unwrap_or_else(|| Sensitive::new(generate_secret())),
            server_id: server_id.clone(),
            ..entry.draft.clone()
        };
        let context = DraftContext {
            existing: matched,
            uri_used_by: file_uris.get(&uri).map(String::as_str),
        };
        let valid = match validate_fields(&draft, context, entry.template_issues.clone()) {
            Ok((valid, _warnings)) => valid,
            Err(issues) => {
                item.action = ImportAction::Invalid;
                item.issues = issues.into_iter().filter(FieldIssue::is_error).collect();
                items.push(item);
                continue;
            }
        };
        file_uris.insert(valid.uri.clone(), valid.name.clone());
        let profile = Profile {
            id: matched.map_or_else(|| uuid::Uuid::new_v4().to_string(), |here| here.id.clone()),
            name: valid.name,
            uri: valid.uri,
            callback: valid.callback,
            server_id,
            remote_id: matched.and_then(|here| here.remote_id),
            sync: matched.map(|here| here.sync.clone()).unwrap_or_default(),
            created_at: matched.map_or(now, |here| here.created_at),
            updated_at: now,
            ..Profile::from_draft(&draft)
        };
        let Some(here) = matched else {
            writes.push(PlannedWrite {
                profile,
                verdict: entry.verdict.clone(),
                secret: entry.secret.clone(),
                is_new: true,
            });
            items.push(item);
            continue;
        };
        item.local_id = Some(here.id.clone());
        item.local_name = Some(here.name.clone());
        let before = with_secret(here, kept_secret.as_ref());
        let after = with_secret(&profile, secret.as_ref());
        item.changed = ProfileField::ALL
            .into_iter()
            .filter(|field| field_value(&before, *field) != field_value(&after, *field))
            .collect();
        if item.changed.is_empty() {
            item.action = ImportAction::Unchanged;
        } else if here.is_pushed() && changed_here(here) {
            item.action = ImportAction::Conflict;
            item.conflict = Some(ConflictReason::LocalEdits);
        } else {
            item.action = ImportAction::Update;
            let mut profile = profile;
            if here.is_pushed() && item.changed.contains(&ProfileField::Secret) {
                profile.sync.secret_changed = true;
            }
            writes.push(PlannedWrite {
                profile,
                verdict: entry.verdict.clone(),
                secret: entry.secret.clone(),
                is_new: false,
            });
        }
        items.push(item);
    }
    (items, writes)
}

fn with_secret(profile: &Profile, secret: Option<&Sensitive<String>>) -> ProfileDraft {
    ProfileDraft {
        secret: secret.cloned().unwrap_or_default(),
        ..ProfileDraft::from_profile(profile.clone())
    }
}

/// One field's value, for telling what an update changes. Exhaustive: a new field must say
/// how it is compared.
fn field_value(draft: &ProfileDraft, field: ProfileField) -> Value {
    match field {
        ProfileField::Name => json!(draft.name),
        ProfileField::Uri => json!(draft.uri),
        ProfileField::Callback => json!(draft.callback),
        ProfileField::Secret => json!(draft.secret.expose()),
        ProfileField::Flow => json!(draft.flow),
        ProfileField::Enabled => json!(draft.enabled),
        ProfileField::Server => json!(draft.server_id),
        ProfileField::Notes => json!(draft.notes),
        ProfileField::TemplateTitle => json!(draft.templates.title),
        ProfileField::TemplateClose => json!(draft.templates.close),
        ProfileField::TemplateJoin => json!(draft.templates.join),
        ProfileField::TemplateLeft => json!(draft.templates.left),
        ProfileField::TemplateFilePolicyFail => json!(draft.templates.file_policy_fail),
    }
}
