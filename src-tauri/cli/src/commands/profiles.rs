//! `profiles list|show`, and the dispatch of every `profiles` subcommand. Finding and printing
//! a profile live in `profile_show`, which the other profile commands use too; a command that
//! names one profile keeps its single-profile output, several go to `profile_bulk`.

use std::collections::HashMap;

use textgate_core::BulkAction;

use super::profile_show::{print_profile, resolve, sync_label};
use super::{
    profile_bulk, profile_conflict, profile_create, profile_pull, profile_secret, profile_select,
    profile_set, profile_sync, profile_transfer,
};
use crate::args::{ProfileFilter, ProfileSelection, ProfilesCommand};
use crate::context::Context;
use crate::error::CliResult;
use crate::output::{yes_no, Table};

pub async fn run(ctx: &Context, command: ProfilesCommand) -> CliResult {
    match command {
        ProfilesCommand::List(filter) => list(ctx, &filter),
        ProfilesCommand::Show {
            id_or_name,
            reveal_secret,
        } => show(ctx, &id_or_name, reveal_secret),
        ProfilesCommand::Create(args) => profile_create::create(ctx, args).await,
        ProfilesCommand::Set(args) => profile_set::set(ctx, args).await,
        ProfilesCommand::RotateSecret {
            id_or_name,
            push,
            reveal_secret,
            prove,
            url,
        } => {
            let proof = prove.then_some(url.as_deref());
            profile_secret::rotate(ctx, &id_or_name, push, reveal_secret, proof).await
        }
        ProfilesCommand::Duplicate { id_or_name, name } => {
            profile_create::duplicate(ctx, &id_or_name, name)
        }
        ProfilesCommand::Compare { id_or_name } => {
            profile_conflict::compare(ctx, &id_or_name).await
        }
        ProfilesCommand::Resolve {
            id_or_name,
            keep,
            take,
        } => match (keep, take.is_empty()) {
            (Some(keep), true) => profile_conflict::resolve_conflict(ctx, &id_or_name, keep).await,
            (keep, _) => profile_conflict::resolve_fields(ctx, &id_or_name, keep, &take).await,
        },
        ProfilesCommand::Push(selection) => match single(&selection) {
            Some(id_or_name) => profile_sync::push(ctx, id_or_name).await,
            None => profile_bulk::run(ctx, BulkAction::Push, selection).await,
        },
        ProfilesCommand::Pull { ids_or_names } => profile_pull::pull(ctx, &ids_or_names).await,
        ProfilesCommand::Enable(selection) => match single(&selection) {
            Some(id_or_name) => profile_sync::set_enabled(ctx, id_or_name, true).await,
            None => profile_bulk::run(ctx, BulkAction::Enable, selection).await,
        },
        ProfilesCommand::Disable(selection) => match single(&selection) {
            Some(id_or_name) => profile_sync::set_enabled(ctx, id_or_name, false).await,
            None => profile_bulk::run(ctx, BulkAction::Disable, selection).await,
        },
        ProfilesCommand::Delete { selection, remote } => match single(&selection) {
            Some(id_or_name) => profile_sync::delete(ctx, id_or_name, remote).await,
            None => profile_bulk::run(ctx, BulkAction::Delete { remote }, selection).await,
        },
        ProfilesCommand::Export(args) => profile_transfer::export(ctx, &args),
        ProfilesCommand::Import(args) => profile_transfer::import(ctx, &args),
    }
}

/// The one profile named, when the command names exactly one: it keeps the single-profile
/// output scripts were written against.
fn single(selection: &ProfileSelection) -> Option<&str> {
    match selection.ids_or_names.as_slice() {
        [only] => Some(only.as_str()),
        _ => None,
    }
}

fn list(ctx: &Context, filter: &ProfileFilter) -> CliResult {
    let profiles = profile_select::select(ctx, filter)?;
    if ctx.out.is_json() {
        ctx.out.json(&profiles);
        return Ok(());
    }
    if profiles.is_empty() {
        ctx.out.line(if filter.is_empty() {
            "No profiles yet: create one with `textgate-cli profiles create`"
        } else {
            "No profiles match"
        });
        return Ok(());
    }
    let servers: HashMap<String, String> = ctx
        .workspace
        .servers()
        .list()?
        .into_iter()
        .map(|server| (server.id, server.name))
        .collect();
    let mut table = Table::new(&["ID", "NAME", "URI", "ENABLED", "SERVER", "SYNC"]);
    for profile in profiles {
        let server = profile
            .server_id
            .as_ref()
            .map_or("-", |id| servers.get(id).map_or("?", String::as_str));
        table.row(vec![
            profile.id,
            profile.name,
            profile.uri,
            yes_no(profile.enabled),
            server.to_string(),
            sync_label(profile.sync_state).into(),
        ]);
    }
    ctx.out.line(table.render());
    Ok(())
}

fn show(ctx: &Context, id_or_name: &str, reveal_secret: bool) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    print_profile(ctx, &profile, reveal_secret);
    Ok(())
}
