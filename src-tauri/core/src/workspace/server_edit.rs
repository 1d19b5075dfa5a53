//! Editing a stored server in place: a new name, a new address (only while no profile was
//! pushed to the old one: its gateways live there), a new access token, a new or no private
//! CA. Removing and adding it again would make its profiles local only; an edit keeps them.
//! Everything is checked before anything is stored: the name and the address against the
//! other servers (one address is one server), and a new token, address or CA against the
//! server itself (`GET /api/userinfo`, as adding does), so a typo is caught now, not at the
//! next push.

use super::server_login::{obtain, Obtained};
use super::Servers;
use crate::clock::now_millis;
use crate::error::{CoreError, Result};
use crate::sensitive::Sensitive;
use crate::server::{
    address_key, token_account, CaChange, Server, ServerAuth, ServerEdit, ServerView, TokenFacts,
};
use crate::validation::check_name;
use crate::webitel::client::{parse_base_url, ClientConfig};

impl Servers<'_> {
    /// Refuses `base_url` when a server other than `except` already has that address.
    pub(super) fn refuse_duplicate_address(
        self,
        base_url: &str,
        except: Option<&str>,
    ) -> Result<()> {
        let Some(key) = address_key(base_url) else {
            return Ok(());
        };
        for other in self.ws.store().list_servers()? {
            let same = address_key(&other.base_url).as_deref() == Some(key.as_str());
            if same && Some(other.id.as_str()) != except {
                return Err(CoreError::DuplicateServer {
                    existing: other.name,
                    base_url: other.base_url,
                });
            }
        }
        Ok(())
    }

    /// Applies `edit` to the server, all of it or nothing. A new token, address or CA is
    /// checked against the server first (with the new token, else the stored one); what
    /// userinfo says about the token is stored with it. A new address reloads the flow
    /// schemas (failing quietly, as adding does).
    pub async fn edit(self, id_or_name: &str, edit: ServerEdit) -> Result<ServerView> {
        let old = self.ws.store().get_server(id_or_name)?;
        let mut server = old.clone();
        if let Some(name) = &edit.name {
            server.name = check_name(name).map_err(|issue| {
                CoreError::Invalid(vec![crate::FieldIssue::error(
                    crate::ProfileField::Name,
                    issue,
                )])
            })?;
            if let Some(other) = self.ws.store().find_server(&server.name)? {
                if other.id != server.id {
                    return Err(CoreError::ServerExists(server.name));
                }
            }
        }
        let address_changed = match &edit.base_url {
            Some(base_url) => self.new_address(&old, &mut server, base_url)?,
            None => false,
        };
        server.ca_pem = match edit.ca {
            CaChange::Keep => old.ca_pem.clone(),
            CaChange::Replace { pem } => Some(pem).filter(|pem| !pem.trim().is_empty()),
            CaChange::Remove => None,
        };
        let token = edit
            .token
            .map(|token| Sensitive::new(token.expose().trim().to_string()))
            .filter(|token| !token.expose().is_empty());
        if address_changed || server.ca_pem != old.ca_pem || token.is_some() {
            server.token = self.check(&server, token.clone()).await?;
        }
        server.updated_at = now_millis();
        self.store_edit(&server, address_changed, token)?;
        if address_changed {
            if let Err(error) = self.refresh_flow_schemas(&server.id).await {
                tracing::warn!(
                    target: "textgate::servers", server = %server.name, code = %error.code(),
                    "flow schemas not reloaded after the address changed"
                );
            }
        }
        tracing::info!(target: "textgate::servers", server = %server.name, "server edited");
        Ok(self.ws.server_view(&server))
    }

    /// Takes `base_url` as the server's new address; true when it is another address (not
    /// only another spelling of the same one), which only a server with nothing pushed may get.
    fn new_address(self, old: &Server, server: &mut Server, base_url: &str) -> Result<bool> {
        let base = parse_base_url(base_url)?;
        server.base_url = base.as_str().trim_end_matches('/').to_string();
        if address_key(&server.base_url) == address_key(&old.base_url) {
            return Ok(false);
        }
        let counts = self.ws.store().server_profile_counts(&old.id)?;
        if counts.pushed > 0 {
            return Err(CoreError::ServerUrlLocked {
                server: old.name.clone(),
                base_url: old.base_url.clone(),
                pushed: counts.pushed,
            });
        }
        self.refuse_duplicate_address(&server.base_url, Some(&old.id))?;
        Ok(true)
    }

    /// `GET /api/userinfo` at the server's (new) address with its (new) CA, with `token` or
    /// else the stored one: what it says about the token.
    async fn check(self, server: &Server, token: Option<Sensitive<String>>) -> Result<TokenFacts> {
        let Some(token) = token else {
            let info = self.ws.client_for(server)?.user_info().await?;
            return Ok(TokenFacts::from_user_info(&info));
        };
        let config = ClientConfig {
            base_url: server.base_url.clone(),
            ca_pem: server.ca_pem.clone(),
            ..self.ws.client_defaults.clone()
        };
        match obtain(&config, ServerAuth::Token { token }).await? {
            Obtained::Token(checked) => Ok(checked.facts),
            Obtained::CodeRequired(_) => Err(CoreError::TwoFactorRequired(server.name.clone())),
        }
    }

    /// Stores the edited server, and the new token in the keychain first; should the store
    /// refuse (a name or address taken meanwhile by another process), the old token goes back.
    fn store_edit(
        self,
        server: &Server,
        address_changed: bool,
        token: Option<Sensitive<String>>,
    ) -> Result<()> {
        let account = token_account(&server.id);
        let previous = match &token {
            Some(token) => {
                let previous = self.ws.secrets.read(&account)?;
                self.ws.secrets.write(&account, token)?;
                Some(previous)
            }
            None => None,
        };
        let stored = self.ws.store().update_server(server, address_changed);
        if let (Err(_), Some(previous)) = (&stored, previous) {
            let _ = match previous {
                Some(old) => self.ws.secrets.write(&account, &old),
                None => self.ws.secrets.remove(&account),
            };
        }
        stored
    }
}

#[cfg(test)]
#[path = "server_edit_tests.rs"]
mod tests;
