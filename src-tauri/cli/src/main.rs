//! `textgate-cli`: the Textgate gateway admin for scripts and terminals, on the same data and
//! keychain as the desktop app. This file only wires things up: parse the command line, run
//! one command on a tokio runtime, and turn any failure into exit code 1 with one stderr line.

mod args;
mod commands;
mod context;
mod error;
mod output;
mod secret_input;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;
use textgate_core::ErrorCode;

use crate::args::Cli;
use crate::error::CliError;
use crate::output::Output;

/// Exit code of a command line clap could not parse (as most Unix tools do).
const USAGE_EXIT: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let out = Output::new(cli.json);
    // Without -v nothing is logged: stdout, stderr and the data folder stay as scripts know them.
    let _log = (cli.verbose > 0).then(|| {
        let dir = commands::uses_data_dir(&cli.command)
            .then(|| textgate_core::paths::resolve_log_dir(cli.data_dir.clone()))
            .flatten();
        textgate_logging::init(&textgate_logging::LogOptions {
            dir,
            file_prefix: "textgate-cli",
            stderr: true,
            level: textgate_logging::level_for_verbosity(cli.verbose),
        })
    });
    tracing::debug!(target: "textgate::cli", version = env!("CARGO_PKG_VERSION"), "started");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    let result = match runtime {
        Ok(runtime) => runtime.block_on(commands::run(cli.command, cli.data_dir, &out)),
        Err(error) => Err(CliError::new(
            ErrorCode::Internal,
            format!("Cannot start: {error}"),
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(
                target: "textgate::cli",
                code = %error.code.map(|code| code.to_string()).unwrap_or_default(),
                error = error.cause.as_deref().unwrap_or(&error.message),
                reported = error.reported,
                "command failed"
            );
            out.error(&error);
            ExitCode::from(1)
        }
    }
}

/// `--help` and `--version` print as clap renders them; a bad command line is one line.
fn usage_error(error: &clap::Error) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = error.print();
        return if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(USAGE_EXIT)
        } else {
            ExitCode::SUCCESS
        };
    }
    // clap's first paragraph is the complaint (it may list missing arguments on more lines);
    // the usage block and tips after it are left to --help.
    let rendered = error.render().to_string();
    let complaint: Vec<&str> = rendered
        .lines()
        .skip_while(|line| line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    let complaint = complaint.join(" ");
    let complaint = complaint.trim_start_matches("error:").trim();
    let message = if complaint.is_empty() {
        "invalid command line (add --help for usage)".to_string()
    } else {
        format!("{complaint} (add --help for usage)")
    };
    // `args_os`: the command line may hold non-UTF-8 bytes (that may be why clap refused it).
    let json = std::env::args_os().any(|arg| arg == "--json");
    Output::new(json).error(&CliError::new(ErrorCode::Usage, message));
    ExitCode::from(USAGE_EXIT)
}
