//! `profiles create`: a new local profile from flags (and `profiles duplicate`, a new one
//! copied from another). The URI and secret are generated unless
//! given (the secret best on standard input, `--secret-stdin`); a `--flow` id gets its name from the flow-schema cache, refreshed from `--server`
//! when needed. A generated secret goes to the keychain and is never printed here.

use textgate_core::gateway_templates::TemplateKey;
use textgate_core::generate::{generate_secret, generate_uri};
use textgate_core::{ErrorCode, FlowRef, ProfileDraft, Sensitive, Templates};

use super::profile_show::{print_profile, resolve};
use crate::args::ProfileCreate;
use crate::context::Context;
use crate::error::{CliError, CliResult};
use crate::secret_input::{warn_on_command_line, SecretSource};

pub async fn create(ctx: &Context, args: ProfileCreate) -> CliResult {
    let server = match &args.server {
        Some(name) => Some(ctx.workspace.servers().find(name)?),
        None => None,
    };
    let flow = match args.flow {
        Some(id) => Some(flow_ref(ctx, id, server.as_ref().map(|s| s.name.as_str())).await?),
        None => None,
    };
    let templates = templates(&args.templates)?;
    let generated = args.secret.is_none() && !args.secret_stdin;
    let secret = if args.secret_stdin {
        SecretSource {
            what: "app secret",
            flag: "--secret-stdin",
            example: "printf '%s' \"$SECRET\" | textgate-cli profiles create … --secret-stdin",
        }
        .read_stdin()?
    } else if let Some(secret) = args.secret {
        warn_on_command_line(&ctx.out, "--secret", "--secret-stdin");
        Sensitive::new(secret)
    } else {
        Sensitive::new(generate_secret())
    };
    let draft = ProfileDraft {
        name: args.name,
        uri: args.uri.unwrap_or_else(generate_uri),
        callback: args.callback,
        secret,
        flow,
        templates,
        server_id: server.map(|server| server.id),
        notes: args.notes,
        ..ProfileDraft::default()
    };
    let outcome = ctx.workspace.profiles().save(draft)?;
    for warning in &outcome.warnings {
        ctx.out.warn(&warning.message);
    }
    let profile = outcome.profile;
    if !ctx.out.is_json() {
        ctx.out
            .line(format!("Created profile \u{201c}{}\u{201d}", profile.name));
    }
    print_profile(ctx, &profile, false);
    if generated {
        ctx.out.line(
            "secret generated and stored in the OS keychain; see `profiles show --reveal-secret`",
        );
    }
    Ok(())
}

/// The flow schema `id` with its name: from the cache, else from `server` after a refresh.
pub(super) async fn flow_ref(ctx: &Context, id: i64, server: Option<&str>) -> CliResult<FlowRef> {
    let cached = |ctx: &Context| -> CliResult<Option<FlowRef>> {
        let server_id = match server {
            Some(name) => Some(ctx.workspace.servers().find(name)?.id),
            None => None,
        };
        Ok(ctx
            .workspace
            .profiles()
            .flow_schemas(server_id.as_deref())?
            .into_iter()
            .find(|schema| schema.id == id)
            .map(|schema| FlowRef {
                id,
                name: schema.name,
            }))
    };
    if let Some(flow) = cached(ctx)? {
        return Ok(flow);
    }
    let Some(server) = server else {
        return Err(CliError::new(
            ErrorCode::FlowNotFound,
            format!("flow schema {id} is not in the local cache: add --server <name> to look it up there"),
        ));
    };
    ctx.workspace.servers().refresh_flow_schemas(server).await?;
    cached(ctx)?.ok_or_else(|| {
        CliError::new(
            ErrorCode::FlowNotFound,
            format!("flow schema {id} not found on {server}"),
        )
    })
}

/// `--template KEY=TEXT` pairs as the profile's templates.
fn templates(pairs: &[String]) -> CliResult<Templates> {
    let mut templates = Templates::default();
    apply_templates(pairs, &mut templates)?;
    Ok(templates)
}

/// `--template KEY=TEXT` pairs written over `templates` (the keys not given stay).
pub(super) fn apply_templates(pairs: &[String], templates: &mut Templates) -> CliResult {
    for pair in pairs {
        let key = pair
            .split_once('=')
            .and_then(|(key, text)| Some((TemplateKey::from_wire_name(key.trim())?, text)));
        let Some((key, text)) = key else {
            return Err(CliError::new(
                ErrorCode::Usage,
                format!(
                    "--template {pair}: expected KEY=TEXT with KEY one of title, close, join, left, file_policy_fail"
                ),
            ));
        };
        *key.text_mut(templates) = text.to_string();
    }
    Ok(())
}

/// `profiles duplicate`: the app's Duplicate (fresh URI and secret, stopped, not on the server
/// yet), under `name` when given.
pub fn duplicate(ctx: &Context, id_or_name: &str, name: Option<String>) -> CliResult {
    let original = resolve(ctx, id_or_name)?;
    let outcome = ctx
        .workspace
        .profiles()
        .duplicate_as(&original.id, name.as_deref())?;
    for warning in &outcome.warnings {
        ctx.out.warn(&warning.message);
    }
    let profile = outcome.profile;
    if !ctx.out.is_json() {
        ctx.out.line(format!(
            "Created profile \u{201c}{}\u{201d}, a copy of \u{201c}{}\u{201d}",
            profile.name, original.name
        ));
    }
    print_profile(ctx, &profile, false);
    Ok(())
}
