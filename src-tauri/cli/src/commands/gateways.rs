//! `gateways list|pull`: the custom gateways as the server has them (never their secrets), and
//! bringing them into local profiles.

use textgate_core::PullReport;

use crate::args::{GatewaysCommand, ServerQuery};
use crate::context::Context;
use crate::error::CliResult;
use crate::output::{timestamp, yes_no, Table};

pub async fn run(ctx: &Context, command: GatewaysCommand) -> CliResult {
    match command {
        GatewaysCommand::List(args) => list(ctx, args).await,
        GatewaysCommand::Pull { server } => pull(ctx, &server).await,
    }
}

async fn list(ctx: &Context, args: ServerQuery) -> CliResult {
    let gateways = ctx
        .workspace
        .servers()
        .list_remote_gateways(&args.server, args.query.as_deref())
        .await?;
    if ctx.out.is_json() {
        ctx.out.json(&gateways);
        return Ok(());
    }
    if gateways.is_empty() {
        ctx.out.line("No custom gateways found");
        return Ok(());
    }
    let mut table = Table::new(&["ID", "NAME", "URI", "ENABLED", "FLOW", "UPDATED", "LOCAL"]);
    for gateway in gateways {
        table.row(vec![
            gateway.id.to_string(),
            gateway.name,
            gateway.uri,
            yes_no(gateway.enabled),
            gateway
                .flow
                .map_or_else(|| "-".into(), |flow| format!("{} ({})", flow.name, flow.id)),
            timestamp(gateway.updated_at),
            yes_no(gateway.profile_id.is_some()),
        ]);
    }
    ctx.out.line(table.render());
    Ok(())
}

async fn pull(ctx: &Context, server: &str) -> CliResult {
    let server = ctx.workspace.servers().find(server)?;
    let report = ctx.workspace.sync().pull(&server.id).await?;
    if ctx.out.is_json() {
        ctx.out.json(&report);
        return Ok(());
    }
    ctx.out.line(summary(&server.name, &report));
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

fn summary(server: &str, report: &PullReport) -> String {
    format!(
        "Pulled from \u{201c}{server}\u{201d}: {} created, {} updated, {} unchanged, {} conflicts, {} missing",
        report.created.len(),
        report.updated.len(),
        report.unchanged.len(),
        report.conflicts.len(),
        report.missing.len()
    )
}
