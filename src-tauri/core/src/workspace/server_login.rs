//! Getting and checking a server's token: by a pasted (personal access) token, a login, or the
//! second step of a two-factor login. Adding a server and logging in to one again both go
//! through here, and nothing is stored until the token is obtained and `GET /api/userinfo`
//! accepted it; what userinfo said (expiry, gateway access) is stored with the server. A
//! two-factor session id is a credential: it only travels back to the caller, never to a log.

use super::Servers;
use crate::clock::now_millis;
use crate::error::Result;
use crate::sensitive::Sensitive;
use crate::server::{token_account, ConnectOutcome, ServerAuth, TokenFacts};
use crate::webitel::client::{ClientConfig, WebitelClient};
use crate::webitel::client_error::Credential;
use crate::webitel::login::LoginOutcome;

/// A token checked against its server, with what the server said about it.
pub(super) struct CheckedToken {
    pub token: Sensitive<String>,
    pub username: Option<String>,
    pub facts: TokenFacts,
}

/// A token, or the server asking for a two-factor code.
pub(super) enum Obtained {
    Token(CheckedToken),
    CodeRequired(Sensitive<String>),
}

/// Runs `auth` against the server at `config` and checks the token it gives.
pub(super) async fn obtain(config: &ClientConfig, auth: ServerAuth) -> Result<Obtained> {
    let credential = match &auth {
        ServerAuth::Token { .. } => Credential::Token,
        ServerAuth::Login { .. } | ServerAuth::TwoFactor { .. } => Credential::Login,
    };
    let (token, username) = match auth {
        ServerAuth::Token { token } => (Sensitive::new(token.expose().trim().to_string()), None),
        ServerAuth::Login {
            username,
            password,
            domain,
        } => match WebitelClient::new(config, None)?
            .login(&username, &password, &domain)
            .await?
        {
            LoginOutcome::Token(token) => (token, Some(username)),
            LoginOutcome::CodeRequired(session) => return Ok(Obtained::CodeRequired(session)),
        },
        ServerAuth::TwoFactor {
            username,
            session,
            code,
        } => {
            let token = WebitelClient::new(config, None)?
                .login_two_factor(&session, &code)
                .await?;
            (token, Some(username))
        }
    };
    let info = WebitelClient::new(config, Some(token.clone()))?
        .signed_in_with(credential)
        .user_info()
        .await?;
    Ok(Obtained::Token(CheckedToken {
        token,
        username,
        facts: TokenFacts::from_user_info(&info),
    }))
}

impl Servers<'_> {
    /// Logs in to a stored server again (its token expired or was revoked): the new token
    /// replaces the old one only once the server accepted it. With two-factor on, the first
    /// call answers `CodeRequired` and the second brings the code (`ServerAuth::TwoFactor`).
    pub async fn reconnect(self, id_or_name: &str, auth: ServerAuth) -> Result<ConnectOutcome> {
        let server = self.ws.store().get_server(id_or_name)?;
        let config = ClientConfig {
            base_url: server.base_url.clone(),
            ca_pem: server.ca_pem.clone(),
            ..self.ws.client_defaults.clone()
        };
        let checked = match obtain(&config, auth).await? {
            Obtained::Token(checked) => checked,
            Obtained::CodeRequired(session) => return Ok(ConnectOutcome::CodeRequired { session }),
        };
        self.ws
            .secrets
            .write(&token_account(&server.id), &checked.token)?;
        self.ws.store().update_server_token(
            &server.id,
            &checked.facts,
            checked.username.as_deref(),
            now_millis(),
        )?;
        tracing::info!(target: "textgate::servers", server = %server.name, "logged in again");
        let server = self.ws.store().get_server(&server.id)?;
        Ok(ConnectOutcome::Connected {
            server: self.ws.server_view(&server),
        })
    }
}

#[cfg(test)]
#[path = "server_login_tests.rs"]
mod tests;
