//! `schemas list`: the chat and default flow schemas of a server. Without `--query` the list
//! also replaces the local cache, so the app's flow select (and `profiles create --flow`) see it.

use crate::args::{SchemasCommand, ServerQuery};
use crate::context::Context;
use crate::error::CliResult;
use crate::output::Table;

pub async fn run(ctx: &Context, command: SchemasCommand) -> CliResult {
    match command {
        SchemasCommand::List(args) => list(ctx, args).await,
    }
}

async fn list(ctx: &Context, args: ServerQuery) -> CliResult {
    let query = args.query.as_deref().filter(|q| !q.trim().is_empty());
    let schemas = match query {
        None => {
            ctx.workspace
                .servers()
                .refresh_flow_schemas(&args.server)
                .await?
        }
        Some(query) => {
            let server = ctx.workspace.servers().find(&args.server)?;
            ctx.workspace
                .servers()
                .search_flow_schemas(&server, Some(query))
                .await?
        }
    };
    if ctx.out.is_json() {
        ctx.out.json(&schemas);
        return Ok(());
    }
    if schemas.is_empty() {
        ctx.out.line("No flow schemas found");
        return Ok(());
    }
    let mut table = Table::new(&["ID", "NAME", "TYPE"]);
    for schema in schemas {
        table.row(vec![schema.id.to_string(), schema.name, schema.kind]);
    }
    ctx.out.line(table.render());
    Ok(())
}
