//! `listen`: the harness receiver for scripts. Verifies every callback with the profile's app
//! secret (from the keychain) and prints one JSON line per request on stdout, in arrival order:
//! `{"time", "signature": "valid"|"invalid"|"missing", "body", "method", "path", "status"}`.
//! The address goes to stderr so stdout stays machine-readable. Each request is also kept in
//! the history, like the app's receiver log.
//!
//! Senders are answered at full speed whatever reads stdout or however slow the disk is: the
//! server runs on a runtime thread of its own, lines go to a printer thread through an
//! unbounded queue (none is lost, however slow the reader), and this task writes the history
//! in one transaction per batch of arrivals. When the reader goes away (`| head -1`), listen
//! ends quietly with exit code 0, as a reader that has seen enough is not a failure.

use std::time::Duration;

use textgate_core::harness::receiver::{self, ReceivedRequest, ReceiverAnswer, ReceiverConfig};
use textgate_core::ErrorCode;

use crate::args::ListenArgs;
use crate::context::Context;
use crate::error::{CliError, CliResult};

#[path = "listen_printer.rs"]
mod printer;

use printer::{Closed, Printer};

/// At most this many requests go into one history transaction.
const BATCH: usize = 512;

pub async fn run(ctx: &Context, args: ListenArgs) -> CliResult {
    let profile = ctx.workspace.resolve_profile(&args.profile)?;
    let Some(secret) = profile.secret else {
        return Err(CliError::new(
            ErrorCode::NoSecret,
            format!(
                "No app secret for \u{201c}{}\u{201d} in the keychain: set one in the app first",
                profile.name
            ),
        ));
    };
    let config = ReceiverConfig {
        port: args.port,
        secret,
        answer: ReceiverAnswer {
            status: args.status,
            delay: Duration::from_millis(args.delay_ms),
            ..ReceiverAnswer::default()
        },
        ..ReceiverConfig::new(args.path, "")
    };
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
    let (printer, mut closed) =
        Printer::spawn().map_err(|error| CliError::new(ErrorCode::Internal, error.to_string()))?;
    eprintln!("listening on {}", running.url());
    let url = running.url();
    let record = |batch: &[ReceivedRequest]| {
        // The history is evidence, not the output: a full disk must not stop the listener.
        if let Err(error) = ctx
            .workspace
            .record_received_batch(Some(&profile.id), &url, batch)
        {
            ctx.out.warn(format!("Not kept in the history: {error}"));
        }
    };

    let mut batch = Vec::with_capacity(BATCH);
    let mut seen = 0u64;
    let mut reader_gone = false;
    loop {
        tokio::select! {
            biased;
            reason = &mut closed => {
                if let Ok(Closed::Failed(error)) = reason {
                    ctx.out.warn(format!("Cannot write to stdout: {error}"));
                }
                reader_gone = true;
                break;
            }
            taken = requests.recv_many(&mut batch, BATCH) => if taken == 0 { break },
        }
        if let Some(count) = args.count {
            batch.truncate(usize::try_from(count - seen).unwrap_or(usize::MAX));
        }
        for request in &batch {
            printer.print(json_line(request));
        }
        record(&batch);
        seen += batch.len() as u64;
        batch.clear();
        if args.count.is_some_and(|count| seen >= count) {
            break;
        }
    }
    // The last answers (after --delay-ms) still reach their senders.
    running
        .stop(Duration::from_millis(args.delay_ms) + Duration::from_secs(2))
        .await;
    if reader_gone {
        // Nobody reads the lines any more, but what arrived is still evidence.
        while requests.recv_many(&mut batch, BATCH).await > 0 {
            record(&batch);
            batch.clear();
        }
    }
    printer.finish();
    Ok(())
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
        "status": request.status,
    })
    .to_string()
}
