//! `profiles list|show`, and the dispatch of every `profiles` subcommand. Finding and printing
//! a profile live in `profile_show`, which the other profile commands use too.

use std::collections::HashMap;

use super::profile_show::{print_profile, resolve, sync_label};
use super::{profile_create, profile_pull, profile_sync};
use crate::args::ProfilesCommand;
use crate::context::Context;
use crate::error::CliResult;
use crate::output::{yes_no, Table};

pub async fn run(ctx: &Context, command: ProfilesCommand) -> CliResult {
    match command {
        ProfilesCommand::List => list(ctx),
        ProfilesCommand::Show {
            id_or_name,
            reveal_secret,
        } => show(ctx, &id_or_name, reveal_secret),
        ProfilesCommand::Create(args) => profile_create::create(ctx, args).await,
        ProfilesCommand::Push { id_or_name } => profile_sync::push(ctx, &id_or_name).await,
        ProfilesCommand::Pull { ids_or_names } => profile_pull::pull(ctx, &ids_or_names).await,
        ProfilesCommand::Enable { id_or_name } => {
            profile_sync::set_enabled(ctx, &id_or_name, true).await
        }
        ProfilesCommand::Disable { id_or_name } => {
            profile_sync::set_enabled(ctx, &id_or_name, false).await
        }
        ProfilesCommand::Delete { id_or_name, remote } => {
            profile_sync::delete(ctx, &id_or_name, remote).await
        }
    }
}

fn list(ctx: &Context) -> CliResult {
    let profiles = ctx.workspace.profiles().list()?;
    if ctx.out.is_json() {
        ctx.out.json(&profiles);
        return Ok(());
    }
    if profiles.is_empty() {
        ctx.out
            .line("No profiles yet: create one with `textgate-cli profiles create`");
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
