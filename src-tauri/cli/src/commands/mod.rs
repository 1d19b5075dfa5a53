//! Dispatch: opens the workspace and hands each command group to its own file.

mod burst;
mod diagnostics;
mod emulate;
mod emulator;
mod gateways;
mod history;
mod history_export;
mod history_query;
mod history_replay;
mod listen;
mod profile_bulk;
mod profile_conflict;
mod profile_create;
mod profile_pull;
mod profile_secret;
mod profile_select;
mod profile_set;
mod profile_show;
mod profile_sync;
mod profile_transfer;
mod profiles;
mod scenario_event;
mod scenarios;
mod schemas;
mod send;
mod server;
mod server_login;
mod signature;
mod template;

use std::path::PathBuf;

use crate::args::Command;
use crate::context::Context;
use crate::error::CliResult;
use crate::output::Output;

pub async fn run(command: Command, data_dir: Option<PathBuf>, out: &Output) -> CliResult {
    let open = || Context::open(data_dir.clone(), Output::new(out.is_json()));
    match command {
        Command::Server(command) => server::run(&open()?, command).await,
        Command::Schemas(command) => schemas::run(&open()?, command).await,
        Command::Gateways(command) => gateways::run(&open()?, command).await,
        Command::Profiles(command) => profiles::run(&open()?, command).await,
        Command::Listen(args) => listen::run(&open()?, args).await,
        Command::Send(args) => send::run(&open()?, args).await,
        Command::Emulate(args) => emulate::run(&open()?, args).await,
        Command::Burst(args) => burst::run(&open()?, args).await,
        Command::History(command) => history::run(&open()?, command).await,
        Command::Scenarios(command) => scenarios::run(&open()?, command),
        Command::Sign(args) => signature::sign(args, out),
        Command::Verify(args) => signature::verify(args, out),
        Command::Diagnostics => diagnostics::run(data_dir, out),
        // Templates are pure computation: no data folder or keychain.
        Command::Template(command) => template::run(command, out),
        // The emulator keeps its state in memory: it needs no data folder or keychain.
        Command::Emulator {
            port,
            token,
            token_stdin,
            auto_reply,
            fault,
            logins,
        } => {
            emulator::run(
                port,
                emulator::token(token, token_stdin, out)?,
                auto_reply,
                fault,
                logins,
            )
            .await
        }
    }
}

/// Whether the command works in the data folder (so `-v` also writes its log folder there);
/// the others must not create it.
pub fn uses_data_dir(command: &Command) -> bool {
    !matches!(
        command,
        Command::Sign(_)
            | Command::Verify(_)
            | Command::Template(_)
            | Command::Diagnostics
            | Command::Emulator { .. }
    )
}
