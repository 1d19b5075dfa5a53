//! `listen`: the harness receiver for scripts. Verifies every callback with the profile's app
//! secret (from the keychain) and prints one JSON line per request on stdout, in arrival order:
//! `{"time", "signature": "valid"|"invalid"|"missing", "body", "method", "path", "status",
//! "answered": "status"|"dropped"|"hung"}` (`status` is null when no HTTP answer was given:
//! `--drop`, `--hang`).
//! The address goes to stderr so stdout stays machine-readable. Each request is also kept in
//! the history, like the app's receiver log.
//!
//! It runs core's receiver session, as the app's Receive tab does: core checks the answer
//! (`--status`, `--delay-ms`, a plan that fails on purpose: `--fail-first`, `--fail-rate`,
//! `--drop`, `--hang`), keeps every request in the history (a transaction per batch of
//! arrivals) and hands each batch to this command's line printer; a failed history write is a
//! warning on stderr. Senders are answered at full speed whatever reads stdout or however slow
//! the disk is: the server runs on a runtime thread of its own, and lines go to a printer thread
//! through an unbounded queue (none is lost, however slow the reader). When the reader goes away (`| head -1`), listen
//! ends quietly with exit code 0, as a reader that has seen enough is not a failure.

use std::time::Duration;

use textgate_core::harness::history::HistoryEntry;
use textgate_core::harness::receiver::{self, ReceivedRequest, ReceiverAnswer};
use textgate_core::harness::receiver_session::{self, Ended, ReceiverSink};
use textgate_core::CoreError;
use textgate_core::ErrorCode;

use crate::args::ListenArgs;
use crate::context::Context;
use crate::error::{CliError, CliResult};

#[path = "listen_printer.rs"]
mod printer;

use printer::{Closed, Printer};

pub async fn run(ctx: &Context, args: ListenArgs) -> CliResult {
    let profile = ctx.workspace.profiles().resolve(&args.profile)?;
    if profile.secret.is_none() {
        return Err(CliError::new(
            ErrorCode::NoSecret,
            format!(
                "No app secret for \u{201c}{}\u{201d} in the keychain: set one in the app first",
                profile.name
            ),
        ));
    }
    // Core's one check of the answer, the app's too (clap already held the flags to it).
    let config = ctx.workspace.harness().receiver_config(
        &profile.id,
        args.port,
        &args.path,
        ReceiverAnswer {
            status: args.status,
            delay: Duration::from_millis(args.delay_ms),
            plan: args.plan(),
            ..ReceiverAnswer::default()
        },
    )?;
    let cannot_listen = |error: &dyn std::fmt::Display| {
        CliError::new(
            ErrorCode::Listen,
            format!("Cannot listen on 127.0.0.1:{}: {error}", args.port),
        )
    };
    // The server's own runtime: the history writes below block this thread on SQLite.
    let server_runtime = ServerRuntime(Some(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("listen-server")
            .enable_all()
            .build()
            .map_err(|error| cannot_listen(&error))?,
    ));
    let started = server_runtime.handle().spawn(receiver::start(config)).await;
    let (running, mut requests) = match started {
        Ok(Ok(started)) => started,
        Ok(Err(error)) => return Err(cannot_listen(&error)),
        Err(error) => return Err(cannot_listen(&error)),
    };
    let (printer, closed) =
        Printer::spawn().map_err(|error| CliError::new(ErrorCode::Internal, error.to_string()))?;
    eprintln!("listening on {}", running.url());
    let url = running.url();
    // The history is evidence, not the output: a full disk must not stop the listener.
    let store = |batch: Vec<ReceivedRequest>| {
        let stored = ctx
            .workspace
            .harness()
            .record_received_batch(Some(&profile.id), &url, &batch);
        std::future::ready((batch, stored))
    };
    let mut sink = LineSink { ctx, printer };
    let ended = receiver_session::follow(&mut requests, store, &mut sink, args.count, closed).await;
    // The last answers (after --delay-ms) still reach their senders.
    running
        .stop(Duration::from_millis(args.delay_ms) + Duration::from_secs(2))
        .await;
    if let Ended::Until(reason) = ended {
        if let Ok(Closed::Failed(error)) = reason {
            ctx.out.warn(format!("Cannot write to stdout: {error}"));
        }
        // Nobody reads the lines any more, but what arrived is still evidence.
        receiver_session::keep_the_rest(&mut requests, store, &mut sink).await;
    }
    sink.printer.finish();
    Ok(())
}

/// `listen`'s end of the receiver session: one JSON line per request on stdout, and a warning
/// on stderr for what the history could not keep.
struct LineSink<'a> {
    ctx: &'a Context,
    printer: Printer,
}

impl ReceiverSink for LineSink<'_> {
    fn forward(&mut self, requests: &[ReceivedRequest], _entries: Vec<HistoryEntry>) {
        for request in requests {
            self.printer.print(json_line(request));
        }
    }

    fn not_recorded(&mut self, _count: usize, error: &CoreError) {
        self.ctx
            .out
            .warn(format!("Not kept in the history: {error}"));
    }
}

/// The server's runtime, shut down in the background however `run` ends: dropping a runtime
/// inside this async context (an early `?`, such as a port already in use) would panic.
struct ServerRuntime(Option<tokio::runtime::Runtime>);

impl ServerRuntime {
    fn handle(&self) -> &tokio::runtime::Handle {
        self.0.as_ref().expect("present until dropped").handle()
    }
}

impl Drop for ServerRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

/// The request as one line of stdout.
fn json_line(request: &ReceivedRequest) -> String {
    serde_json::json!({
        "time": request.time,
        "signature": request.verdict.label(),
        "body": String::from_utf8_lossy(&request.body),
        "method": request.method,
        "path": request.path,
        "status": request.status(),
        "answered": request.answered.kind(),
    })
    .to_string()
}
