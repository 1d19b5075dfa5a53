//! `history replay ID` with edits (issue J): `--url`, `--body-file FILE|-`, `--header 'Name:
//! value'` (replacing a header of that name, or added) and `--unsigned` beside `--resign`.
//! Without any of them the plain replay in `history.rs` runs, exactly as before.

use textgate_core::harness::history::HistoryEntry;
use textgate_core::workspace::replay_edit::{ReplayEdits, ReplaySigning};
use textgate_core::ErrorCode;

use crate::args::ReplayArgs;
use crate::context::Context;
use crate::error::{CliError, CliResult};

/// Whether anything beyond `--resign` was asked.
pub fn edited(args: &ReplayArgs) -> bool {
    args.unsigned || args.url.is_some() || args.body_file.is_some() || !args.header.is_empty()
}

pub async fn run(
    ctx: &Context,
    args: ReplayArgs,
    summary: fn(&Context, i64, &HistoryEntry),
) -> CliResult {
    let harness = ctx.workspace.harness();
    let set = args
        .header
        .iter()
        .map(|line| header(line))
        .collect::<CliResult<Vec<_>>>()?;
    let headers = if set.is_empty() {
        None
    } else {
        let mut headers = harness.replay_draft(args.id)?.headers;
        for (name, value) in set {
            headers.retain(|(known, _)| !known.eq_ignore_ascii_case(&name));
            headers.push((name, value));
        }
        Some(headers)
    };
    let body = match &args.body_file {
        Some(path) => Some(super::send::read_body(path)?),
        None => None,
    };
    let signing = if args.resign {
        ReplaySigning::Resign
    } else if args.unsigned {
        ReplaySigning::Unsigned
    } else {
        ReplaySigning::Keep
    };
    let edits = ReplayEdits {
        url: args.url,
        headers,
        body,
    };
    let entry = harness.replay_edited(args.id, edits, signing).await?;
    summary(ctx, args.id, &entry);
    Ok(())
}

/// `Name: value`, as curl's `-H` takes it.
fn header(line: &str) -> CliResult<(String, String)> {
    let parsed = line.split_once(':').and_then(|(name, value)| {
        let name = name.trim();
        let valid = !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_graphic())
            && !value.chars().any(|c| c.is_control() && c != '\t');
        valid.then(|| (name.to_string(), value.trim().to_string()))
    });
    parsed.ok_or_else(|| {
        CliError::new(
            ErrorCode::Usage,
            format!("--header {line:?} is not a header: write it as 'Name: value'"),
        )
    })
}
