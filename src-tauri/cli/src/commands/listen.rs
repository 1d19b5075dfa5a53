//! `listen`: the harness receiver for scripts. Verifies every callback with the profile's app
//! secret (from the keychain) and prints one JSON line per request on stdout, in arrival order:
//! `{"time", "signature": "valid"|"invalid"|"missing", "body", "method", "path", "status"}`.
//! The address goes to stderr so stdout stays machine-readable. Each request is also kept in
//! the history, like the app's receiver log.

use std::time::Duration;

use textgate_core::harness::receiver::{self, ReceiverAnswer, ReceiverConfig, DEFAULT_MAX_BODY};

use crate::args::ListenArgs;
use crate::context::Context;
use crate::error::{CliError, CliResult};

pub async fn run(ctx: &Context, args: ListenArgs) -> CliResult {
    let profile = ctx.workspace.resolve_profile(&args.profile)?;
    let Some(secret) = profile.secret else {
        return Err(CliError::new(
            "keychain",
            format!(
                "No app secret for \u{201c}{}\u{201d} in the keychain: set one in the app first",
                profile.name
            ),
        ));
    };
    let config = ReceiverConfig {
        port: args.port,
        path: args.path,
        secret,
        max_body: DEFAULT_MAX_BODY,
        answer: ReceiverAnswer {
            status: args.status,
            delay: Duration::from_millis(args.delay_ms),
            ..ReceiverAnswer::default()
        },
    };
    let (running, mut requests) = receiver::start(config).await.map_err(|error| {
        CliError::new(
            "listen",
            format!("Cannot listen on 127.0.0.1:{}: {error}", args.port),
        )
    })?;
    eprintln!("listening on {}", running.url());
    let url = running.url();
    let mut seen = 0u64;
    while let Some(request) = requests.recv().await {
        // The history is evidence, not the output: a full disk must not stop the listener.
        if let Err(error) = ctx
            .workspace
            .record_received(Some(&profile.id), &url, &request)
        {
            ctx.out.warn(format!("Not kept in the history: {error}"));
        }
        let line = serde_json::json!({
            "time": request.time,
            "signature": request.verdict.label(),
            "body": String::from_utf8_lossy(&request.body),
            "method": request.method,
            "path": request.path,
            "status": request.status,
        });
        ctx.out.line_always(&line.to_string());
        seen += 1;
        if args.count.is_some_and(|count| seen >= count) {
            break;
        }
    }
    // The last answers (after --delay-ms) still reach their senders.
    running
        .stop(Duration::from_millis(args.delay_ms) + Duration::from_secs(2))
        .await;
    Ok(())
}
