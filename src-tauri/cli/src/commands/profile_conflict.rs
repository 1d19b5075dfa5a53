//! `profiles compare|resolve`: the conflict view of the app on the command line. `compare`
//! fetches the server's version and shows both side by side (the secrets only as "differ");
//! `resolve --keep local|server` ends the conflict as a whole, `resolve --take FIELD=local|server`
//! field by field as the app's dialog does.

use textgate_core::sync_state::SyncContent;
use textgate_core::{FieldChoice, KeepVersion};

use super::profile_show::{print_profile, resolve};
use crate::args::{field_name, KeepArg};
use crate::context::Context;
use crate::error::CliResult;
use crate::output::{timestamp, yes_no, Table};

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
    ctx.out.line(
        "  or choose per field with `--take FIELD=local|server` (repeatable), e.g. `--take enabled=server`",
    );
    if view.remote_updated_by.is_some() || view.remote_updated_at.is_some() {
        ctx.out.line(format!(
            "Last changed on {server}: {} by {}",
            timestamp(view.remote_updated_at),
            view.remote_updated_by
                .as_deref()
                .unwrap_or("someone (the server does not say)")
        ));
    }
    Ok(())
}

fn keep_version(keep: KeepArg) -> KeepVersion {
    match keep {
        KeepArg::Local => KeepVersion::Local,
        KeepArg::Server => KeepVersion::Remote,
    }
}

pub async fn resolve_fields(
    ctx: &Context,
    id_or_name: &str,
    rest: Option<KeepArg>,
    choices: &[FieldChoice],
) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    let rest = rest.map(keep_version);
    let resolved = ctx
        .workspace
        .sync()
        .resolve_fields(&profile.id, choices, rest)
        .await?;
    if !ctx.out.is_json() {
        let server = resolved.server_name.as_deref().unwrap_or("its server");
        let named = |keep: KeepVersion| {
            let names: Vec<&str> = choices
                .iter()
                .filter(|choice| choice.keep == keep)
                .map(|choice| field_name(choice.field))
                .collect();
            match (names.is_empty(), rest == Some(keep)) {
                (true, true) => "every other field".to_string(),
                (true, false) => "-".to_string(),
                (false, true) => format!("{} and every other field", names.join(", ")),
                (false, false) => names.join(", "),
            }
        };
        ctx.out.line(format!(
            "Resolved \u{201c}{}\u{201d} field by field on {server}: kept here: {}; taken from the server: {}",
            resolved.name,
            named(KeepVersion::Local),
            named(KeepVersion::Remote)
        ));
    }
    print_profile(ctx, &resolved, false);
    Ok(())
}

pub async fn resolve_conflict(ctx: &Context, id_or_name: &str, keep: KeepArg) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    let keep = keep_version(keep);
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
