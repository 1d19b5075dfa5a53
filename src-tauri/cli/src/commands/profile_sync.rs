//! `profiles push|enable|disable|delete`: the commands that reach a profile's server. Each
//! says what it did and where, so a script log shows which server was touched.

use textgate_core::PushAction;

use super::profile_show::{profile_json, resolve};
use crate::context::Context;
use crate::error::CliResult;

pub async fn push(ctx: &Context, id_or_name: &str) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    let action = ctx.workspace.sync().push(&profile.id, false).await?;
    let profile = ctx.workspace.profiles().get(&profile.id)?;
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "action": action,
            "profile": profile_json(&profile, false),
        }));
        return Ok(());
    }
    let server = profile.server_name.as_deref().unwrap_or("its server");
    let name = &profile.name;
    ctx.out.line(match action {
        PushAction::Created => format!(
            "Created \u{201c}{name}\u{201d} on {server} (gateway id {})",
            profile
                .remote_id
                .map_or_else(|| "?".into(), |id| id.to_string())
        ),
        PushAction::Updated => format!("Updated \u{201c}{name}\u{201d} on {server}"),
        PushAction::UpToDate => format!("\u{201c}{name}\u{201d} is up to date on {server}"),
    });
    Ok(())
}

pub async fn set_enabled(ctx: &Context, id_or_name: &str, enabled: bool) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    let profile = ctx
        .workspace
        .sync()
        .set_enabled(&profile.id, enabled)
        .await?;
    if ctx.out.is_json() {
        ctx.out.json(&profile_json(&profile, false));
        return Ok(());
    }
    let verb = if enabled { "Enabled" } else { "Disabled" };
    let place = match (&profile.server_name, profile.remote_id) {
        (Some(server), Some(_)) => format!("on {server}"),
        _ => "locally (not on a server yet)".into(),
    };
    ctx.out
        .line(format!("{verb} \u{201c}{}\u{201d} {place}", profile.name));
    Ok(())
}

pub async fn delete(ctx: &Context, id_or_name: &str, remote: bool) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    let on_server = profile.remote_id.and(profile.server_name.clone());
    if remote {
        ctx.workspace.sync().delete(&profile.id).await?;
    } else {
        ctx.workspace.profiles().delete(&profile.id)?;
    }
    let deleted_from = on_server.as_ref().filter(|_| remote);
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "deleted": profile.id,
            "name": profile.name,
            "server": deleted_from,
        }));
        return Ok(());
    }
    let name = &profile.name;
    ctx.out.line(match (deleted_from, &on_server) {
        (Some(server), _) => format!("Deleted \u{201c}{name}\u{201d} from {server} and locally"),
        (None, Some(server)) => format!(
            "Deleted \u{201c}{name}\u{201d} locally; the gateway stays on {server} (--remote deletes it there too)"
        ),
        (None, None) if remote => {
            format!("Deleted \u{201c}{name}\u{201d} locally (it was not on a server)")
        }
        (None, None) => format!("Deleted \u{201c}{name}\u{201d} locally"),
    });
    Ok(())
}
