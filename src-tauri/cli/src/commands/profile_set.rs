//! `profiles set`: edit a profile in place. The draft is the stored profile with the flags
//! written over it, saved through the same `profiles().save` as the app's Save, so every
//! field rule, warning and error is the app's. What only the CLI can say clearly is checked
//! first: a URI that can no longer change, and a profile with no secret to keep.

use textgate_core::generate::generate_secret;
use textgate_core::sync_state::SyncState;
use textgate_core::{ErrorCode, ProfileDraft, ProfileView, Sensitive};

use super::profile_create::{apply_templates, flow_ref};
use super::profile_show::{print_profile, resolve};
use crate::args::ProfileSet;
use crate::context::Context;
use crate::error::{CliError, CliResult};
use crate::secret_input::SecretSource;

pub async fn set(ctx: &Context, args: ProfileSet) -> CliResult {
    let profile = resolve(ctx, &args.id_or_name)?;
    if let Some(uri) = args.uri.as_deref().filter(|uri| uri.trim() != profile.uri) {
        if !profile.uri_editable {
            return Err(uri_read_only(&profile, uri));
        }
    }
    let server = match &args.server {
        Some(name) => Some(ctx.workspace.servers().find(name)?),
        None => None,
    };
    let flow = match args.flow {
        Some(id) => {
            let server_name = server
                .as_ref()
                .map(|server| server.name.clone())
                .or_else(|| profile.server_name.clone());
            Some(flow_ref(ctx, id, server_name.as_deref()).await?)
        }
        None => profile.flow.clone(),
    };
    let secret = if args.secret_stdin {
        SecretSource {
            what: "app secret",
            flag: "--secret-stdin",
            example: "printf '%s' \"$SECRET\" | textgate-cli profiles set NAME --secret-stdin",
        }
        .read_stdin()?
    } else if args.generate_secret {
        Sensitive::new(generate_secret())
    } else {
        profile.secret.clone().ok_or_else(|| no_secret(&profile))?
    };
    let mut templates = profile.templates.clone();
    apply_templates(&args.templates, &mut templates)?;
    let draft = ProfileDraft {
        name: args.name.unwrap_or_else(|| profile.name.clone()),
        uri: args.uri.unwrap_or_else(|| profile.uri.clone()),
        callback: args.callback.unwrap_or_else(|| profile.callback.clone()),
        flow,
        templates,
        server_id: server.map_or_else(|| profile.server_id.clone(), |server| Some(server.id)),
        notes: args.notes.unwrap_or_else(|| profile.notes.clone()),
        ..draft_of(&profile, secret)
    };
    let outcome = ctx.workspace.profiles().save(draft)?;
    for warning in &outcome.warnings {
        ctx.out.warn(&warning.message);
    }
    let saved = outcome.profile;
    if !ctx.out.is_json() {
        ctx.out
            .line(format!("Saved profile \u{201c}{}\u{201d}", saved.name));
    }
    print_profile(ctx, &saved, false);
    if args.generate_secret {
        ctx.out.line(
            "new secret generated and stored in the OS keychain; see `profiles show --reveal-secret`",
        );
    }
    if saved.sync_state == SyncState::ChangedHere {
        ctx.out.line(format!(
            "changed here only: `textgate-cli profiles push {}` publishes it on {}",
            saved.id,
            saved.server_name.as_deref().unwrap_or("its server")
        ));
    }
    Ok(())
}

/// The stored profile as a draft that saves over it, with `secret`.
pub fn draft_of(profile: &ProfileView, secret: Sensitive<String>) -> ProfileDraft {
    ProfileDraft {
        id: Some(profile.id.clone()),
        name: profile.name.clone(),
        uri: profile.uri.clone(),
        callback: profile.callback.clone(),
        secret,
        flow: profile.flow.clone(),
        enabled: profile.enabled,
        templates: profile.templates.clone(),
        server_id: profile.server_id.clone(),
        notes: profile.notes.clone(),
    }
}

fn uri_read_only(profile: &ProfileView, wanted: &str) -> CliError {
    let server = profile.server_name.as_deref().unwrap_or("its server");
    CliError::new(
        ErrorCode::Invalid,
        format!(
            "--uri {}: \u{201c}{}\u{201d} is already on {server}, where its URI {} stays for good \
             (Webitel cannot move a gateway): `profiles duplicate` makes a copy with a new URI",
            textgate_core::error::shown(wanted.trim()),
            profile.name,
            profile.uri,
        ),
    )
}

fn no_secret(profile: &ProfileView) -> CliError {
    CliError::new(
        ErrorCode::NoSecret,
        format!(
            "\u{201c}{}\u{201d} has no app secret in the OS keychain to keep: add --secret-stdin \
             or --generate-secret",
            profile.name
        ),
    )
}
