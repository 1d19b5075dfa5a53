//! `server add|list|test|login|edit|remove`. Tokens and passwords come only from standard input (never
//! the command line, where other users could see them) and are never printed; a two-factor
//! code comes with `--totp` or is asked for at the terminal (`server_login`).

use textgate_core::server::{self as core_server, plain_http_warning, CaChange, ServerAuth};
use textgate_core::ErrorCode;

use crate::args::{CaFileArg, CredentialArgs, ServerAdd, ServerCommand, ServerEdit, ServerLogin};
use crate::context::Context;
use crate::error::{CliError, CliResult};
use crate::output::{yes_no, Table};
use crate::secret_input::SecretSource;

use super::server_login::{self, expiry_words, permission_words};

pub async fn run(ctx: &Context, command: ServerCommand) -> CliResult {
    match command {
        ServerCommand::Add(args) => add(ctx, args).await,
        ServerCommand::List => list(ctx),
        ServerCommand::Test { name } => test(ctx, &name).await,
        ServerCommand::Login(args) => login(ctx, args).await,
        ServerCommand::Edit(args) => edit(ctx, args).await,
        ServerCommand::Remove { name } => remove(ctx, &name),
    }
}

async fn add(ctx: &Context, args: ServerAdd) -> CliResult {
    // Before the token is first sent, as the callback warning comes with the callback.
    if let Some(warning) = plain_http_warning(&args.base_url) {
        ctx.out.warn(warning);
    }
    let (auth, totp) = read_auth(args.credentials)?;
    let ca_pem = read_ca_file(&args.ca)?;
    let server = server_login::connect(ctx, &args.name, &args.base_url, ca_pem, auth, totp).await?;
    let said = format!(
        "Added server \u{201c}{}\u{201d} ({}); its token is in the OS keychain",
        server.name, server.base_url
    );
    print_server(ctx, &server, said);
    Ok(())
}

/// A changed server: as JSON under `--json`, else the sentence that says what happened.
fn print_server(ctx: &Context, server: &core_server::ServerView, said: String) {
    if ctx.out.is_json() {
        ctx.out.json(server);
    } else {
        ctx.out.line(said);
    }
}

/// The PEM text of `--ca-file`, when given.
fn read_ca_file(arg: &CaFileArg) -> CliResult<Option<String>> {
    let Some(path) = &arg.ca_file else {
        return Ok(None);
    };
    std::fs::read_to_string(path).map(Some).map_err(|error| {
        CliError::new(
            ErrorCode::InvalidCertificate,
            format!("Cannot read {}: {error}", path.display()),
        )
    })
}

async fn edit(ctx: &Context, args: ServerEdit) -> CliResult {
    if let Some(warning) = args.base_url.as_deref().and_then(plain_http_warning) {
        ctx.out.warn(warning);
    }
    let token = if args.token_stdin {
        Some(
            SecretSource {
                what: "token",
                flag: "--token-stdin",
                example: "printf '%s' \"$TOKEN\" | textgate-cli server edit NAME --token-stdin",
            }
            .read_stdin()?,
        )
    } else {
        None
    };
    let ca = match read_ca_file(&args.ca)? {
        _ if args.no_ca => CaChange::Remove,
        Some(pem) => CaChange::Replace { pem },
        None => CaChange::Keep,
    };
    let edit = core_server::ServerEdit {
        name: args.new_name,
        base_url: args.base_url,
        token,
        ca,
    };
    let server = ctx.workspace.servers().edit(&args.name, edit).await?;
    let said = format!(
        "Saved server \u{201c}{}\u{201d} ({})",
        server.name, server.base_url
    );
    print_server(ctx, &server, said);
    Ok(())
}

/// The credentials from standard input (the --login password, or a token) and the --totp code.
fn read_auth(credentials: CredentialArgs) -> CliResult<(ServerAuth, Option<String>)> {
    let CredentialArgs {
        login,
        domain,
        totp,
        ..
    } = credentials;
    let auth = match login {
        Some(username) => ServerAuth::Login {
            username,
            password: SecretSource {
                what: "password",
                flag: "--password-stdin",
                example: "printf '%s' \"$PASSWORD\" | textgate-cli server add … --login USER --password-stdin",
            }
            .read_stdin()?,
            domain: domain.unwrap_or_default(),
        },
        None => ServerAuth::Token {
            token: SecretSource {
                what: "token",
                flag: "--token-stdin",
                example: "printf '%s' \"$TOKEN\" | textgate-cli server add … --token-stdin",
            }
            .read_stdin()?,
        },
    };
    Ok((auth, totp))
}

async fn login(ctx: &Context, args: ServerLogin) -> CliResult {
    let (auth, totp) = read_auth(args.credentials)?;
    let server = server_login::reconnect(ctx, &args.name, auth, totp).await?;
    let said = format!(
        "Logged in to \u{201c}{}\u{201d} again; its new token is in the OS keychain",
        server.name
    );
    print_server(ctx, &server, said);
    Ok(())
}

fn list(ctx: &Context) -> CliResult {
    let servers = ctx.workspace.servers().list()?;
    if ctx.out.is_json() {
        ctx.out.json(&servers);
        return Ok(());
    }
    if servers.is_empty() {
        ctx.out
            .line("No servers yet: add one with `textgate-cli server add`");
        return Ok(());
    }
    let now = textgate_core::clock::now_millis();
    let mut table = Table::new(&[
        "NAME",
        "BASE URL",
        "USER",
        "TOKEN",
        "EXPIRES",
        "GATEWAYS",
        "CUSTOM CA",
        "ID",
    ]);
    for server in servers {
        table.row(vec![
            server.name,
            server.base_url,
            server.username.unwrap_or_else(|| "-".into()),
            if server.has_token {
                "stored"
            } else {
                "missing"
            }
            .into(),
            expiry_words(server.token_expires_at, now),
            permission_words(server.permissions),
            yes_no(server.has_custom_ca),
            server.id,
        ]);
    }
    ctx.out.line(table.render());
    Ok(())
}

async fn test(ctx: &Context, name: &str) -> CliResult {
    let report = ctx.workspace.servers().test(name).await?;
    if ctx.out.is_json() {
        ctx.out.json(&report);
        return if report.ok {
            Ok(())
        } else {
            Err(CliError::reported())
        };
    }
    if report.ok {
        ctx.out.line(&report.message);
        let now = textgate_core::clock::now_millis();
        ctx.out.line(format!(
            "Token expires: {}; gateways: {}",
            expiry_words(report.token_expires_at, now),
            permission_words(report.permissions)
        ));
        Ok(())
    } else {
        Err(CliError::new(report.code, report.message))
    }
}

fn remove(ctx: &Context, name: &str) -> CliResult {
    let server = ctx.workspace.servers().find(name)?;
    ctx.workspace.servers().remove(&server.id)?;
    if ctx.out.is_json() {
        ctx.out
            .json(&serde_json::json!({ "removed": server.id, "name": server.name }));
    } else {
        ctx.out.line(format!(
            "Removed server \u{201c}{}\u{201d}; its profiles are local only now",
            server.name
        ));
    }
    Ok(())
}
