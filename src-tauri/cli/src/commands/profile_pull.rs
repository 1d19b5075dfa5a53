//! `profiles pull NAME_OR_ID...`: re-reads pushed profiles from their server, each on its own
//! (one that fails says why and the rest go on), one result line each — on stdout, or as an
//! `error:` line on stderr for one that could not be refreshed (an error, or its gateway gone
//! from the server), which makes the exit status 1.

use serde::Serialize;
use textgate_core::{ErrorCode, RefreshOutcome};

use super::profile_show::resolve;
use crate::context::Context;
use crate::error::{CliError, CliResult};

/// One profile's result, as `--json` prints it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Refreshed {
    /// What was asked for.
    profile: String,
    id: Option<String>,
    name: Option<String>,
    outcome: Option<RefreshOutcome>,
    error: Option<Failure>,
}

#[derive(Serialize)]
struct Failure {
    code: Option<ErrorCode>,
    message: String,
}

pub async fn pull(ctx: &Context, ids_or_names: &[String]) -> CliResult {
    let mut results = Vec::with_capacity(ids_or_names.len());
    let mut failed = 0;
    for wanted in ids_or_names {
        let result = refresh_one(ctx, wanted).await;
        // A failure is its own error line on stderr; the others are results on stdout.
        match failure(&result) {
            Some(error) => {
                failed += 1;
                ctx.out.error(&error);
            }
            None => ctx.out.line(line(&result)),
        }
        results.push(result);
    }
    if ctx.out.is_json() {
        ctx.out.json(&results);
    }
    match failed {
        0 => Ok(()),
        _ => Err(CliError::reported()),
    }
}

async fn refresh_one(ctx: &Context, wanted: &str) -> Refreshed {
    let mut result = Refreshed {
        profile: wanted.to_string(),
        id: None,
        name: None,
        outcome: None,
        error: None,
    };
    let profile = match resolve(ctx, wanted) {
        Ok(profile) => profile,
        Err(error) => return result.failed(error),
    };
    result.id = Some(profile.id.clone());
    result.name = Some(profile.name.clone());
    match ctx.workspace.sync().refresh(&profile.id).await {
        Ok(outcome) => {
            result.outcome = Some(outcome);
            if outcome == RefreshOutcome::Updated {
                // The server's name, when it renamed the gateway.
                result.name = ctx
                    .workspace
                    .profiles()
                    .get(&profile.id)
                    .map(|view| view.name)
                    .ok()
                    .or(result.name);
            }
            result
        }
        Err(error) => result.failed(error.into()),
    }
}

impl Refreshed {
    fn failed(mut self, error: CliError) -> Self {
        self.error = Some(Failure {
            code: error.code,
            message: error.message,
        });
        self
    }
}

/// The error line of a profile that could not be refreshed (an error, or its gateway gone).
fn failure(result: &Refreshed) -> Option<CliError> {
    let who = who(result);
    match (&result.error, result.outcome) {
        (Some(error), _) => Some(CliError::new(
            error.code.unwrap_or(ErrorCode::Internal),
            format!("\u{201c}{who}\u{201d}: {}", error.message),
        )),
        (None, Some(RefreshOutcome::Missing)) => Some(CliError::new(
            ErrorCode::RemoteGone,
            format!("\u{201c}{who}\u{201d}: missing (its gateway is gone from the server)"),
        )),
        _ => None,
    }
}

/// The profile's name, or what was asked for (shortened) when it was not found.
fn who(result: &Refreshed) -> String {
    match &result.name {
        Some(name) => name.clone(),
        None => textgate_core::error_text::shown(&result.profile).into_owned(),
    }
}

fn line(result: &Refreshed) -> String {
    let what = match result.outcome {
        Some(RefreshOutcome::Updated) => "updated from the server",
        Some(RefreshOutcome::Conflict) => "conflict (changed on both sides: resolve in the app)",
        _ => "unchanged",
    };
    format!("\u{201c}{}\u{201d}: {what}", who(result))
}
