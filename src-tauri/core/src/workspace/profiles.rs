//! Profile operations: list, read, check, save, duplicate, start/stop, delete. The rule that
//! ties the two stores: the row is written first, so a keychain failure never loses the rest of
//! the profile, and the secret goes only to the keychain.

use serde::Serialize;
use ts_rs::TS;

use super::{Profiles, Workspace};
use crate::clock::now_millis;
use crate::error::{CoreError, Result};
use crate::gateway_templates::judge_templates;
use crate::profile::{FlowSchema, Profile, ProfileDraft};
use crate::profile_views::{ProfileSummary, ProfileView, SecretState, ViewExtras};
use crate::secrets::SecretError;
use crate::store::Store;
use crate::template_verdict::TemplatesVerdict;
use crate::validation::{validate_fields, DraftContext, FieldIssue, ProfileField, ValidDraft};

/// The result of a save: the stored profile plus anything the user should be told.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SaveOutcome {
    pub profile: ProfileView,
    /// Warnings about saved values (plain http callback, secret not reaching the keychain).
    pub warnings: Vec<FieldIssue>,
}

impl Workspace {
    pub(super) fn view(&self, profile: Profile) -> ProfileView {
        let (secret, secret_state) = match self.secrets.read(&profile.id) {
            Ok(Some(secret)) => (Some(secret), SecretState::Stored),
            Ok(None) => (None, SecretState::Missing),
            Err(_) => (None, SecretState::Unavailable),
        };
        let server = match &profile.server_id {
            Some(id) => self.store().find_server(id).ok().flatten(),
            None => None,
        };
        let templates_refused = self.templates_refused(&profile);
        ProfileView::new(
            profile,
            ViewExtras {
                secret,
                secret_state,
                server_base_url: server.as_ref().map(|s| s.base_url.clone()),
                server_name: server.map(|s| s.name),
                templates_refused,
            },
        )
    }
}

impl Profiles<'_> {
    /// Every profile, with the verdict on its templates stored at save (nothing is rendered
    /// unless a row has no verdict for its texts yet).
    pub fn list(self) -> Result<Vec<ProfileSummary>> {
        let (profiles, verdicts) = {
            let store = self.ws.store();
            (store.list_profiles()?, store.templates_verdicts()?)
        };
        Ok(profiles
            .iter()
            .map(|profile| {
                let refused = self
                    .ws
                    .templates_refused_with(profile, verdicts.get(&profile.id));
                ProfileSummary::new(profile, refused)
            })
            .collect())
    }

    /// A profile with its secret read back from the keychain.
    pub fn get(self, id: &str) -> Result<ProfileView> {
        let profile = self.ws.store().get_profile(id)?;
        Ok(self.ws.view(profile))
    }

    /// Cached flow schemas of one server (or of all servers with `None`).
    pub fn flow_schemas(self, server_id: Option<&str>) -> Result<Vec<FlowSchema>> {
        self.ws.store().list_flow_schemas(server_id)
    }

    /// Every error and warning the draft would get on save, without saving (live validation).
    /// The templates are rendered before the store is locked: a costly one (up to a full work
    /// budget) never holds up other commands.
    pub fn check(self, draft: &ProfileDraft) -> Result<Vec<FieldIssue>> {
        let (template_issues, _) = judge_templates(&draft.templates);
        let (_, checked) = validate_against(&self.ws.store(), draft, template_issues)?;
        Ok(checked.map_or_else(|issues| issues, |(_, warnings)| warnings))
    }

    /// Validates and stores a draft; creates the profile when it has no id.
    pub fn save(self, draft: ProfileDraft) -> Result<SaveOutcome> {
        let now = now_millis();
        // Rendered before the store is locked, and the verdict kept for the profile list.
        let (template_issues, refused) = judge_templates(&draft.templates);
        let verdict = TemplatesVerdict::reached(&draft.templates, refused);
        let (profile, warnings) = {
            let mut store = self.ws.store();
            let (existing, checked) = validate_against(&store, &draft, template_issues)?;
            let (valid, mut warnings) = checked.map_err(CoreError::Invalid)?;
            let server_id = check_server(&store, &draft, existing.as_ref())?;
            let mut sync = existing
                .as_ref()
                .map(|saved| saved.sync.clone())
                .unwrap_or_default();
            if let Some(saved) = existing.as_ref().filter(|saved| saved.is_pushed()) {
                // A pushed gateway whose secret changes here must be pushed again.
                match self.ws.secrets.read(&saved.id) {
                    Ok(stored) => sync.secret_changed |= stored.as_ref() != Some(&draft.secret),
                    Err(_) => sync.secret_changed = true,
                }
            }
            let profile = Profile {
                id: existing
                    .as_ref()
                    .map_or_else(new_profile_id, |saved| saved.id.clone()),
                name: valid.name,
                uri: valid.uri,
                callback: valid.callback,
                server_id,
                remote_id: existing.as_ref().and_then(|saved| saved.remote_id),
                sync,
                created_at: existing.as_ref().map_or(now, |saved| saved.created_at),
                updated_at: now,
                ..Profile::from_draft(&draft)
            };
            // A new profile's secret goes to the keychain before its row: a crash between the two
            // leaves an unreferenced keychain entry, never a listed profile without its secret.
            // An existing row is written first, marking a changed secret, so a crash leaves the
            // conservative "changed here". Both under the store lock, so a push recording its
            // result sees the row and the secret of this save together (see `sync_record`).
            let mut write_secret = || {
                if let Err(error) = self.ws.secrets.write(&profile.id, &draft.secret) {
                    warnings.push(secret_not_saved(&error));
                }
            };
            if existing.is_none() {
                write_secret();
            }
            store.upsert_profile(&profile)?;
            store.set_templates_verdict(&profile.id, &verdict)?;
            if existing.is_some() {
                write_secret();
            }
            (profile, warnings)
        };
        Ok(SaveOutcome {
            profile: self.ws.view(profile),
            warnings,
        })
    }

    /// A copy of a profile with a fresh URI and secret, never enabled and never pushed.
    pub fn duplicate(self, id: &str) -> Result<SaveOutcome> {
        self.duplicate_as(id, None)
    }

    /// [`Self::duplicate`] named `name` (default: "<name> (copy)"), checked as any save is.
    pub fn duplicate_as(self, id: &str, name: Option<&str>) -> Result<SaveOutcome> {
        let original = self.ws.store().get_profile(id)?;
        let fresh = ProfileDraft::generated();
        let draft = ProfileDraft {
            name: name.map_or_else(|| copy_name(&original.name), str::to_string),
            uri: fresh.uri,
            secret: fresh.secret,
            enabled: false,
            ..ProfileDraft::from_profile(original)
        };
        self.save(draft)
    }

    /// Starts or stops the gateway; starting needs a flow schema.
    pub fn set_enabled(self, id: &str, enabled: bool) -> Result<ProfileView> {
        let profile = {
            let mut store = self.ws.store();
            let profile = store.get_profile(id)?;
            if enabled && profile.flow.is_none() {
                return Err(CoreError::FlowRequired);
            }
            store.set_profile_enabled(id, enabled, now_millis())?;
            store.get_profile(id)?
        };
        Ok(self.ws.view(profile))
    }

    /// Deletes the keychain entry, then the row. If the keychain cannot be reached the profile
    /// is kept, so no orphaned secret is left behind; if the row cannot be deleted, the secret
    /// is put back, so a profile that stays never loses its secret.
    pub fn delete(self, id: &str) -> Result<()> {
        let mut store = self.ws.store();
        store.get_profile(id)?;
        let secret = self.ws.secrets.read(id)?;
        self.ws.secrets.remove(id)?;
        if let Err(error) = store.delete_profile(id) {
            if let Some(secret) = secret {
                let _ = self.ws.secrets.write(id, &secret);
            }
            return Err(error);
        }
        Ok(())
    }
}

