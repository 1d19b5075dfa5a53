//! `history list|show|replay|clear`: the harness's evidence from a terminal. Replays send the
//! stored bytes unchanged, as recorded or re-signed with the profile's current secret.

use textgate_core::harness::history::HistoryEntry;

use crate::args::{HistoryCommand, HistoryFilter};
use crate::context::Context;
use crate::error::CliResult;
use crate::output::{timestamp, Table};

pub async fn run(ctx: &Context, command: HistoryCommand) -> CliResult {
    match command {
        HistoryCommand::List(filter) => list(ctx, filter),
        HistoryCommand::Show { id, curl: true } => {
            let command = ctx.workspace.harness().history_curl(id)?;
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "curl": command }));
            }
            ctx.out.line(command);
            Ok(())
        }
        HistoryCommand::Show { id, curl: false } => show(ctx, id),
        HistoryCommand::Replay(args) if super::history_replay::edited(&args) => {
            super::history_replay::run(ctx, args, summary).await
        }
        HistoryCommand::Replay(args) => replay(ctx, args.id, args.resign).await,
        HistoryCommand::Export(args) => super::history_export::run(ctx, args),
        HistoryCommand::Clear { profile } => clear(ctx, profile.as_deref()),
    }
}

fn list(ctx: &Context, filter: HistoryFilter) -> CliResult {
    let query = super::history_query::query_of(ctx, filter.select, Some(filter.limit))?;
    let entries = ctx.workspace.harness().search_history(&query)?;
    if ctx.out.is_json() {
        ctx.out.json(&entries);
        return Ok(());
    }
    if entries.is_empty() {
        ctx.out.line("No requests in the history");
        return Ok(());
    }
    let mut table = Table::new(&[
        "ID",
        "TIME",
        "CHANNEL",
        "STATUS",
        "SIGNATURE",
        "CHAT",
        "TEXT",
    ]);
    for entry in &entries {
        table.row(vec![
            entry.id.to_string(),
            timestamp(Some(entry.time)),
            entry.channel.as_str().to_string(),
            status(entry),
            signature(entry),
            entry.chat_id.clone().unwrap_or_else(|| "-".into()),
            entry.text.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    ctx.out.line(table.render());
    Ok(())
}

fn show(ctx: &Context, id: i64) -> CliResult {
    let entry = ctx.workspace.harness().history_entry(id)?;
    if ctx.out.is_json() {
        ctx.out.json(&entry);
        return Ok(());
    }
    ctx.out.line(format!("{} {}", entry.method, entry.url));
    for (name, value) in &entry.request_headers {
        ctx.out.line(format!("{name}: {value}"));
    }
    ctx.out.line("");
    ctx.out.line(&entry.body);
    ctx.out.line("");
    ctx.out
        .line(format!("-> {} ({})", status(&entry), signature(&entry)));
    if !entry.response.is_empty() {
        ctx.out.line(entry.response.trim_end());
    }
    Ok(())
}

async fn replay(ctx: &Context, id: i64, resign: bool) -> CliResult {
    let entry = ctx.workspace.harness().replay(id, resign).await?;
    summary(ctx, id, &entry);
    Ok(())
}

/// `replayed 3 as 7: <url> -> 200 (sent correct)`, or the entry as JSON.
fn summary(ctx: &Context, id: i64, entry: &HistoryEntry) {
    if ctx.out.is_json() {
        ctx.out.json(entry);
        return;
    }
    ctx.out.line(format!(
        "replayed {id} as {}: {} -> {} ({})",
        entry.id,
        entry.url,
        status(entry),
        signature(entry)
    ));
}

fn clear(ctx: &Context, profile: Option<&str>) -> CliResult {
    let profile_id = super::history_query::profile_id(ctx, profile)?;
    let removed = ctx
        .workspace
        .harness()
        .clear_history(profile_id.as_deref())?;
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({ "removed": removed }));
    } else {
        ctx.out
            .line(format!("Removed {removed} requests from the history"));
    }
    Ok(())
}

fn status(entry: &HistoryEntry) -> String {
    match (entry.status, &entry.failure) {
        (Some(status), _) => status.to_string(),
        (None, Some(failure)) => format!("failed ({})", failure.kind.as_str()),
        (None, None) => "-".into(),
    }
}

/// How a sent request was signed, or what the receiver found.
fn signature(entry: &HistoryEntry) -> String {
    match (&entry.verdict, &entry.signing) {
        (Some(verdict), _) => verdict.label().to_string(),
        (None, Some(signing)) => format!("sent {}", signing.as_str()),
        (None, None) => "-".into(),
    }
}
