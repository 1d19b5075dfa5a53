//! Server operations: add (with a pasted token or a login, see `server_login`), list, test,
//! remove, and the flow schema cache. Tokens go to the keychain; adding a server checks the
//! token first, so a typo is caught at once rather than at the first push.

use super::{Servers, Workspace};
use crate::clock::now_millis;
use crate::error::{CoreError, Result};
use crate::profile::FlowSchema;
use crate::server::{
    plain_http_warning, token_account, ConnectOutcome, ConnectionReport, ProfileCounts, Server,
    ServerAuth, ServerView, TokenFacts,
};
use crate::validation::check_name;
use crate::webitel::client::{parse_base_url, ClientConfig, WebitelClient};
use crate::webitel::client_error::{ClientError, Credential};

use super::server_login::{obtain, Obtained};

/// How `server`'s token was obtained: by a login when it has a user name, else pasted.
fn credential_of(server: &Server) -> Credential {
    if server.username.is_some() {
        Credential::Login
    } else {
        Credential::Token
    }
}

impl Workspace {
    /// A client for `server` with its token (or the override).
    pub(crate) fn client_for(&self, server: &Server) -> Result<WebitelClient> {
        let token = match &self.token_override {
            Some(token) => Some(token.clone()),
            None => self.secrets.read(&token_account(&server.id))?,
        };
        let Some(token) = token else {
            return Err(ClientError::Unauthorized {
                host: url::Url::parse(&server.base_url)
                    .ok()
                    .and_then(|url| url.host_str().map(str::to_string))
                    .unwrap_or_else(|| server.name.clone()),
                status: 401,
                detail: "no access token is stored".into(),
                credential: credential_of(server),
            }
            .into());
        };
        let config = ClientConfig {
            base_url: server.base_url.clone(),
            ca_pem: server.ca_pem.clone(),
            ..self.client_defaults.clone()
        };
        Ok(WebitelClient::new(&config, Some(token))?.signed_in_with(credential_of(server)))
    }

    pub(super) fn server_view(&self, server: &Server) -> ServerView {
        let has_token = self.token_override.is_some()
            || matches!(self.secrets.read(&token_account(&server.id)), Ok(Some(_)));
        // The counts only inform (the Remove question, the Edit form); a failed read says 0.
        let counts = self
            .store()
            .server_profile_counts(&server.id)
            .unwrap_or_else(|error| {
                tracing::warn!(target: "textgate::servers", code = %error.code(), "profile counts not read");
                ProfileCounts::default()
            });
        ServerView {
            id: server.id.clone(),
            name: server.name.clone(),
            base_url: server.base_url.clone(),
            has_custom_ca: server.ca_pem.is_some(),
            warning: plain_http_warning(&server.base_url),
            username: server.username.clone(),
            has_token,
            token_expires_at: server.token.expires_at,
            permissions: server.token.permissions,
            profiles: counts.profiles,
            pushed: counts.pushed,
        }
    }
}

