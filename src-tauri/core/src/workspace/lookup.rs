//! Finding a profile the way a person names it: by id, or by its exact name ignoring case.
//! The CLI takes either; a name that several profiles share is refused with their ids, so a
//! script never acts on the wrong gateway.

use super::Profiles;
use crate::error::{CoreError, Result};
use crate::profile_views::ProfileView;

impl Profiles<'_> {
    /// The profile whose id is `id_or_name`, else the one whose name equals it ignoring case.
    /// No match is [`CoreError::NotFound`]; several are [`CoreError::Ambiguous`].
    pub fn resolve(self, id_or_name: &str) -> Result<ProfileView> {
        let wanted = id_or_name.trim();
        // Bound first: a guard in the `if let` would still be held inside `view`, which locks
        // the store again for the server name.
        let by_id = self.ws.store().find_profile(wanted)?;
        if let Some(profile) = by_id {
            return Ok(self.ws.view(profile));
        }
        let lowered = wanted.to_lowercase();
        let mut matches: Vec<_> = self
            .ws
            .store()
            .list_profiles()?
            .into_iter()
            .filter(|profile| profile.name.to_lowercase() == lowered)
            .collect();
        match matches.len() {
            0 => Err(CoreError::NotFound(wanted.to_string())),
            1 => Ok(self.ws.view(matches.remove(0))),
            count => {
                let ids: Vec<_> = matches.iter().map(|profile| profile.id.as_str()).collect();
                Err(CoreError::Ambiguous(format!(
                    "{count} profiles are named \u{201c}{wanted}\u{201d}: use one of their ids ({})",
                    ids.join(", ")
                )))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::generate::{generate_secret, generate_uri};
    use crate::profile::ProfileDraft;
    use crate::secrets::MemorySecretStore;
    use crate::sensitive::Sensitive;
    use crate::store::Store;
    use crate::workspace::Workspace;

    fn workspace() -> Workspace {
        Workspace::new(
            Store::in_memory().unwrap(),
            Arc::new(MemorySecretStore::new()),
        )
    }

    fn save(workspace: &Workspace, name: &str) -> ProfileView {
        let draft = ProfileDraft {
            name: name.into(),
            uri: generate_uri(),
            callback: "https://bot.example.com/hook".into(),
            secret: Sensitive::new(generate_secret()),
            ..ProfileDraft::default()
        };
        workspace.profiles().save(draft).unwrap().profile
    }

    #[test]
    fn finds_by_id_and_by_name_ignoring_case() {
        let workspace = workspace();
        let saved = save(&workspace, "Support Bot");
        assert_eq!(
            workspace.profiles().resolve(&saved.id).unwrap().id,
            saved.id
        );
        assert_eq!(
            workspace.profiles().resolve(" support bot ").unwrap().id,
            saved.id
        );
        assert!(matches!(
            workspace.profiles().resolve("Support"),
            Err(CoreError::NotFound(_))
        ));
    }

    #[test]
    fn finds_a_profile_that_belongs_to_a_server() {
        // Its view looks the server up: the store must not still be locked by the lookup.
        let workspace = workspace();
        let server = crate::server::Server {
            id: "server-1".into(),
            name: "prod".into(),
            base_url: "https://cloud.example.com".into(),
            ca_pem: None,
            username: None,
            created_at: 1,
            updated_at: 1,
        };
        workspace.store().insert_server(&server).unwrap();
        let draft = ProfileDraft {
            name: "On server".into(),
            uri: generate_uri(),
            callback: "https://bot.example.com/hook".into(),
            secret: Sensitive::new(generate_secret()),
            server_id: Some(server.id.clone()),
            ..ProfileDraft::default()
        };
        let saved = workspace.profiles().save(draft).unwrap().profile;
        let found = workspace.profiles().resolve(&saved.id).unwrap();
        assert_eq!(found.server_name.as_deref(), Some("prod"));
        let by_name = workspace.profiles().resolve("on server").unwrap();
        assert_eq!(by_name.id, saved.id);
    }

    #[test]
    fn a_shared_name_is_ambiguous_and_lists_the_ids() {
        let workspace = workspace();
        let first = save(&workspace, "Sales");
        let second = save(&workspace, "sales");
        let error = workspace.profiles().resolve("SALES").unwrap_err();
        assert_eq!(error.code(), "ambiguous");
        let message = error.to_string();
        assert!(
            message.contains(&first.id) && message.contains(&second.id),
            "{message}"
        );
    }
}
