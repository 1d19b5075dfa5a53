//! Which profiles a `profiles` command acts on: those `--match` and the filters pick (`list`,
//! and the bulk commands), or the ones named, each resolved before anything is done, so a
//! typo in the fifth name never leaves four profiles changed.

use textgate_core::{ProfileSummary, SearchPattern};

use super::profile_show::resolve;
use crate::args::{ProfileFilter, StateArg};
use crate::context::Context;
use crate::error::CliResult;

/// A profile to act on: its id, and its name for the result line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub name: String,
}

/// The local profiles every given filter lets through, in `profiles list` order.
pub fn select(ctx: &Context, filter: &ProfileFilter) -> CliResult<Vec<ProfileSummary>> {
    let pattern = SearchPattern::parse(filter.pattern.as_deref().unwrap_or_default());
    let server_id = match &filter.server {
        Some(name) => Some(ctx.workspace.servers().find(name)?.id),
        None => None,
    };
    let wanted_enabled = filter.state.map(|state| state == StateArg::Enabled);
    Ok(ctx
        .workspace
        .profiles()
        .matching(&pattern)?
        .into_iter()
        .filter(|profile| server_id.is_none() || profile.server_id == server_id)
        .filter(|profile| wanted_enabled.is_none_or(|enabled| profile.enabled == enabled))
        .filter(|profile| filter.sync.is_none_or(|sync| profile.sync_state == sync))
        .collect())
}

/// The profiles named (ids or exact names), each once; the first name that finds none, or
/// finds several, is the error.
pub fn named(ctx: &Context, ids_or_names: &[String]) -> CliResult<Vec<Target>> {
    let mut targets: Vec<Target> = Vec::new();
    for id_or_name in ids_or_names {
        let profile = resolve(ctx, id_or_name)?;
        if targets.iter().all(|target| target.id != profile.id) {
            targets.push(Target {
                id: profile.id,
                name: profile.name,
            });
        }
    }
    Ok(targets)
}

/// What [`select`] picked, as targets.
pub fn selected(ctx: &Context, filter: &ProfileFilter) -> CliResult<Vec<Target>> {
    Ok(select(ctx, filter)?
        .into_iter()
        .map(|profile| Target {
            id: profile.id,
            name: profile.name,
        })
        .collect())
}
