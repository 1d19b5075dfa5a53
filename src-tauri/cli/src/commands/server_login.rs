//! The two-factor step of `server add --login` and `server login`, and how the CLI words a token's expiry and
//! gateway access. When the server asks for a one-time code and `--totp` was not given, a
//! terminal is asked for it (read from the terminal itself: standard input already carried the
//! password); without a terminal the command fails with `two_factor_required`. The code is used
//! once and never printed.

use std::io::{BufRead, IsTerminal, Write};

use textgate_core::server::{ConnectOutcome, GatewayPermissions, ServerAuth, ServerView};
use textgate_core::{ErrorCode, Sensitive};

use crate::context::Context;
use crate::error::{CliError, CliResult};

/// Adds the server, completing a two-factor login with `totp` or a code typed at the terminal.
pub async fn connect(
    ctx: &Context,
    name: &str,
    base_url: &str,
    ca_pem: Option<String>,
    auth: ServerAuth,
    totp: Option<String>,
) -> CliResult<ServerView> {
    let username = match &auth {
        ServerAuth::Login { username, .. } => username.clone(),
        _ => String::new(),
    };
    let servers = ctx.workspace.servers();
    let session = match servers
        .connect(name, base_url, ca_pem.clone(), auth)
        .await?
    {
        ConnectOutcome::Connected { server } => return Ok(server),
        ConnectOutcome::CodeRequired { session } => session,
    };
    let code = match totp.filter(|code| !code.trim().is_empty()) {
        Some(code) => Sensitive::new(code),
        None => ask_for_code()?,
    };
    let auth = ServerAuth::TwoFactor {
        username,
        session,
        code,
    };
    match servers.connect(name, base_url, ca_pem, auth).await? {
        ConnectOutcome::Connected { server } => Ok(server),
        ConnectOutcome::CodeRequired { .. } => Err(code_required()),
    }
}

/// Logs in to a stored server again, with the same two-factor step as [`connect`].
pub async fn reconnect(
    ctx: &Context,
    name: &str,
    auth: ServerAuth,
    totp: Option<String>,
) -> CliResult<ServerView> {
    let username = match &auth {
        ServerAuth::Login { username, .. } => username.clone(),
        _ => String::new(),
    };
    let servers = ctx.workspace.servers();
    let session = match servers.reconnect(name, auth).await? {
        ConnectOutcome::Connected { server } => return Ok(server),
        ConnectOutcome::CodeRequired { session } => session,
    };
    let code = match totp.filter(|code| !code.trim().is_empty()) {
        Some(code) => Sensitive::new(code),
        None => ask_for_code()?,
    };
    let auth = ServerAuth::TwoFactor {
        username,
        session,
        code,
    };
    match servers.reconnect(name, auth).await? {
        ConnectOutcome::Connected { server } => Ok(server),
        ConnectOutcome::CodeRequired { .. } => Err(code_required()),
    }
}

fn code_required() -> CliError {
    CliError::new(
        ErrorCode::TwoFactorRequired,
        "the server asks for a two-factor code: pass --totp CODE",
    )
}

/// One line typed at the terminal after a prompt, when there is a terminal.
fn ask_for_code() -> CliResult<Sensitive<String>> {
    if !std::io::stderr().is_terminal() {
        return Err(code_required());
    }
    let Some((mut input, mut prompt)) = terminal() else {
        return Err(code_required());
    };
    let _ = write!(prompt, "Two-factor code: ").and_then(|()| prompt.flush());
    let mut line = String::new();
    input
        .read_line(&mut line)
        .map_err(|error| CliError::new(ErrorCode::Io, format!("Cannot read the code: {error}")))?;
    let code = line.trim().to_string();
    if code.is_empty() {
        return Err(code_required());
    }
    Ok(Sensitive::new(code))
}

#[cfg(unix)]
fn terminal() -> Option<(Box<dyn BufRead>, Box<dyn Write>)> {
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    let out = tty.try_clone().ok()?;
    Some((Box::new(std::io::BufReader::new(tty)), Box::new(out)))
}

#[cfg(not(unix))]
fn terminal() -> Option<(Box<dyn BufRead>, Box<dyn Write>)> {
    std::io::stdin().is_terminal().then(|| {
        (
            Box::new(std::io::BufReader::new(std::io::stdin())) as Box<dyn BufRead>,
            Box::new(std::io::stderr()) as Box<dyn Write>,
        )
    })
}

/// "in 5 days", "in 3 hours", "expired", or "-" when the server did not say.
pub fn expiry_words(expires_at: Option<i64>, now: i64) -> String {
    let Some(expires_at) = expires_at else {
        return "-".into();
    };
    let left = expires_at - now;
    if left <= 0 {
        return "expired".into();
    }
    const MINUTE: i64 = 60_000;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    // Rounded to the nearest unit: a token made for 30 days says "in 30 days" a moment later.
    let round = |unit: i64| (left + unit / 2) / unit;
    let (count, unit) = if left >= DAY - HOUR / 2 {
        (round(DAY), "day")
    } else if left >= HOUR - MINUTE / 2 {
        (round(HOUR), "hour")
    } else {
        (round(MINUTE).max(1), "minute")
    };
    let plural = if count == 1 { "" } else { "s" };
    format!("in {count} {unit}{plural}")
}

/// "create read update delete", "read", "none", or "-" when the server did not say.
pub fn permission_words(permissions: Option<GatewayPermissions>) -> String {
    let Some(p) = permissions else {
        return "-".into();
    };
    let words: Vec<&str> = [
        (p.create, "create"),
        (p.read, "read"),
        (p.update, "update"),
        (p.delete, "delete"),
    ]
    .iter()
    .filter(|(allowed, _)| *allowed)
    .map(|(_, word)| *word)
    .collect();
    if words.is_empty() {
        "none".into()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
#[path = "server_login_tests.rs"]
mod tests;
