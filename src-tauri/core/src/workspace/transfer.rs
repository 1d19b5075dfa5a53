//! Profiles to and from another machine (`workspace.transfer()`): export picked profiles as a
//! `textgate.profiles/1` document, read one back (its secrets opened with the passphrase before
//! anything is decided), preview what an import would do and apply it. The file is parsed and
//! its templates judged before the store is locked; the preview and the apply make the same plan
//! (`transfer::plan`), and the apply writes every row in one transaction, then the secrets.

use super::{Transfer, Workspace};
use crate::clock::now_millis;
use crate::error::Result;
use crate::gateway_templates::judge_templates;
use crate::profile::ProfileDraft;
use crate::sensitive::Sensitive;
use crate::template_verdict::TemplatesVerdict;
use crate::transfer::document::{Document, ExportedProfile, SecretsByUri, ServerRef};
use crate::transfer::plan::{plan, Incoming, Local, PlannedWrite};
use crate::transfer::{secrets, ImportItem, ImportPreview, ImportReport};

/// An export: the document's text and what it holds (the text stays out of the IPC answer).
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportOutcome {
    #[serde(skip)]
    #[ts(skip)]
    pub text: String,
    pub count: usize,
    pub with_secrets: bool,
    /// Profiles exported with secrets whose secret is not in the keychain (left out).
    pub secrets_missing: Vec<String>,
}

/// A file read for import: its profiles (secrets opened), not yet matched against the store.
pub struct ImportFile {
    exported_at: String,
    app_version: String,
    with_secrets: bool,
    incoming: Vec<Incoming>,
}

impl Transfer<'_> {
    /// The document holding the profiles `ids` (every profile when empty), in the store's order;
    /// with `passphrase`, their secrets sealed with it.
    pub fn export(
        self,
        ids: &[String],
        passphrase: Option<&Sensitive<String>>,
        app_version: &str,
    ) -> Result<ExportOutcome> {
        let (profiles, servers) = {
            let store = self.ws.store();
            for id in ids {
                store.get_profile(id)?;
            }
            (store.list_profiles()?, store.list_servers()?)
        };
        let picked: Vec<_> = profiles
            .into_iter()
            .filter(|profile| ids.is_empty() || ids.contains(&profile.id))
            .collect();
        let mut sealed = SecretsByUri::new();
        let mut secrets_missing = Vec::new();
        if passphrase.is_some() {
            for profile in &picked {
                match self.ws.secrets.read(&profile.id)? {
                    Some(secret) => {
                        sealed.insert(profile.uri.clone(), secret);
                    }
                    None => secrets_missing.push(profile.name.clone()),
                }
            }
        }
        let entries = picked
            .iter()
            .map(|profile| {
                let server = profile.server_id.as_ref().and_then(|id| {
                    servers
                        .iter()
                        .find(|server| &server.id == id)
                        .map(|server| ServerRef {
                            name: server.name.clone(),
                            url: server.base_url.clone(),
                        })
                });
                ExportedProfile::new(&ProfileDraft::from_profile(profile.clone()), server)
            })
            .collect();
        let mut document = Document::new(app_version, now_millis(), entries);
        if let Some(passphrase) = passphrase {
            document.secrets = Some(secrets::seal(&sealed, passphrase)?);
        }
        Ok(ExportOutcome {
            text: document.to_text(),
            count: picked.len(),
            with_secrets: passphrase.is_some(),
            secrets_missing,
        })
    }

    /// Reads an export. A file with secrets needs `passphrase`; a wrong one is refused here,
    /// before anything is planned or written.
    pub fn read(self, text: &str, passphrase: Option<&Sensitive<String>>) -> Result<ImportFile> {
        let document = Document::parse(text)?;
        let mut opened = match (&document.secrets, passphrase) {
            (Some(armored), Some(passphrase)) => Some(secrets::open(armored, passphrase)?),
            (Some(armored), None) => Some(secrets::open(armored, &Sensitive::default())?),
            (None, _) => None,
        };
        let incoming = document
            .profiles
            .iter()
            .filter_map(|profile| {
                let draft = profile.draft().ok()?;
                let (template_issues, refused) = judge_templates(&draft.templates);
                let secret = opened
                    .as_mut()
                    .and_then(|sealed| sealed.remove(draft.uri.trim()));
                Some(Incoming {
                    verdict: TemplatesVerdict::reached(&draft.templates, refused),
                    template_issues,
                    server: profile.server.clone(),
                    secret,
                    draft,
                })
            })
            .collect();
        Ok(ImportFile {
            exported_at: document.exported_at,
            app_version: document.app.version,
            with_secrets: document.secrets.is_some(),
            incoming,
        })
    }

    /// What importing `file` would do now.
    pub fn preview(self, file: &ImportFile) -> Result<ImportPreview> {
        let (items, _) = self.plan(file, now_millis())?;
        Ok(file.preview(items))
    }

    /// Imports `file`: the added and updated rows in one transaction, then their secrets (a
    /// new profile's before its row, as a save does). Conflicts and refused profiles are left.
    pub fn apply(self, file: &ImportFile) -> Result<ImportReport> {
        let mut store = self.ws.store();
        let (items, writes) = plan_with(self.ws, &store, file, now_millis())?;
        let mut secrets_not_saved = Vec::new();
        let mut write_secret = |write: &PlannedWrite| {
            if let Some(secret) = &write.secret {
                if self.ws.secrets.write(&write.profile.id, secret).is_err() {
                    secrets_not_saved.push(write.profile.name.clone());
                }
            }
        };
        writes
            .iter()
            .filter(|write| write.is_new)
            .for_each(&mut write_secret);
        let rows: Vec<_> = writes
            .iter()
            .map(|write| (write.profile.clone(), write.verdict.clone()))
            .collect();
        store.import_profiles(&rows)?;
        writes
            .iter()
            .filter(|write| !write.is_new)
            .for_each(&mut write_secret);
        Ok(ImportReport {
            preview: file.preview(items),
            secrets_not_saved,
        })
    }

    fn plan(self, file: &ImportFile, now: i64) -> Result<(Vec<ImportItem>, Vec<PlannedWrite>)> {
        let store = self.ws.store();
        plan_with(self.ws, &store, file, now)
    }
}

fn plan_with(
    ws: &Workspace,
    store: &crate::store::Store,
    file: &ImportFile,
    now: i64,
) -> Result<(Vec<ImportItem>, Vec<PlannedWrite>)> {
    let profiles = store.list_profiles()?;
    let servers = store.list_servers()?;
    let secret_of = |id: &str| ws.secrets.read(id).ok().flatten();
    let local = Local {
        profiles: &profiles,
        servers: &servers,
        secret_of: &secret_of,
    };
    Ok(plan(&file.incoming, &local, now))
}

impl ImportFile {
    fn preview(&self, items: Vec<ImportItem>) -> ImportPreview {
        let mut missing_servers: Vec<ServerRef> = Vec::new();
        for item in items.iter().filter(|item| item.server_missing) {
            if let Some(server) = item
                .server
                .as_ref()
                .filter(|s| !missing_servers.contains(s))
            {
                missing_servers.push(server.clone());
            }
        }
        ImportPreview {
            exported_at: self.exported_at.clone(),
            app_version: self.app_version.clone(),
            with_secrets: self.with_secrets,
            items,
            missing_servers,
        }
    }

    /// The file holds sealed secrets.
    pub fn with_secrets(&self) -> bool {
        self.with_secrets
    }
}

#[cfg(test)]
#[path = "transfer_tests.rs"]
mod tests;
