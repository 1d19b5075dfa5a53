//! `history export`: the history as `history list` filters it (all entries unless `--limit`)
//! written to a HAR 1.2 or JSONL file by core, which streams it and replaces the file whole.
//! Prints how many entries the file holds.

use textgate_core::harness::history_export::ExportFormat;

use crate::args::{ExportFormatArg, HistoryExportArgs};
use crate::context::Context;
use crate::error::CliResult;

pub fn run(ctx: &Context, args: HistoryExportArgs) -> CliResult {
    let format = match args.format {
        Some(ExportFormatArg::Har) => ExportFormat::Har,
        Some(ExportFormatArg::Jsonl) => ExportFormat::Jsonl,
        None if has_extension(&args.out, "jsonl") => ExportFormat::Jsonl,
        None => ExportFormat::Har,
    };
    let query = super::history_query::query_of(ctx, args.select, args.limit)?;
    let count = ctx
        .workspace
        .harness()
        .export_history(&query, format, &args.out)?;
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "exported": count,
            "path": args.out.display().to_string(),
        }));
    } else {
        let noun = if count == 1 { "entry" } else { "entries" };
        ctx.out
            .line(format!("Exported {count} {noun} to {}", args.out.display()));
    }
    Ok(())
}

fn has_extension(path: &std::path::Path, extension: &str) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case(extension))
}
