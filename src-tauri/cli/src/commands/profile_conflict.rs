//! `profiles compare|resolve`: the conflict view of the app on the command line. `compare`
//! fetches the server's version and shows both side by side (the secrets only as "differ");
//! `resolve --keep local|server` ends the conflict the way the app's two buttons do.

use textgate_core::sync_state::SyncContent;
use textgate_core::KeepVersion;

use super::profile_show::{print_profile, resolve};
use crate::args::KeepArg;
use crate::context::Context;
use crate::error::CliResult;
use crate::output::{yes_no, Table};

pub async fn compare(ctx: &Context, id_or_name: &str) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    let view = ctx
        .workspace
        .sync()
        .compare_with_server(&profile.id)
        .await?;
    if ctx.out.is_json() {
        ctx.out.json(&view);
        return Ok(());
    }
    let server = profile.server_name.as_deref().unwrap_or("server");
    let local = fields(&view.local);
    let remote = fields(&view.remote);
    let mut table = Table::new(&["", "FIELD", "THIS COMPUTER", "SERVER"]);
    for ((label, mine), (_, theirs)) in local.into_iter().zip(remote) {
        let mark = if mine == theirs { "" } else { "*" };
        table.row(vec![mark.into(), label.into(), mine, theirs]);
    }
    table.row(vec![
        if view.secrets_differ { "*" } else { "" }.into(),
        "secret".into(),
        if view.secrets_differ {
            "differs"
        } else {
            "same"
        }
        .into(),
        format!("(on {server})"),
    ]);
    ctx.out.line(table.render());
    ctx.out.line(format!(
        "* differs; keep one with `textgate-cli profiles resolve {} --keep local|server`",
        profile.id
    ));
    Ok(())
}

pub async fn resolve_conflict(ctx: &Context, id_or_name: &str, keep: KeepArg) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    let keep = match keep {
        KeepArg::Local => KeepVersion::Local,
        KeepArg::Server => KeepVersion::Remote,
    };
    let resolved = ctx
        .workspace
        .sync()
        .resolve_conflict(&profile.id, keep)
        .await?;
    if !ctx.out.is_json() {
        let server = resolved.server_name.as_deref().unwrap_or("its server");
        ctx.out.line(match keep {
            KeepVersion::Local => format!(
                "Kept this computer's \u{201c}{}\u{201d}: pushed over the version on {server}",
                resolved.name
            ),
            KeepVersion::Remote => format!(
                "Kept the version of \u{201c}{}\u{201d} on {server}",
                resolved.name
            ),
        });
    }
    print_profile(ctx, &resolved, false);
    Ok(())
}

/// The synced fields, labelled, as one line each.
fn fields(content: &SyncContent) -> Vec<(&'static str, String)> {
    let templates = &content.templates;
    vec![
        ("name", content.name.clone()),
        ("uri", content.uri.clone()),
        ("callback", content.callback.clone()),
        (
            "flow",
            content
                .flow
                .as_ref()
                .map_or_else(|| "-".into(), |flow| format!("{} ({})", flow.name, flow.id)),
        ),
        ("enabled", yes_no(content.enabled)),
        ("title", templates.title.clone()),
        ("close", templates.close.clone()),
        ("join", templates.join.clone()),
        ("left", templates.left.clone()),
        ("file_policy_fail", templates.file_policy_fail.clone()),
    ]
}
