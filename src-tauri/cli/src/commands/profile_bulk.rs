//! `profiles push|enable|disable|delete` over several profiles: the named ones, or those
//! `--match` and the filters pick. More than one needs `--yes` (asked on a terminal, refused
//! otherwise, with nothing done); then core's bulk runner works through them and each result
//! is one line as it comes (`ok  NAME`, `failed  NAME: reason`, or a JSON object per line). One
//! failure never stops the others; the exit code is 1 when any failed.

use std::io::{BufRead, IsTerminal, Write};

use textgate_core::{BulkAction, BulkOutcome, ErrorCode};

use super::profile_select::{named, selected, Target};
use crate::args::ProfileSelection;
use crate::context::Context;
use crate::error::{CliError, CliResult};

pub async fn run(ctx: &Context, action: BulkAction, selection: ProfileSelection) -> CliResult {
    let targets = if selection.ids_or_names.is_empty() {
        selected(ctx, &selection.filter)?
    } else {
        named(ctx, &selection.ids_or_names)?
    };
    if targets.is_empty() {
        ctx.out.line("No profiles match");
        return Ok(());
    }
    if targets.len() > 1 && !selection.yes {
        confirm(action, targets.len())?;
    }
    let ids: Vec<String> = targets.iter().map(|target| target.id.clone()).collect();
    let outcomes = ctx
        .workspace
        .bulk()
        .run(action, &ids, |_, outcome| print_outcome(ctx, outcome))
        .await;
    summary(&targets, &outcomes)
}

/// One result line: text, or a JSON object on its own line.
fn print_outcome(ctx: &Context, outcome: &BulkOutcome) {
    if ctx.out.is_json() {
        let mut line = serde_json::json!({
            "id": outcome.profile_id,
            "name": outcome.name,
            "ok": outcome.is_done(),
        });
        if let (Some(error), Some(object)) = (&outcome.error, line.as_object_mut()) {
            object.insert("code".into(), serde_json::json!(error.code));
            object.insert("message".into(), serde_json::json!(error.message));
        }
        ctx.out.json_line(&line);
        return;
    }
    ctx.out.line(match &outcome.error {
        None => format!("ok  {}", outcome.name),
        Some(error) => format!("failed  {}: {}", outcome.name, error.message),
    });
}

/// Exit 0 when every profile is done; else one error line counting the failures (with the
/// first failure's code).
fn summary(targets: &[Target], outcomes: &[BulkOutcome]) -> CliResult {
    let failures: Vec<_> = outcomes.iter().filter_map(|o| o.error.as_ref()).collect();
    let Some(first) = failures.first() else {
        return Ok(());
    };
    let message = if targets.len() == 1 {
        "the profile failed (see above)".to_string()
    } else if failures.len() == targets.len() {
        format!("all {} profiles failed (see above)", targets.len())
    } else {
        format!(
            "{} of {} profiles failed (see above); the others are done",
            failures.len(),
            targets.len()
        )
    };
    Err(CliError::new(first.code, message))
}

/// Asks on a terminal; refuses when standard input is not one (a script must say `--yes`).
fn confirm(action: BulkAction, count: usize) -> CliResult {
    let question = match action {
        BulkAction::Enable => format!("Enable {count} profiles?"),
        BulkAction::Disable => format!("Disable {count} profiles?"),
        BulkAction::Push => format!("Push {count} profiles to their servers?"),
        BulkAction::Pull => format!("Pull {count} profiles from their servers?"),
        BulkAction::Delete { remote: false } => format!("Delete {count} profiles?"),
        BulkAction::Delete { remote: true } => {
            format!("Delete {count} profiles and their gateways on the servers?")
        }
    };
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(CliError::new(
            ErrorCode::Usage,
            format!(
                "{count} profiles selected and nothing done: add --yes to act on all of them \
                 (there is no prompt when standard input is not a terminal)"
            ),
        ));
    }
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{question} [y/N] ");
    let _ = stderr.flush();
    let mut answer = String::new();
    let _ = stdin.lock().read_line(&mut answer);
    if matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        return Ok(());
    }
    Err(CliError::new(
        ErrorCode::Usage,
        format!("Nothing done: {count} profiles were not confirmed"),
    ))
}