impl Servers<'_> {
    pub fn list(self) -> Result<Vec<ServerView>> {
        let servers = self.ws.store().list_servers()?;
        Ok(servers
            .iter()
            .map(|server| self.ws.server_view(server))
            .collect())
    }

    /// [`connect`](Self::connect) for a caller that cannot ask for a two-factor code: a
    /// server that asks for one is `TwoFactorRequired`.
    pub async fn add(
        self,
        name: &str,
        base_url: &str,
        ca_pem: Option<String>,
        auth: ServerAuth,
    ) -> Result<ServerView> {
        match self.connect(name, base_url, ca_pem, auth).await? {
            ConnectOutcome::Connected { server } => Ok(server),
            ConnectOutcome::CodeRequired { .. } => Err(CoreError::TwoFactorRequired(name.into())),
        }
    }

    /// Checks the credentials against the server, then stores it (token in the keychain, what
    /// userinfo said about it in the store) and fills its flow-schema cache: a fresh server is
    /// only useful with its schemas. The server is added even when that refresh fails (it can
    /// be redone with "Refresh" or `schemas list`). With two-factor login on, the login answers
    /// `CodeRequired` and nothing is stored; the same call with `ServerAuth::TwoFactor` (the
    /// session and the code) completes it.
    pub async fn connect(
        self,
        name: &str,
        base_url: &str,
        ca_pem: Option<String>,
        auth: ServerAuth,
    ) -> Result<ConnectOutcome> {
        let name = check_name(name).map_err(|issue| {
            CoreError::Invalid(vec![crate::FieldIssue::error(
                crate::ProfileField::Name,
                issue,
            )])
        })?;
        if self.ws.store().find_server(&name)?.is_some() {
            return Err(CoreError::ServerExists(name));
        }
        let base = parse_base_url(base_url)?;
        let base_url = base.as_str().trim_end_matches('/').to_string();
        // Before any request: the same server twice would make every pulled gateway twice.
        self.refuse_duplicate_address(&base_url, None)?;
        let ca_pem = ca_pem.filter(|pem| !pem.trim().is_empty());
        let config = ClientConfig {
            base_url: base_url.clone(),
            ca_pem: ca_pem.clone(),
            ..self.ws.client_defaults.clone()
        };
        let checked = match obtain(&config, auth).await? {
            Obtained::Token(checked) => checked,
            Obtained::CodeRequired(session) => return Ok(ConnectOutcome::CodeRequired { session }),
        };
        let now = now_millis();
        let server = Server {
            id: uuid::Uuid::new_v4().to_string(),
            name,
            base_url,
            ca_pem,
            username: checked.username,
            created_at: now,
            updated_at: now,
            token: checked.facts,
        };
        self.ws
            .secrets
            .write(&token_account(&server.id), &checked.token)?;
        if let Err(error) = self.ws.store().insert_server(&server) {
            let _ = self.ws.secrets.remove(&token_account(&server.id));
            return Err(error);
        }
        if let Err(error) = self.refresh_flow_schemas(&server.id).await {
            tracing::warn!(
                target: "textgate::servers", server = %server.name, code = %error.code(),
                "flow schemas not loaded after adding the server"
            );
        }
        Ok(ConnectOutcome::Connected {
            server: self.ws.server_view(&server),
        })
    }

    /// Forgets a server: its token, its cached schemas; its profiles become local only.
    pub fn remove(self, id_or_name: &str) -> Result<()> {
        let server = self.ws.store().get_server(id_or_name)?;
        self.ws.secrets.remove(&token_account(&server.id))?;
        self.ws.store().delete_server(&server.id)
    }

    /// "Test connection": `GET /api/userinfo` with the stored token; what it says about the
    /// token (expiry, gateway access) is stored with the server.
    pub async fn test(self, id_or_name: &str) -> Result<ConnectionReport> {
        let server = self.ws.store().get_server(id_or_name)?;
        let client = self.ws.client_for(&server)?;
        Ok(match client.user_info().await {
            Ok(user) => {
                let facts = TokenFacts::from_user_info(&user);
                self.ws
                    .store()
                    .update_server_token(&server.id, &facts, None, now_millis())?;
                let who = if user.name.is_empty() {
                    user.username.clone()
                } else {
                    user.name.clone()
                };
                let domain = if user.domain.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", user.domain)
                };
                ConnectionReport {
                    ok: true,
                    code: crate::ErrorCode::Ok,
                    message: format!("Connected to {} as {who}{domain}", server.name),
                    user: Some(who),
                    token_expires_at: facts.expires_at,
                    permissions: facts.permissions,
                }
            }
            Err(error) => ConnectionReport {
                ok: false,
                code: error.code(),
                message: error.to_string(),
                user: None,
                token_expires_at: None,
                permissions: None,
            },
        })
    }

    /// Reloads the server's chat and default flow schemas into the local cache.
    pub async fn refresh_flow_schemas(self, id_or_name: &str) -> Result<Vec<FlowSchema>> {
        let server = self.ws.store().get_server(id_or_name)?;
        let schemas = self.search_flow_schemas(&server, None).await?;
        self.ws.store().replace_flow_schemas(&server.id, &schemas)?;
        Ok(schemas)
    }

    /// Schemas straight from the server, optionally filtered by `query`.
    pub async fn search_flow_schemas(
        self,
        server: &Server,
        query: Option<&str>,
    ) -> Result<Vec<FlowSchema>> {
        let wire = self.ws.client_for(server)?.list_schemas(query).await?;
        Ok(wire
            .into_iter()
            .filter_map(|schema| {
                Some(FlowSchema {
                    id: schema.id?,
                    name: schema.name,
                    kind: schema.kind,
                })
            })
            .collect())
    }

    pub fn find(self, id_or_name: &str) -> Result<Server> {
        self.ws.store().get_server(id_or_name)
    }
}

#[cfg(test)]
#[path = "servers_tests.rs"]
mod tests;