/// The server a draft may belong to: an existing one, and not a different one once pushed.
fn check_server(
    store: &Store,
    draft: &ProfileDraft,
    existing: Option<&Profile>,
) -> Result<Option<String>> {
    let wanted = draft.server_id.clone().filter(|id| !id.is_empty());
    if let Some(saved) = existing.filter(|saved| saved.is_pushed()) {
        if wanted != saved.server_id {
            return Err(CoreError::Invalid(vec![FieldIssue::error(
                ProfileField::Server,
                crate::Issue::ServerReadOnly,
            )]));
        }
    }
    match wanted {
        Some(id) => Ok(Some(store.get_server(&id)?.id)),
        None => Ok(None),
    }
}

type Checked = std::result::Result<(ValidDraft, Vec<FieldIssue>), Vec<FieldIssue>>;

/// Runs the field rules with what only the store knows: the saved version and URI clashes.
/// The templates' issues were judged beforehand, without the lock.
fn validate_against(
    store: &Store,
    draft: &ProfileDraft,
    template_issues: Vec<FieldIssue>,
) -> Result<(Option<Profile>, Checked)> {
    let existing = match &draft.id {
        Some(id) => Some(store.get_profile(id)?),
        None => None,
    };
    let uri_owner = store.profile_using_uri(draft.uri.trim(), draft.id.as_deref())?;
    let context = DraftContext {
        existing: existing.as_ref(),
        uri_used_by: uri_owner.as_ref().map(|other| other.name.as_str()),
    };
    let checked = validate_fields(draft, context, template_issues);
    Ok((existing, checked))
}

fn new_profile_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn copy_name(name: &str) -> String {
    let copy: String = name
        .chars()
        .take(crate::validation::NAME_MAX_CHARS - 7)
        .collect();
    format!("{copy} (copy)")
}

fn secret_not_saved(error: &SecretError) -> FieldIssue {
    FieldIssue::warning(
        ProfileField::Secret,
        match error {
            SecretError::Unavailable(detail) => crate::Issue::SecretNotSaved {
                unavailable: true,
                detail: detail.clone(),
            },
            SecretError::Failed(detail) => crate::Issue::SecretNotSaved {
                unavailable: false,
                detail: detail.clone(),
            },
        },
    )
}

#[cfg(test)]
#[path = "profiles_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "profiles_notes_tests.rs"]
mod notes_tests;
