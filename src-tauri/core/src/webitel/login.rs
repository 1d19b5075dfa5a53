//! Getting a token by logging in, as Webitel's own login page does (web-client-auth
//! `src/api/auth/auth.ts`, `src/stores/tfa.ts`): `POST /api/login` answers the token, or, with
//! two-factor on, only `{"id": "<two-factor session>"}`; the session id and the one-time code
//! then go to `POST /api/login/2fa`, which answers the token. A 412 means the password must be
//! changed first (`app.password.expired`, `app.password.force_change`). The password, the
//! session id and the code are used once and never logged. The bodies' shapes are here too,
//! for the client and the emulator alike.

use reqwest::Method;
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::client::WebitelClient;
use super::client_error::{ClientError, Credential};
use crate::sensitive::Sensitive;

/// `POST /api/login` body. Never logged: no `Debug`.
#[derive(Clone, Serialize, Deserialize)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
    #[serde(default)]
    pub domain: String,
}

/// The password is wiped from memory once the request is sent (or, in the emulator, checked).
impl Drop for LoginRequest {
    fn drop(&mut self) {
        self.password.zeroize();
    }
}

/// `POST /api/login` (and `/api/login/2fa`) answer (other fields ignored). With two-factor on,
/// the login answers only `id`, the two-factor session, and no token. Never logged: no `Debug`.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct LoginResponse {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub access_token: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
}

impl Drop for LoginResponse {
    fn drop(&mut self) {
        self.access_token.zeroize();
        self.id.zeroize();
    }
}

/// `POST /api/login/2fa` body: the two-factor session from the login and the one-time code.
/// Never logged: no `Debug`.
#[derive(Clone, Serialize, Deserialize)]
pub struct TwoFactorRequest {
    pub id: String,
    pub totp: String,
}

impl Drop for TwoFactorRequest {
    fn drop(&mut self) {
        self.id.zeroize();
        self.totp.zeroize();
    }
}

/// What a login got.
#[derive(Debug)]
pub enum LoginOutcome {
    /// The access token.
    Token(Sensitive<String>),
    /// Two-factor is on: send this session id with the one-time code to `/api/login/2fa`.
    CodeRequired(Sensitive<String>),
}

impl WebitelClient {
    /// `POST /api/login`. The password is used once and dropped.
    pub async fn login(
        &self,
        username: &str,
        password: &Sensitive<String>,
        domain: &str,
    ) -> Result<LoginOutcome, ClientError> {
        let body = LoginRequest {
            username: username.to_string(),
            password: password.expose().clone(),
            domain: domain.to_string(),
        };
        let answer: LoginResponse = self
            .send(Method::POST, "login", &[], Some(&body))
            .await
            .map_err(|error| self.password_refusal(error))?;
        if !answer.access_token.is_empty() {
            return Ok(LoginOutcome::Token(Sensitive::new(
                answer.access_token.clone(),
            )));
        }
        if !answer.id.is_empty() {
            return Ok(LoginOutcome::CodeRequired(Sensitive::new(
                answer.id.clone(),
            )));
        }
        Err(self.not_webitel("the login answer has neither an access_token nor a two-factor id"))
    }

    /// `POST /api/login/2fa` with the session from [`login`](Self::login) and the one-time
    /// code; returns the access token. A refused code is [`ClientError::TwoFactorInvalid`].
    pub async fn login_two_factor(
        &self,
        session: &Sensitive<String>,
        code: &Sensitive<String>,
    ) -> Result<Sensitive<String>, ClientError> {
        let body = TwoFactorRequest {
            id: session.expose().clone(),
            totp: code.expose().trim().to_string(),
        };
        let answer: LoginResponse = self
            .send(Method::POST, "login/2fa", &[], Some(&body))
            .await
            .map_err(|error| match self.password_refusal(error) {
                ClientError::Unauthorized { .. } => self.code_refused(),
                ClientError::Api { status, .. } if (400..500).contains(&status) => {
                    self.code_refused()
                }
                other => other,
            })?;
        if answer.access_token.is_empty() {
            return Err(self.not_webitel("the two-factor answer has no access_token"));
        }
        Ok(Sensitive::new(answer.access_token.clone()))
    }

    fn code_refused(&self) -> ClientError {
        ClientError::TwoFactorInvalid {
            host: self.host.clone(),
        }
    }

    /// A 412 `app.password.expired` / `app.password.force_change` as its own error; a 401 names
    /// the password as what was refused.
    fn password_refusal(&self, error: ClientError) -> ClientError {
        match error {
            ClientError::Unauthorized {
                host,
                status,
                detail,
                ..
            } => ClientError::Unauthorized {
                host,
                status,
                detail,
                credential: Credential::Password,
            },
            ClientError::Api { status: 412, error } if error.id.contains("force_change") => {
                ClientError::PasswordChangeRequired {
                    host: self.host.clone(),
                }
            }
            ClientError::Api { status: 412, error } if error.id.contains("password") => {
                ClientError::PasswordExpired {
                    host: self.host.clone(),
                }
            }
            other => other,
        }
    }
}

#[cfg(test)]
#[path = "login_tests.rs"]
mod tests;
