//! `gateways list|pull`: the gateways as the server has them (never their secrets) beside the
//! local profiles — linked, not here, or gone from the server — and bringing them into local
//! profiles, all of them or the ones named by id.

use textgate_core::{ErrorCode, GatewayPull, PullOutcome, PullReport, ServerGateways};

use crate::args::{GatewaysCommand, GatewaysList};
use crate::context::Context;
use crate::error::{CliError, CliResult};
use crate::output::{timestamp, yes_no, Table};

pub async fn run(ctx: &Context, command: GatewaysCommand) -> CliResult {
    match command {
        GatewaysCommand::List(args) => list(ctx, args).await,
        GatewaysCommand::Pull { server, ids } if ids.is_empty() => pull(ctx, &server).await,
        GatewaysCommand::Pull { server, ids } => pull_picked(ctx, &server, &ids).await,
    }
}

async fn list(ctx: &Context, args: GatewaysList) -> CliResult {
    let mut view = ctx
        .workspace
        .servers()
        .gateways_on_server(&args.server.server, args.server.query.as_deref())
        .await?;
    let others = view.gateways.iter().filter(|g| !g.custom).count();
    if !args.all {
        view.gateways.retain(|gateway| gateway.custom);
    }
    if ctx.out.is_json() {
        ctx.out.json(&view);
        return Ok(());
    }
    if view.gateways.is_empty() {
        ctx.out.line("No custom gateways found");
    } else {
        ctx.out.line(table(&view, args.all).render());
    }
    ctx.out.line(summary(&view, others, args.all));
    if !view.missing.is_empty() {
        ctx.out
            .line("Gone from the server (linked here, no longer there: push again or delete):");
        for profile in &view.missing {
            ctx.out.line(format!(
                "  {} \u{201c}{}\u{201d} {} (was gateway {})",
                profile.profile_id, profile.name, profile.uri, profile.remote_id
            ));
        }
    }
    Ok(())
}

fn table(view: &ServerGateways, all: bool) -> Table {
    let mut headers = vec!["ID", "NAME", "URI"];
    if all {
        headers.push("PROVIDER");
    }
    headers.extend(["ENABLED", "FLOW", "UPDATED", "LOCAL"]);
    let mut table = Table::new(&headers);
    for gateway in &view.gateways {
        let mut row = vec![
            gateway.id.to_string(),
            gateway.name.clone(),
            gateway.uri.clone(),
        ];
        if all {
            row.push(gateway.provider.clone());
        }
        let local = match (&gateway.profile, gateway.custom) {
            (Some(profile), _) => format!("linked: {}", profile.name),
            (None, true) => "not here".into(),
            (None, false) => "read-only".into(),
        };
        row.extend([
            yes_no(gateway.enabled),
            gateway
                .flow
                .as_ref()
                .map_or_else(|| "-".into(), |flow| format!("{} ({})", flow.name, flow.id)),
            timestamp(gateway.updated_at),
            local,
        ]);
        table.row(row);
    }
    table
}

/// `5 custom gateways: 3 linked, 2 not here; 4 of other providers (--all lists them)`.
fn summary(view: &ServerGateways, others: usize, all: bool) -> String {
    let custom = view.gateways.iter().filter(|g| g.custom);
    let linked = custom.clone().filter(|g| g.profile.is_some()).count();
    let count = custom.count();
    let mut line = format!(
        "{count} custom gateways on \u{201c}{}\u{201d}: {linked} linked, {} not here",
        view.server_name,
        count - linked
    );
    if others > 0 {
        line.push_str(&format!(
            "; {others} of other providers{}",
            if all {
                " (read-only)"
            } else {
                " (--all lists them)"
            }
        ));
    }
    line
}

async fn pull(ctx: &Context, server: &str) -> CliResult {
    let server = ctx.workspace.servers().find(server)?;
    let report = ctx.workspace.sync().pull(&server.id).await?;
    if ctx.out.is_json() {
        ctx.out.json(&report);
        return Ok(());
    }
    ctx.out.line(pull_summary(&server.name, &report));
    let groups = [
        ("created", &report.created),
        ("updated", &report.updated),
        ("unchanged", &report.unchanged),
        (
            "conflicts (changed on both sides: resolve in the app)",
            &report.conflicts,
        ),
        ("missing (gone from the server)", &report.missing),
    ];
    for (label, names) in groups {
        if !names.is_empty() {
            ctx.out.line(format!("  {label}: {}", names.join(", ")));
        }
    }
    Ok(())
}

fn pull_summary(server: &str, report: &PullReport) -> String {
    format!(
        "Pulled from \u{201c}{server}\u{201d}: {} created, {} updated, {} unchanged, {} conflicts, {} missing",
        report.created.len(),
        report.updated.len(),
        report.unchanged.len(),
        report.conflicts.len(),
        report.missing.len()
    )
}

/// `--id`: one line per gateway, on stdout, or as an `error:` line on stderr for one that could
/// not be brought in (failed, gone, another provider's), which makes the exit status 1.
async fn pull_picked(ctx: &Context, server: &str, ids: &[i64]) -> CliResult {
    let server = ctx.workspace.servers().find(server)?;
    let results = ctx.workspace.sync().pull_gateways(&server.id, ids).await?;
    let mut failed = 0;
    for result in &results {
        let line = pull_line(result);
        let code = match (&result.error, result.outcome) {
            (Some(error), _) => error.code,
            (None, PullOutcome::Missing) => ErrorCode::RemoteGone,
            (None, PullOutcome::NotCustom) => ErrorCode::Invalid,
            (None, _) => {
                ctx.out.line(line);
                continue;
            }
        };
        failed += 1;
        ctx.out.error(&CliError::new(code, line));
    }
    if ctx.out.is_json() {
        ctx.out.json(&results);
    }
    match failed {
        0 => Ok(()),
        _ => Err(CliError::reported()),
    }
}

fn pull_line(result: &GatewayPull) -> String {
    let name = result
        .name
        .as_deref()
        .map(|name| format!(" \u{201c}{name}\u{201d}"))
        .unwrap_or_default();
    let what = match result.outcome {
        PullOutcome::Created => "created".to_string(),
        PullOutcome::Updated => "updated".into(),
        PullOutcome::Unchanged => "unchanged".into(),
        PullOutcome::Conflict => "conflict (changed on both sides: resolve in the app)".into(),
        PullOutcome::Missing => "missing (the server has no gateway with this id)".into(),
        PullOutcome::NotCustom => "not pulled (not a custom gateway)".into(),
        PullOutcome::Failed => format!(
            "failed: {}",
            result
                .error
                .as_ref()
                .map_or("unknown error", |error| error.message.as_str())
        ),
    };
    format!("{}{name}: {what}", result.remote_id)
}
