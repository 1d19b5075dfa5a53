//! `profiles rotate-secret`: a new generated app secret, saved like any edit (so a pushed
//! gateway is marked changed here) and, with `--push`, sent to the server at once (a profile
//! with no server is refused before its secret changes). The secret
//! is printed only with `--reveal-secret`; it never reaches argv, logs or errors.

use textgate_core::generate::generate_secret;
use textgate_core::{PushAction, Sensitive};

use super::profile_set::draft_of;
use super::profile_show::{profile_json, resolve};
use crate::context::Context;
use crate::error::{CliError, CliResult};

pub async fn rotate(ctx: &Context, id_or_name: &str, push: bool, reveal_secret: bool) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    if push && profile.server_id.is_none() {
        // Nothing to push to: refused before the secret changes.
        return Err(textgate_core::CoreError::NoServer(profile.name).into());
    }
    let draft = draft_of(&profile, Sensitive::new(generate_secret()));
    let outcome = ctx.workspace.profiles().save(draft)?;
    for warning in &outcome.warnings {
        ctx.out.warn(&warning.message);
    }
    let action = if push {
        Some(
            ctx.workspace
                .sync()
                .push(&profile.id, false)
                .await
                .map_err(|error| {
                    let mut error = CliError::from(error);
                    error.message = format!(
                        "The new secret is stored in the OS keychain, but the push failed \
                         (the server keeps the old one): {}",
                        error.message
                    );
                    error
                })?,
        )
    } else {
        None
    };
    let profile = ctx.workspace.profiles().get(&profile.id)?;
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "profile": profile_json(&profile, reveal_secret),
            "action": action,
        }));
        return Ok(());
    }
    let name = &profile.name;
    ctx.out.line(format!(
        "New app secret for \u{201c}{name}\u{201d} stored in the OS keychain"
    ));
    let server = profile.server_name.as_deref().unwrap_or("its server");
    match action {
        Some(PushAction::Created) => ctx.out.line(format!("Created it on {server}")),
        Some(_) => ctx.out.line(format!("Pushed it to {server}")),
        None if profile.remote_id.is_some() => ctx.out.line(format!(
            "{server} still has the old secret until you push: `textgate-cli profiles push {}`",
            profile.id
        )),
        None => {}
    }
    if reveal_secret {
        if let Some(secret) = profile.exposed_secret() {
            ctx.out.line(format!("Secret: {secret}"));
        }
    }
    Ok(())
}
