//! `textgate-cli emulator`: the in-repo Webitel admin API emulator on loopback, for demos, the
//! app's end-to-end journey and CI pipelines that must not touch a real server. State lives in
//! memory and is gone when the process ends. With `--auto-reply` it also plays the agent:
//! every accepted inbound chat message is answered on the gateway's callback URL with the
//! signed agent text `Auto-reply: <its text>`, so a client integration can be tried end to end.
//! With `--fault KIND` every gateway request misbehaves that way (until `DELETE /emulator/fault`),
//! to see how a client copes with a broken server.

use textgate_core::emulator::{Emulator, FaultKind, FaultRule, TokenGrant, TwoFactorUser};
use textgate_core::generate::generate_secret;
use textgate_core::ErrorCode;
use tokio::net::TcpListener;

use crate::args::EmulatorLogins;
use crate::error::{CliError, CliResult};
use crate::output::Output;
use crate::secret_input::{warn_on_command_line, SecretSource};

/// Flow schemas every emulator starts with, so a gateway can be enabled at once.
const DEMO_SCHEMAS: &[(i64, &str, &str)] = &[
    (1, "Support bot", "chat"),
    (2, "Sales routing", "chat"),
    (3, "Default flow", "default"),
    (4, "IVR menu", "voice"),
];

/// The token from `--token-stdin` or `--token` (which warns), or `None` to generate one.
pub fn token(token: Option<String>, token_stdin: bool, out: &Output) -> CliResult<Option<String>> {
    if token_stdin {
        let token = SecretSource {
            what: "token",
            flag: "--token-stdin",
            example: "printf '%s' \"$TOKEN\" | textgate-cli emulator --port 0 --token-stdin",
        }
        .read_stdin()?;
        return Ok(Some(token.expose().clone()));
    }
    if token.is_some() {
        warn_on_command_line(out, "--token", "--token-stdin");
    }
    Ok(token)
}

pub async fn run(
    port: u16,
    token: Option<String>,
    auto_reply: bool,
    fault: Option<FaultKind>,
    logins: EmulatorLogins,
) -> CliResult {
    let generated = token.is_none();
    let token = token
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(generate_secret);
    let emulator = Emulator::new(token.clone());
    set_up_logins(&emulator, &logins)?;
    emulator.set_auto_reply(auto_reply);
    emulator.set_fault(fault.map(FaultRule::every));
    for (id, name, kind) in DEMO_SCHEMAS {
        emulator.add_schema(*id, name, kind);
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|error| {
            CliError::new(
                ErrorCode::Emulator,
                format!("Cannot listen on 127.0.0.1:{port}: {error}"),
            )
        })?;
    let address = listener
        .local_addr()
        .map_err(|error| CliError::new(ErrorCode::Emulator, error.to_string()))?;
    println!("Webitel emulator on http://{address} (admin API at /api)");
    if generated {
        // The token is the emulator's own, made up for this run: printing it is the point.
        println!("token: {token}");
    }
    if auto_reply {
        eprintln!(
            "auto-reply is on: accepted chat messages are answered with \"Auto-reply: <text>\" on the gateway's callback URL"
        );
    }
    if let Some(user) = &logins.totp_user {
        eprintln!(
            "two-factor login is on for {user}: its login asks for the code {}",
            logins.totp_code
        );
    }
    if let Some(fault) = fault {
        eprintln!(
            "fault {fault} is on: every gateway request (/api/chat/...) gets it until DELETE /emulator/fault"
        );
    }
    emulator
        .serve(listener)
        .await
        .map_err(|error| CliError::new(ErrorCode::Emulator, error.to_string()))
}

/// The two-factor user, the limited tokens and the token lifetime asked for.
fn set_up_logins(emulator: &Emulator, logins: &EmulatorLogins) -> CliResult {
    if let Some(seconds) = logins.token_ttl {
        let millis = i64::try_from(seconds.saturating_mul(1000)).unwrap_or(i64::MAX);
        emulator.set_token_expiry(textgate_core::clock::now_millis().saturating_add(millis));
    }
    if let Some(username) = &logins.totp_user {
        emulator.set_two_factor(Some(TwoFactorUser {
            username: username.clone(),
            code: logins.totp_code.trim().to_string(),
        }));
    }
    for grant in &logins.grant {
        let Some((token, access)) = grant.split_once('=') else {
            return Err(CliError::new(
                ErrorCode::Usage,
                "--grant takes TOKEN=ACCESS, e.g. --grant readonly=r",
            ));
        };
        if token.trim().is_empty() || !access.chars().all(|c| "xrwd".contains(c)) {
            return Err(CliError::new(
                ErrorCode::Usage,
                "--grant needs a token and access letters among x (create), r (read), w (update), d (delete)",
            ));
        }
        emulator.add_token(TokenGrant {
            token: token.trim().to_string(),
            access: access.to_string(),
            expires_at: None,
        });
    }
    Ok(())
}
